// Turns a practice-exam question into the plain-text front and back of a "mistakes" flashcard.
// Plain text, not HTML: the card is stored in IndexedDB and shown as text, so nothing read back
// (or imported from a backup) can inject markup.
import type { ExamItem } from '../content/schema';
import { displayOrder } from './exam-engine';

export interface MistakeCard {
	front: string;
	back: string;
}

/** Markdown to readable plain text: code, emphasis and link markup removed, words kept. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^#{1,6}\s+/gm, '')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
		.replace(/<[^>]+>/g, '')
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

const letter = (i: number) => String.fromCharCode(65 + i);
const yesNo = (answer: boolean) => (answer ? 'Yes' : 'No');

/**
 * Front: the stem (after the case scenario, for a case's sub-item) and the options as lettered
 * lines; the steps of an ordering item are listed out of order. Back: the correct answer(s) and
 * the explanation.
 */
export function mistakeCard(item: ExamItem, caseItem: ExamItem | null = null): MistakeCard {
	const front: string[] = [];
	if (caseItem) front.push(plainText(caseItem.stem), plainText(caseItem.scenario ?? ''), '');
	front.push(plainText(item.stem));
	const back: string[] = [];
	if (item.type === 'ordering') {
		// Seed 0: a fixed shuffle that never shows three or more steps already in order.
		displayOrder(item, 0).forEach((step, i) => front.push(`${letter(i)}. ${plainText(item.options[step]!.text)}`));
		back.push('Correct order:', ...item.options.map((o, i) => `${i + 1}. ${plainText(o.text)}`));
	} else if (item.type === 'yesno') {
		item.statements.forEach((s, i) => front.push(`${i + 1}. ${plainText(s.text)}`));
		back.push(...item.statements.map((s, i) => `${i + 1}. ${yesNo(s.answer)}: ${plainText(s.text)}`));
	} else {
		item.options.forEach((o, i) => front.push(`${letter(i)}. ${plainText(o.text)}`));
		const correct = item.options.flatMap((o, i) => (o.correct ? [`${letter(i)}. ${plainText(o.text)}`] : []));
		back.push(correct.length === 1 ? 'Correct answer:' : 'Correct answers:', ...correct);
	}
	const explanation = plainText(item.explanation);
	if (explanation) back.push('', explanation);
	return { front: front.join('\n'), back: back.join('\n') };
}
