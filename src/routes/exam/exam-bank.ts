// The exam items the practice and attempt pages run, fetched from /exam/bank.json (one prerendered
// file the service worker precaches, so it works offline) and checked before a page uses it.
import type { SkillLine } from '$lib/content/bank-lint';
import { TRACKS, type Track } from '$lib/content/tracks';
import { errorMessage } from '$lib/error-message';
import type { PracticeDomain, PracticeItem } from './practice/practice-item';

/** One exam's practice: its name, domains, items and outline task lines. */
export interface TrackBank {
	exam: string;
	domains: PracticeDomain[];
	items: PracticeItem[];
	skillLines: SkillLine[];
}

export type ExamBank = Record<Track, TrackBank>;

export const EXAM_BANK_URL = '/exam/bank.json';
/** A fetch that has not answered by then is given up with a message, never left "Loading…". */
const TIMEOUT_MS = 30_000;

const isList = (v: unknown) => Array.isArray(v);

/** The first thing wrong with a fetched bank, or null when each exam has its name, domains, items and task lines. */
export function bankProblem(value: unknown): string | null {
	if (value === null || typeof value !== 'object') return 'it is not a JSON object';
	for (const track of TRACKS) {
		const bank = (value as Record<string, Partial<Record<keyof TrackBank, unknown>>>)[track];
		if (!bank || typeof bank !== 'object') return `the ${track} exam is missing`;
		if (typeof bank.exam !== 'string') return `the ${track} exam has no name`;
		for (const key of ['domains', 'items', 'skillLines'] as const) if (!isList(bank[key])) return `the ${track} exam has no list of ${key}`;
		const bad = (bank.items as unknown[]).findIndex((i) => !i || typeof (i as PracticeItem).id !== 'string' || !isList((i as PracticeItem).items));
		if (bad >= 0) return `item ${bad + 1} of the ${track} exam is not an exam item`;
	}
	return null;
}

/** Fetches and checks the bank; throws an Error saying what went wrong (HTTP status, bad JSON, wrong shape, timeout). */
export async function fetchExamBank(fetcher: typeof fetch = fetch): Promise<ExamBank> {
	let response: Response;
	try {
		response = await fetcher(EXAM_BANK_URL, { signal: AbortSignal.timeout(TIMEOUT_MS) });
	} catch (e) {
		throw new Error((e as Error)?.name === 'TimeoutError' ? `${EXAM_BANK_URL} did not arrive within ${TIMEOUT_MS / 1000} s.` : `${EXAM_BANK_URL} could not be fetched (${errorMessage(e)}).`);
	}
	if (!response.ok) throw new Error(`${EXAM_BANK_URL} answered HTTP ${response.status}.`);
	let value: unknown;
	try {
		value = await response.json();
	} catch (e) {
		throw new Error(`${EXAM_BANK_URL} is not valid JSON (${errorMessage(e)}).`);
	}
	const problem = bankProblem(value);
	if (problem) throw new Error(`${EXAM_BANK_URL} cannot be used: ${problem}.`);
	return value as ExamBank;
}
