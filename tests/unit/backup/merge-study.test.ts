import { describe, expect, it } from 'vitest';
import { mergeStudy, type StudyMerge, type StudyRecords } from '../../../src/lib/backup/merge-study';
import { seededRandom, type Random } from '../../../src/lib/ml/random';
import { replayReviews, reviewKey } from '../../../src/lib/study/replay-reviews';
import { DEFAULT_SCHEDULER_SETTINGS, gradeCard, newCardState, type CardState, type Grade, type ReviewLogEntry } from '../../../src/lib/study/scheduler';

const t0 = new Date('2026-11-01T08:00:00Z').getTime();
const CARDS = ['dp100/a', 'dp100/b', 'dp100/c', 'cater/d', 'dp100/e'];
const settings = () => DEFAULT_SCHEDULER_SETTINGS;

/** Reviews at increasing random times on random cards with random grades. */
function randomReviews(random: Random, n: number): { cardId: string; grade: Grade; at: Date }[] {
	let t = t0;
	return Array.from({ length: n }, () => {
		t += Math.floor(random() * 3 * 86_400_000) + 60_000;
		return { cardId: CARDS[Math.floor(random() * CARDS.length)]!, grade: (1 + Math.floor(random() * 4)) as Grade, at: new Date(t) };
	});
}

/** One device grading these reviews itself, as the review page does: its states and its log (ids 1, 2, …). */
function device(reviews: { cardId: string; grade: Grade; at: Date }[]): StudyRecords {
	const states = new Map<string, CardState>();
	const logs: (ReviewLogEntry & { id: number })[] = [];
	for (const r of reviews) {
		const { next, log } = gradeCard(states.get(r.cardId) ?? newCardState(r.cardId, r.at), r.grade, r.at, 1500);
		states.set(r.cardId, next);
		logs.push({ ...log, id: logs.length + 1 });
	}
	return { cardStates: [...states.values()], reviewLogs: logs, interviewAttempts: [], examAttempts: [], mistakes: [] };
}

/** The device after writing a merge (what merge-store does, without IndexedDB). */
function apply(local: StudyRecords, m: StudyMerge): StudyRecords {
	const states = new Map(local.cardStates.map((s) => [s.cardId, s]));
	for (const s of m.cardStates) states.set(s.cardId, s);
	return {
		cardStates: [...states.values()],
		reviewLogs: [...local.reviewLogs, ...m.reviewLogs.map((l, i) => ({ ...l, id: local.reviewLogs.length + i + 1 }))],
		interviewAttempts: [...local.interviewAttempts, ...m.interviewAttempts],
		examAttempts: [...local.examAttempts, ...m.examAttempts],
		mistakes: [...local.mistakes, ...m.mistakes]
	};
}

/** What a learner sees of a device's study state: each card's schedule, and which reviews it holds. */
const studyState = (d: StudyRecords) => ({
	cards: Object.fromEntries([...d.cardStates].sort((a, b) => a.cardId.localeCompare(b.cardId)).map((s) => [s.cardId, { due: s.due.toISOString(), fsrs: s.fsrs, suspended: !!s.suspended }])),
	reviews: d.reviewLogs.map(reviewKey).sort()
});

const split = (random: Random, reviews: ReturnType<typeof randomReviews>) => {
	const a: typeof reviews = [];
	const b: typeof reviews = [];
	for (const r of reviews) (random() < 0.5 ? a : b).push(r);
	return [a, b] as const;
};

describe('merging study records (property tests on random review logs)', () => {
	it('replaying a device\'s own log gives exactly the states it graded', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const d = device(randomReviews(seededRandom(seed), 40));
			for (const state of d.cardStates) {
				expect(replayReviews(state.cardId, d.reviewLogs.filter((l) => l.cardId === state.cardId), settings())).toEqual(state);
			}
		}
	});

	it('two devices merged either way end with the states of having done every review on one device', () => {
		for (let seed = 1; seed <= 30; seed++) {
			const random = seededRandom(seed);
			const reviews = randomReviews(random, 30);
			const [ra, rb] = split(random, reviews);
			const a = device(ra);
			const b = device(rb);
			const aThenB = apply(a, mergeStudy(a, b, settings));
			const bThenA = apply(b, mergeStudy(b, a, settings));
			const single = studyState(device(reviews));
			expect(studyState(aThenB), `seed ${seed}`).toEqual(single);
			expect(studyState(bThenA), `seed ${seed}`).toEqual(single);
		}
	});

	it('is idempotent: merging the same backup again adds and changes nothing', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const random = seededRandom(seed);
			const [ra, rb] = split(random, randomReviews(random, 25));
			const a = device(ra);
			const b = device(rb);
			const once = apply(a, mergeStudy(a, b, settings));
			expect(mergeStudy(once, b, settings)).toEqual({ reviewLogs: [], interviewAttempts: [], examAttempts: [], mistakes: [], cardStates: [] });
			// And back: B merging A's merged file, then A merging B's again, settles on one state.
			const bAfter = apply(b, mergeStudy(b, once, settings));
			expect(studyState(bAfter)).toEqual(studyState(once));
			expect(mergeStudy(once, bAfter, settings).reviewLogs).toEqual([]);
		}
	});

	it('adds interview answers, practice exams and mistakes once, by what they are rather than their local numbers', () => {
		const at = new Date(t0);
		const attempt = (id: number, questionId: string) => ({ id, questionId, startedAt: at, answer: 'x', grade: 3 });
		const exam = (id: number, minutes: number) => ({ id, mode: 'full', startedAt: new Date(t0 + minutes * 60_000), score: 0.5 });
		const a: StudyRecords = { cardStates: [], reviewLogs: [], interviewAttempts: [attempt(1, 'q1')], examAttempts: [exam(1, 0)], mistakes: [{ itemId: 'm1' }] };
		const b: StudyRecords = { cardStates: [], reviewLogs: [], interviewAttempts: [attempt(1, 'q2'), attempt(2, 'q1')], examAttempts: [exam(1, 5), exam(2, 0)], mistakes: [{ itemId: 'm1' }, { itemId: 'm2' }] };
		const m = mergeStudy(a, b, settings);
		expect(m.interviewAttempts).toEqual([{ questionId: 'q2', startedAt: at, answer: 'x', grade: 3 }]);
		expect(m.examAttempts).toEqual([{ mode: 'full', startedAt: new Date(t0 + 5 * 60_000), score: 0.5 }]);
		expect(m.mistakes).toEqual([{ itemId: 'm2' }]);
	});

	it('keeps a suspension from either device, and this device\'s burying only', () => {
		const at = new Date(t0);
		const a = device([{ cardId: 'dp100/a', grade: 3, at }]);
		const suspended: StudyRecords = { ...device([]), cardStates: [{ ...newCardState('dp100/a', at), suspended: true }, { ...newCardState('dp100/b', at), buriedUntil: new Date(t0 + 86_400_000) }] };
		const m = mergeStudy(a, suspended, settings);
		expect(m.cardStates.map((s) => [s.cardId, !!s.suspended, s.buriedUntil])).toEqual([
			['dp100/a', true, undefined],
			['dp100/b', false, undefined]
		]);
		expect(m.cardStates[0]!.fsrs).toEqual(a.cardStates[0]!.fsrs);
		const back = mergeStudy(suspended, a, settings);
		expect(back.cardStates[0]).toMatchObject({ cardId: 'dp100/a', suspended: true, fsrs: a.cardStates[0]!.fsrs });
	});
});
