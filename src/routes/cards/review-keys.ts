// Which review action a key press means. Only places that take typing keep their keys; a focused
// checkbox, button or link elsewhere on the page does not swallow Space (it reveals the answer).
import { GRADES, type Grade } from '$lib/study/scheduler';

export type ReviewKeyAction = { kind: 'reveal' } | { kind: 'grade'; grade: Grade } | { kind: 'undo' } | { kind: 'suspend' } | { kind: 'bury' } | { kind: 'swallow' };

const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True where keys type text or pick options: text inputs, text areas, selects, editable content. */
export function takesTyping(target: Element): boolean {
	const field = target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
	if (!field) return false;
	return !(field instanceof HTMLInputElement && NOT_TYPING.has(field.type));
}

export function reviewKeyAction(event: KeyboardEvent, revealed: boolean, cram: boolean): ReviewKeyAction | null {
	const target = event.target as Element;
	if (event.altKey || takesTyping(target)) return null;
	if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') return { kind: 'undo' };
	if (event.ctrlKey || event.metaKey) return null;
	if (event.key === ' ') {
		if (!revealed) return { kind: 'reveal' };
		// A button (a grade, Undo) keeps Space; a deck checkbox must not restart the session under the card.
		return target.closest('input[type="checkbox"], input[type="radio"], summary') ? { kind: 'swallow' } : null;
	}
	// Enter keeps its meaning on buttons, links and the filters' summary.
	if (event.key === 'Enter') return !revealed && !target.closest('button, a, summary') ? { kind: 'reveal' } : null;
	const grade = GRADES.find((g) => g.key === event.key);
	if (grade) return revealed ? { kind: 'grade', grade: grade.grade } : null;
	if (event.key === 's' && !cram) return { kind: 'suspend' };
	if (event.key === 'b' && !cram) return { kind: 'bury' };
	return null;
}

/** What a key can ask of the review session. */
export interface ReviewKeyTarget {
	revealed: boolean;
	cram: boolean;
	reveal(): void;
	grade(grade: Grade): unknown;
	undo(): unknown;
	suspend(): unknown;
	bury(): unknown;
}

/** The page's one key handler. `cardShown` is false on the "nothing due" screen, where only undo works. */
export function handleReviewKey(event: KeyboardEvent, session: ReviewKeyTarget, cardShown: boolean): void {
	const action = reviewKeyAction(event, session.revealed, session.cram);
	if (!action || (!cardShown && action.kind !== 'undo')) return;
	event.preventDefault();
	if (action.kind === 'reveal') session.reveal();
	else if (action.kind === 'grade') session.grade(action.grade);
	else if (action.kind === 'undo') session.undo();
	else if (action.kind === 'suspend') session.suspend();
	else if (action.kind === 'bury') session.bury();
}
