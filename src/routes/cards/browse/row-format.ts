// How the card browser writes a row's dates, intervals and difficulty.
import { formatPercent } from '$lib/format';
import { formatInterval } from '$lib/study/scheduler';

export const formatDay = (d: Date | null): string => (d ? d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) : '–');

export const formatSpan = (ms: number | null): string => (ms === null ? '–' : formatInterval(ms));

/** Days as the review history shows them; a same-day learning step is "< 1d". */
export const formatDays = (days: number | null): string => (days === null ? 'new' : days < 1 ? '< 1d' : formatInterval(days * 86_400_000));

/** FSRS difficulty (1..10) as Anki shows it, 0–100 %. */
export const formatDifficulty = (d: number | null): string => (d === null ? '–' : formatPercent((d - 1) / 9, 0));
