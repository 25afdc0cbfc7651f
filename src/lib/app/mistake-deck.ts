// The mistakes deck for the Cards page: every practice-exam item answered wrong, as a plain-text
// card (read from storage, so never shown as HTML) tagged with its exam domain.
import { listMistakes } from '../db/exam-store';
import type { PrepLabDb } from '../db/schema';
import { MISTAKES_DECK_ID, type StudyDeck } from '../study/study-deck';

export async function loadMistakeDeck(db: PrepLabDb): Promise<StudyDeck> {
	const mistakes = await listMistakes(db);
	return {
		id: MISTAKES_DECK_ID,
		title: 'Mistakes from practice exams',
		cards: mistakes.map((m) => ({ id: `${MISTAKES_DECK_ID}/${m.itemId}`, front: m.front, back: m.back, note: m.note, tags: [m.domain], plain: true }))
	};
}
