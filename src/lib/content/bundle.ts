// Turns the files under content/ into one checked bundle. Used by the build (via
// import.meta.glob) and by the unit tests (via fs), so both see the same rules.
import { crossCheck } from './cross-check';
import { parseDeck, parseInterview, parseNote, parseOutline } from './parse';
import { parseQuestions } from './parse-items';
import { parseLabMap } from './parse-labs';
import { ContentError, type Deck, type ExamItem, type ExamOutline, type InterviewQuestion, type LabSkills, type Note } from './schema';
import { OUTLINE_FILES } from './tracks';

export interface ContentBundle {
	/** The DP-100 outline (`exam/outline.yaml`). */
	outline: ExamOutline | null;
	/** The AI-300 outline (`exam/ai300.yaml`); see tracks.ts for how content serves each exam. */
	ai300: ExamOutline | null;
	/** Lab pages → the AI-300 task lines they practise (`exam/ai300-labs.yaml`). */
	labs: LabSkills[];
	notes: Note[];
	decks: Deck[];
	interviews: InterviewQuestion[];
	items: ExamItem[];
}

export interface BuiltContent {
	content: ContentBundle;
	errors: ContentError[];
}

/** @param files content-relative path (e.g. `notes/x/01-a.md`) → file text */
export function buildContent(files: Record<string, string>): BuiltContent {
	const errors: ContentError[] = [];
	const content: ContentBundle = { outline: null, ai300: null, labs: [], notes: [], decks: [], interviews: [], items: [] };
	const attempt = (fn: () => void) => {
		try {
			fn();
		} catch (e) {
			if (e instanceof ContentError) errors.push(e);
			else throw e;
		}
	};

	for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		if (file === OUTLINE_FILES.dp100) attempt(() => (content.outline = parseOutline(file, text)));
		else if (file === OUTLINE_FILES.ai300) attempt(() => (content.ai300 = parseOutline(file, text)));
		else if (file === 'exam/ai300-labs.yaml') attempt(() => content.labs.push(...parseLabMap(file, text)));
		else if (/^notes\/[^/]+\/[^/]+\.md$/.test(file)) attempt(() => content.notes.push(parseNote(file, text)));
		else if (/^cards\/[^/]+\.md$/.test(file)) attempt(() => content.decks.push(parseDeck(file, text)));
		else if (/^interview\/[^/]+\.md$/.test(file)) attempt(() => content.interviews.push(parseInterview(file, text)));
		else if (/^questions\/[^/]+\.yaml$/.test(file)) attempt(() => content.items.push(...parseQuestions(file, text)));
	}
	if (!content.outline) errors.push(new ContentError('exam/outline.yaml', 'the exam outline is missing'));
	errors.push(...crossCheck(content));
	content.notes.sort((a, b) => domainRank(content, a.domain) - domainRank(content, b.domain) || a.order - b.order);
	return { content, errors };
}

/** DP-100 domains first, then AI-300 domains, in outline order; other domains (interview-prep) last. */
function domainRank(content: ContentBundle, domain: string): number {
	const ids = [...(content.outline?.domains ?? []), ...(content.ai300?.domains ?? [])].map((d) => d.id);
	const i = ids.indexOf(domain);
	return i === -1 ? 999 : i;
}
