import { describe, expect, it } from 'vitest';
import { decksToAnkiTsv, escapeHtml } from '../../../src/lib/study/anki-export';
import { chosenCards, chosenTags, type StudyDeck } from '../../../src/lib/study/study-deck';

const decks: StudyDeck[] = [
	{ id: 'dp100', title: 'DP-100', cards: [{ id: 'dp100/a', front: '<p>Q a</p>', back: '<p>A a</p>', note: 'n', tags: ['deploy', 'mlflow'] }] },
	{ id: 'cater', title: 'CATER', cards: [{ id: 'cater/b', front: '<p>Q b</p>', back: '<p>A b</p>', note: 'n', tags: ['interview'] }] },
	{ id: 'mistakes', title: 'Mistakes', cards: [{ id: 'mistakes/q1', front: 'Is 1 < 2 & 3 > 2?', back: 'Yes:\n<b> is not bold', note: 'n', tags: ['deploy'], plain: true }] }
];

describe('picking cards from decks', () => {
	it('takes the chosen decks’ cards, narrowed by a tag, and lists their tags', () => {
		expect(chosenCards(decks, ['dp100', 'mistakes']).map((c) => c.id)).toEqual(['dp100/a', 'mistakes/q1']);
		expect(chosenCards(decks, ['dp100', 'cater', 'mistakes'], 'deploy').map((c) => c.id)).toEqual(['dp100/a', 'mistakes/q1']);
		expect(chosenTags(decks, ['dp100', 'mistakes'])).toEqual(['deploy', 'mlflow']);
		expect(chosenCards(decks, [])).toEqual([]);
	});
});

describe('exporting decks for Anki', () => {
	it('escapes plain-text cards so Anki shows what was typed, and keeps rendered HTML as it is', () => {
		expect(escapeHtml('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
		expect(decksToAnkiTsv(decks, ['dp100', 'mistakes'])).toBe(
			'#separator:tab\n#html:true\n#tags column:3\n' +
				'<p>Q a</p>\t<p>A a</p>\tprep-lab::dp100 deploy mlflow\n' +
				'Is 1 &lt; 2 &amp; 3 &gt; 2?\tYes:<br>&lt;b&gt; is not bold\tprep-lab::mistakes deploy\n'
		);
	});
});
