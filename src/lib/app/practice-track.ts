// Which exam the practice page runs: the chosen one, unless the exam in progress belongs to the
// other exam, so switching exams in Settings never strands an unfinished exam.
import type { Track } from '../content/tracks';
import { readExamSession } from '../db/exam-session-store';
import type { PrepLabDb } from '../db/schema';
import { loadTrack } from './study-settings';

/** @param itemIds each exam's item ids (top level and case sub-items) */
export async function practiceTrack(db: PrepLabDb, itemIds: Record<Track, ReadonlySet<string>>): Promise<{ track: Track; resumesOther: boolean }> {
	const [chosen, session] = await Promise.all([loadTrack(db), readExamSession(db)]);
	const ids = Array.isArray(session?.itemIds) ? (session.itemIds as unknown[]) : [];
	const fits = (t: Track) => ids.every((id) => typeof id === 'string' && itemIds[t].has(id));
	if (ids.length === 0 || fits(chosen)) return { track: chosen, resumesOther: false };
	const other = (Object.keys(itemIds) as Track[]).find((t) => t !== chosen && fits(t));
	return other ? { track: other, resumesOther: true } : { track: chosen, resumesOther: false };
}
