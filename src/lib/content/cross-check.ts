// References between content files: ids unique, domains known, every note reference and link
// resolves, and every task line an item, note or lab names is word for word a line of the outline
// that owns it (DP-100: exam/outline.yaml; AI-300: exam/ai300.yaml).
import type { ContentBundle } from './bundle';
import { ContentError, INTERVIEW_DOMAIN } from './schema';
import { OUTLINE_FILES, taskDomains } from './tracks';

export function crossCheck(content: ContentBundle): ContentError[] {
	const errors: ContentError[] = [];
	const dp100Domains = new Set(content.outline?.domains.map((d) => d.id) ?? []);
	const ai300Domains = new Set(content.ai300?.domains.map((d) => d.id) ?? []);
	for (const id of ai300Domains) {
		if (dp100Domains.has(id)) errors.push(new ContentError(OUTLINE_FILES.ai300, `domain id "${id}" is also a DP-100 domain id`));
	}
	const domains = new Set([...dp100Domains, ...ai300Domains, INTERVIEW_DOMAIN]);
	const dp100Tasks = taskDomains(content.outline);
	const ai300Tasks = taskDomains(content.ai300);
	const noteIds = new Set<string>();
	const checkNote = (file: string, id: string, where: string) => {
		if (!noteIds.has(id)) errors.push(new ContentError(file, `${where}refers to unknown note "${id}"`));
	};
	const unique = (seen: Set<string>, file: string, id: string, what: string) => {
		if (seen.has(id)) errors.push(new ContentError(file, `${what} "${id}" is used twice`));
		seen.add(id);
	};
	/** An AI-300 task line named by `what` in `file` at `line`. */
	const checkAi300Task = (file: string, task: string, what: string, line: number | undefined) => {
		if (!content.ai300) errors.push(new ContentError(file, `${what} names an AI-300 task line, but ${OUTLINE_FILES.ai300} is missing`, line));
		else if (!ai300Tasks.has(task)) errors.push(new ContentError(file, `${what} "${task}" is not a task line of ${OUTLINE_FILES.ai300} (subskills)`, line));
	};

	for (const note of content.notes) unique(noteIds, note.file, note.id, 'note id');
	for (const note of content.notes) {
		if (!domains.has(note.domain)) errors.push(new ContentError(note.file, `unknown domain "${note.domain}"`));
		if (!note.file.startsWith(`notes/${note.domain}/`)) {
			errors.push(new ContentError(note.file, `a note of domain "${note.domain}" belongs in notes/${note.domain}/`));
		}
		if (note.domain !== INTERVIEW_DOMAIN && !/^## Exam traps\s*$/m.test(note.body)) {
			errors.push(new ContentError(note.file, 'missing the "## Exam traps" section'));
		}
		for (const m of note.body.matchAll(/\]\(\/notes\/([^)#\s]+)/g)) checkNote(note.file, m[1] ?? '', 'a link ');
		note.ai300Skills.forEach((task, i) => checkAi300Task(note.file, task, 'ai300_skills:', note.ai300SkillLines[i]));
	}

	const deckIds = new Set<string>();
	for (const deck of content.decks) {
		unique(deckIds, deck.file, deck.id, 'deck');
		for (const card of deck.cards) checkNote(deck.file, card.note, `card "${card.id}" `);
	}

	const interviewIds = new Set<string>();
	for (const q of content.interviews) {
		unique(interviewIds, q.file, q.id, 'interview id');
		for (const n of q.notes) checkNote(q.file, n, '');
	}

	const itemIds = new Set<string>();
	for (const item of content.items) {
		if (!domains.has(item.domain) || item.domain === INTERVIEW_DOMAIN) {
			errors.push(new ContentError(item.file, `unknown exam domain "${item.domain}"`));
		}
		const isAi300 = ai300Domains.has(item.domain);
		const [tasks, outlineFile] = isAi300 ? [ai300Tasks, OUTLINE_FILES.ai300] : [dp100Tasks, OUTLINE_FILES.dp100];
		for (const it of [item, ...item.items]) {
			const line = it.line ?? item.line;
			unique(itemIds, it.file, it.id, 'item id');
			checkNote(it.file, it.note, `item "${it.id}" `);
			if (it.type !== 'case' && domains.has(item.domain) && !tasks.has(it.skill)) {
				errors.push(new ContentError(it.file, `item "${it.id}": skill "${it.skill}" is not a task line of ${outlineFile} (subskills)`, line));
			}
			if (it.ai300 !== undefined && (it === item || it.ai300 !== item.ai300)) {
				if (isAi300) errors.push(new ContentError(it.file, `item "${it.id}": an AI-300 item names its task line in "skill", not "ai300"`, line));
				else checkAi300Task(it.file, it.ai300, `item "${it.id}": ai300`, line);
			}
		}
	}

	for (const lab of content.labs) {
		lab.tasks.forEach((task, i) => checkAi300Task(lab.file, task, `lab ${lab.route}: task`, lab.taskLines[i]));
	}
	return errors;
}
