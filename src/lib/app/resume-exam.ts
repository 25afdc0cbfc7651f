// Finding the exam in progress when the practice page opens: a session that can be resumed (with
// how far it got and the time left), one that cannot (named, so the learner can abandon it), or none.
import { readExamSession, writeExamSession } from '../db/exam-session-store';
import type { PrepLabDb } from '../db/schema';
import type { ScorableItem } from '../study/exam-engine';
import { checkExamSession, fromLegacySavedExam, sessionSummary, type ExamSession, type SessionSummary } from '../study/exam-session';

export type UnfinishedExam = { kind: 'none' } | { kind: 'resumable'; session: ExamSession; summary: SessionSummary } | { kind: 'broken'; problem: string };

/**
 * `items` are the exam items the app has now (top level, a case with its sub-items). `legacyJson`
 * is what the previous version left in sessionStorage, if anything: with no session in IndexedDB it
 * is moved there (the caller then removes it), so an exam begun before the update is not lost.
 */
export async function findUnfinishedExam<T extends ScorableItem<T> & { id: string }>(db: PrepLabDb, items: readonly T[], now: Date, legacyJson: string | null = null): Promise<UnfinishedExam> {
	let stored: unknown = await readExamSession(db);
	if (stored === undefined) {
		const legacy = fromLegacySavedExam(legacyJson, now.getTime());
		if (!legacy) return { kind: 'none' };
		await writeExamSession(db, legacy);
		stored = legacy;
	}
	const byId = new Map(items.map((i) => [i.id, i]));
	const checked = checkExamSession(stored, new Set(byId.keys()));
	if ('problem' in checked) return { kind: 'broken', problem: checked.problem };
	const session = checked.session;
	return { kind: 'resumable', session, summary: sessionSummary(session, session.itemIds.map((id) => byId.get(id)!), now.getTime()) };
}
