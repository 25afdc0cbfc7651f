// The two exams a learner can prepare for ("tracks") and how content serves each. DP-100 items,
// notes and cards keep their DP-100 domain; those tagged with an AI-300 task line (`ai300:` on an
// item, `ai300_skills` on a note) also count for AI-300, in the domain that owns the line.
import { skillLines } from './bank-lint';
import type { Card, ExamItem, ExamOutline, LabSkills, Note } from './schema';

export const TRACKS = ['ai300', 'dp100'] as const;
export type Track = (typeof TRACKS)[number];
/** DP-100 retired on 1 June 2026; AI-300 is the exam a learner can book today. */
export const DEFAULT_TRACK: Track = 'ai300';
export const TRACK_EXAMS: Record<Track, string> = { ai300: 'AI-300', dp100: 'DP-100' };
export const OUTLINE_FILES: Record<Track, string> = { ai300: 'exam/ai300.yaml', dp100: 'exam/outline.yaml' };

export const isTrack = (value: unknown): value is Track => (TRACKS as readonly unknown[]).includes(value);

/** What the track code needs of the content bundle. */
export interface TrackContent {
	outline: ExamOutline | null;
	ai300: ExamOutline | null;
	notes: readonly Note[];
	items: readonly ExamItem[];
	labs: readonly LabSkills[];
}

export function trackOutline(content: Pick<TrackContent, 'outline' | 'ai300'>, track: Track): ExamOutline | null {
	return track === 'ai300' ? content.ai300 : content.outline;
}

/** Task line → the domain that owns it, for one outline. */
export function taskDomains(outline: ExamOutline | null): Map<string, string> {
	return new Map(outline ? skillLines(outline).map((l) => [l.task, l.domain]) : []);
}

/**
 * The exam items of a track, each in that track's domain and task line. An AI-300 item is itself; a
 * DP-100 item tagged `ai300:` carries over with the tagged line's domain and skill; a case carries
 * over with its tagged sub-items only.
 */
export function trackItems(content: TrackContent, track: Track): ExamItem[] {
	const outline = trackOutline(content, track);
	if (!outline) return [];
	const own = new Set(outline.domains.map((d) => d.id));
	if (track === 'dp100') return content.items.filter((i) => own.has(i.domain));
	const domainOf = taskDomains(outline);
	const carry = (i: ExamItem): ExamItem | null => {
		if (i.type === 'case') {
			const subs = i.items.map(carry).filter((s): s is ExamItem => s !== null);
			const domain = (i.ai300 && domainOf.get(i.ai300)) || subs[0]?.domain;
			return domain && subs.length ? { ...i, domain, skill: i.ai300 ?? '', items: subs } : null;
		}
		const domain = i.ai300 ? domainOf.get(i.ai300) : undefined;
		return domain ? { ...i, domain, skill: i.ai300! } : null;
	};
	return content.items.flatMap((i) => (own.has(i.domain) ? [i] : (carry(i) ?? [])));
}

/** The domain a note counts for in a track, or null when it does not serve that track. */
export function noteTrackDomain(content: Pick<TrackContent, 'outline' | 'ai300'>, note: Pick<Note, 'domain' | 'ai300Skills'>, track: Track): string | null {
	const outline = trackOutline(content, track);
	if (outline?.domains.some((d) => d.id === note.domain)) return note.domain;
	if (track === 'ai300') return note.ai300Skills.map((t) => taskDomains(outline).get(t)).find((d) => d !== undefined) ?? null;
	return null;
}

/** The tracks a note serves (a card serves its note's tracks), in TRACKS order. */
export function noteTracks(content: Pick<TrackContent, 'outline' | 'ai300'>, note: Pick<Note, 'domain' | 'ai300Skills'>): Track[] {
	return TRACKS.filter((t) => noteTrackDomain(content, note, t) !== null);
}

/** Card id → its domain in the track, for the cards whose note serves the track. */
export function cardTrackDomains(content: Pick<TrackContent, 'outline' | 'ai300' | 'notes'>, cards: readonly Pick<Card, 'id' | 'note'>[], track: Track): [string, string][] {
	const notes = new Map(content.notes.map((n) => [n.id, n]));
	return cards.flatMap((c) => {
		const note = notes.get(c.note);
		const domain = note ? noteTrackDomain(content, note, track) : null;
		return domain ? [[c.id, domain] as [string, string]] : [];
	});
}

/** One value per track, e.g. what a page needs of each exam. */
export function byTrack<T>(fn: (track: Track) => T): Record<Track, T> {
	return Object.fromEntries(TRACKS.map((t) => [t, fn(t)])) as Record<Track, T>;
}
