// Small display helpers shared by the drill's components.
import { GRADES } from '$lib/study/scheduler';

export const gradeLabel = (grade: number): string => GRADES.find((g) => g.grade === grade)?.label ?? String(grade);

/** 95 000 ms → "1:35". */
export function clock(ms: number): string {
	const s = Math.round(ms / 1000);
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export const when = (d: Date): string => d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
