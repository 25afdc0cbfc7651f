// Practice-exam items: `questions/<domain>.yaml` to ExamItem objects. Each item keeps the line it
// starts on, so checks made later (skill lines, AI-300 tags) can name it.
import { LineCounter, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { httpsUrl, str, yaml, type Fields } from './read-fields';
import { ContentError, type ExamItem, type ExamOption, type ItemType, type YesNoStatement } from './schema';

const ITEM_TYPES: ItemType[] = ['single', 'multiple', 'ordering', 'yesno', 'case'];

/** Start lines of the `items:` entries of a mapping node, and of their own `items:` (case sub-items). */
interface ItemLines {
	line?: number;
	items: ItemLines[];
}

function itemLines(seq: YAMLSeq | undefined, lineCounter: LineCounter): ItemLines[] {
	return (seq?.items ?? []).map((node) => {
		const start = (node as { range?: [number] }).range?.[0];
		const sub = (node as YAMLMap).get?.('items', true) as YAMLSeq | undefined;
		return { ...(start === undefined ? {} : { line: lineCounter.linePos(start).line }), items: itemLines(sub, lineCounter) };
	});
}

function optionalLine(file: string, raw: Fields, key: string, where: string): string | undefined {
	return raw[key] === undefined ? undefined : str(file, raw, key, where);
}

function parseItem(file: string, raw: Fields, domain: string, where: string, nested: boolean, lines: ItemLines | undefined): ExamItem {
	const id = str(file, raw, 'id', where);
	where = `item "${id}": `;
	const type = raw.type as ItemType;
	if (!ITEM_TYPES.includes(type) || (nested && type === 'case')) {
		throw new ContentError(file, `${where}type must be one of ${ITEM_TYPES.filter((t) => !nested || t !== 'case').join(', ')}`);
	}
	const options: ExamOption[] = [];
	const statements: YesNoStatement[] = [];
	let items: ExamItem[] = [];
	if (type === 'single' || type === 'multiple' || type === 'ordering') {
		if (!Array.isArray(raw.options) || raw.options.length < 2) {
			throw new ContentError(file, `${where}needs at least two options`);
		}
		raw.options.forEach((o: Fields, i: number) => {
			options.push({
				text: str(file, o, 'text', `${where}options[${i}]: `),
				correct: o.correct === true,
				why: str(file, o, 'why', `${where}options[${i}]: `)
			});
		});
		const correct = options.filter((o) => o.correct).length;
		if (type === 'single' && correct !== 1) throw new ContentError(file, `${where}single needs exactly one correct option, has ${correct}`);
		if (type === 'multiple' && correct < 2) throw new ContentError(file, `${where}multiple needs two or more correct options, has ${correct}`);
	}
	if (type === 'yesno') {
		if (!Array.isArray(raw.statements) || raw.statements.length < 2) {
			throw new ContentError(file, `${where}needs at least two statements`);
		}
		raw.statements.forEach((s: Fields, i: number) => {
			const answer = s.answer;
			// YAML 1.2 reads yes/no as strings; accept both spellings and booleans.
			const yes = answer === true || answer === 'yes' || answer === 'Yes';
			const no = answer === false || answer === 'no' || answer === 'No';
			if (!yes && !no) throw new ContentError(file, `${where}statements[${i}]: answer must be yes or no`);
			statements.push({
				text: str(file, s, 'text', `${where}statements[${i}]: `),
				answer: yes,
				why: str(file, s, 'why', `${where}statements[${i}]: `)
			});
		});
	}
	if (type === 'case') {
		if (!Array.isArray(raw.items) || raw.items.length === 0) throw new ContentError(file, `${where}a case needs items`);
		// Sub-items without their own skill line (or AI-300 line) test the case's.
		const inherit = (sub: Fields): Fields => ({
			...sub,
			...(sub.skill === undefined && raw.skill !== undefined ? { skill: raw.skill } : {}),
			...(sub.ai300 === undefined && raw.ai300 !== undefined ? { ai300: raw.ai300 } : {})
		});
		items = raw.items.map((sub: Fields, i: number) => withLine(file, lines?.items[i], () => parseItem(file, inherit(sub), domain, `${where}items[${i}]: `, true, lines?.items[i])));
	}
	const ai300 = optionalLine(file, raw, 'ai300', where);
	return {
		id,
		type,
		domain,
		note: str(file, raw, 'note', where),
		// Sub-items of a case share the case's source.
		source: nested && raw.source === undefined ? '' : httpsUrl(file, str(file, raw, 'source', where), where),
		skill: type === 'case' && raw.skill === undefined ? '' : str(file, raw, 'skill', where),
		...(ai300 ? { ai300 } : {}),
		stem: str(file, raw, 'stem', where),
		options,
		statements,
		...(type === 'case' ? { scenario: str(file, raw, 'scenario', where) } : {}),
		items,
		explanation: type === 'case' ? String(raw.explanation ?? '').trim() : str(file, raw, 'explanation', where),
		file,
		...(lines?.line ? { line: lines.line } : {})
	};
}

/** Runs `fn`, giving a ContentError without a line the item's start line. */
function withLine<T>(file: string, lines: ItemLines | undefined, fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		if (e instanceof ContentError && !e.line && lines?.line !== undefined) throw new ContentError(file, e.detail, lines.line);
		throw e;
	}
}

/** `questions/<domain>.yaml`; problems are reported with the line where the item starts. */
export function parseQuestions(file: string, text: string): ExamItem[] {
	const data = yaml(file, text);
	const domain = str(file, data, 'domain');
	if (!Array.isArray(data.items) || data.items.length === 0) throw new ContentError(file, 'field "items" must be a non-empty list');
	const lineCounter = new LineCounter();
	const lines = itemLines(parseDocument(text, { lineCounter }).get('items', true) as YAMLSeq | undefined, lineCounter);
	return data.items.map((raw: Fields, i: number) => withLine(file, lines[i], () => parseItem(file, raw, domain, `items[${i}]: `, false, lines[i])));
}
