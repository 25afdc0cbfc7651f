// The timed exam's clock. Not strict (the default): it counts the time the exam is open in the app,
// carried across reloads as `usedMs`, so time with the app closed does not count. Strict: the wall
// clock from the start, as in a real exam room.
import { remainingMs, type ExamSession } from '$lib/study/exam-session';

export class ExamClock {
	minutes = $state<number | null>(null);
	strict = $state(false);
	startedAt = $state(0);
	now = $state(0);
	/** Active time used before this page took the exam up. */
	#usedBefore = 0;
	/** When this page took it up (epoch ms). */
	#openedAt = 0;

	start(now: number, minutes: number | null, strict: boolean): void {
		this.startedAt = now;
		this.minutes = minutes;
		this.strict = strict;
		this.#usedBefore = 0;
		this.#openedAt = now;
		this.now = now;
	}

	resume(session: Pick<ExamSession, 'startedAt' | 'minutes' | 'strict' | 'usedMs'>, now: number): void {
		this.startedAt = session.startedAt.getTime();
		this.minutes = session.minutes;
		this.strict = session.strict;
		this.#usedBefore = session.usedMs;
		this.#openedAt = now;
		this.now = now;
	}

	/** Active time used so far, as saved with the session. */
	usedMs(now = this.now): number {
		return this.#usedBefore + Math.max(0, now - this.#openedAt);
	}

	/** Milliseconds left, or null without a timer. */
	get remainingMs(): number | null {
		return remainingMs({ minutes: this.minutes, strict: this.strict, startedAt: new Date(this.startedAt), usedMs: this.#usedBefore }, this.now, Math.max(0, this.now - this.#openedAt));
	}
}
