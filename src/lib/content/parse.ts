// Parsers from content files to schema objects. Pure: text in, objects out, and a
// ContentError naming the file and field for anything malformed.
import { LineCounter, parse as parseYaml, parseDocument, type YAMLSeq } from 'yaml';
import {
	CATER_PARTS,
	ContentError,
	type Card,
	type CaterPart,
	type Deck,
	type ExamItem,
	type ExamOption,
	type ExamOutline,
	type InterviewQuestion,
	type ItemType,
	type Note,
	type Source,
	type YesNoStatement
} from './schema';

type Fields = Record<string, unknown>;

function yaml(file: string, text: string): Fields {
	let value: unknown;
	try {
		value = parseYaml(text);
	} catch (e) {
		const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
		throw new ContentError(file, `invalid YAML: ${(e as Error).message.split('\n')[0]}`, line);
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new ContentError(file, 'expected a YAML mapping');
	}
	return value as Fields;
}

export function splitFrontmatter(file: string, text: string): { data: Fields; body: string } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!m) throw new ContentError(file, 'missing frontmatter (a block between --- lines at the top)');
	return { data: yaml(file, m[1] ?? ''), body: m[2] ?? '' };
}

function str(file: string, data: Fields, key: string, where = ''): string {
	const v = data[key];
	if (typeof v !== 'string' || v.trim() === '') {
		throw new ContentError(file, `${where}missing or empty field "${key}"`);
	}
	return v.trim();
}

function strList(file: string, data: Fields, key: string, where = '', optional = false): string[] {
	const v = data[key];
	if (v === undefined && optional) return [];
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
		throw new ContentError(file, `${where}field "${key}" must be a list of non-empty strings`);
	}
	if (!optional && v.length === 0) throw new ContentError(file, `${where}field "${key}" is empty`);
	return (v as string[]).map((x) => x.trim());
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function kebab(file: string, value: string, what: string): string {
	if (!KEBAB.test(value)) throw new ContentError(file, `${what} "${value}" must be kebab-case`);
	return value;
}

/** Splits a markdown body into `## Heading` sections (text before the first heading is dropped). */
export function sections(body: string): { heading: string; text: string }[] {
	const out: { heading: string; text: string }[] = [];
	let current: { heading: string; lines: string[] } | null = null;
	let fenced = false;
	for (const line of body.split(/\r?\n/)) {
		if (/^(```|~~~)/.test(line)) fenced = !fenced;
		const h = !fenced ? /^## (.+?)\s*$/.exec(line) : null;
		if (h) {
			if (current) out.push({ heading: current.heading, text: current.lines.join('\n').trim() });
			current = { heading: h[1] ?? '', lines: [] };
		} else if (current) {
			current.lines.push(line);
		}
	}
	if (current) out.push({ heading: current.heading, text: current.lines.join('\n').trim() });
	return out;
}

export function parseOutline(file: string, text: string): ExamOutline {
	const data = yaml(file, text);
	const domains = data.domains;
	if (!Array.isArray(domains) || domains.length === 0) {
		throw new ContentError(file, 'field "domains" must be a non-empty list');
	}
	return {
		...data,
		exam: str(file, data, 'exam'),
		title: str(file, data, 'title'),
		checked: String(data.checked ?? ''),
		source: str(file, data, 'source'),
		domains: domains.map((d: Fields, i) => {
			const where = `domains[${i}]: `;
			const w = d.weight;
			if (!Array.isArray(w) || w.length !== 2 || !w.every((x) => typeof x === 'number')) {
				throw new ContentError(file, `${where}"weight" must be [min, max] percentages`);
			}
			return {
				id: kebab(file, str(file, d, 'id', where), 'domain id'),
				title: str(file, d, 'title', where),
				weight: [w[0], w[1]] as [number, number],
				skills: strList(file, d, 'skills', where)
			};
		})
	};
}

/** `notes/<domain>/<NN>-<id>.md` */
export function parseNote(file: string, text: string): Note {
	const { data, body } = splitFrontmatter(file, text);
	const id = kebab(file, str(file, data, 'id'), 'note id');
	const name = /(?:^|\/)(\d+)-([^/]+)\.md$/.exec(file);
	if (!name) throw new ContentError(file, 'note file name must look like NN-<id>.md');
	if (name[2] !== id) throw new ContentError(file, `id "${id}" does not match the file name`);
	const sources = data.sources;
	if (!Array.isArray(sources) || sources.length === 0) {
		throw new ContentError(file, 'field "sources" needs at least one {title, url}');
	}
	const lab = data.lab === undefined ? undefined : str(file, data, 'lab');
	return {
		id,
		title: str(file, data, 'title'),
		domain: str(file, data, 'domain'),
		order: Number(name[1]),
		objectives: strList(file, data, 'objectives'),
		sources: sources.map((s: Fields, i): Source => {
			const url = str(file, s, 'url', `sources[${i}]: `);
			if (!/^https:\/\//.test(url)) throw new ContentError(file, `sources[${i}]: url must start with https://`);
			return { title: str(file, s, 'title', `sources[${i}]: `), url };
		}),
		...(lab ? { lab } : {}),
		body,
		file
	};
}

const CARD_KEYS = ['Q', 'A', 'Tags', 'Note'] as const;

/** `cards/<deck>.md`: frontmatter, then `## <card-id>` blocks with Q:/A:/Tags:/Note: fields. */
export function parseDeck(file: string, text: string): Deck {
	const { data, body } = splitFrontmatter(file, text);
	const deck = kebab(file, str(file, data, 'deck'), 'deck id');
	const seen = new Set<string>();
	const lines = text.split(/\r?\n/);
	const cards = sections(body).map(({ heading, text: block }): Card => {
		const line = lines.indexOf(`## ${heading}`) + 1 || undefined;
		try {
			return parseCard(file, deck, heading, block, seen);
		} catch (e) {
			if (e instanceof ContentError && !e.line) throw new ContentError(file, e.detail, line);
			throw e;
		}
	});
	if (cards.length === 0) throw new ContentError(file, 'deck has no cards (## <card-id> blocks)');
	return {
		id: deck,
		title: str(file, data, 'title'),
		description: typeof data.description === 'string' ? data.description.trim() : '',
		cards,
		file
	};
}

function parseCard(file: string, deck: string, heading: string, block: string, seen: Set<string>): Card {
	const cardId = kebab(file, heading.trim(), 'card id');
	if (seen.has(cardId)) throw new ContentError(file, `card "${cardId}" appears twice`);
	seen.add(cardId);
	const fields: Partial<Record<(typeof CARD_KEYS)[number], string[]>> = {};
	let key: (typeof CARD_KEYS)[number] | null = null;
	for (const line of block.split(/\r?\n/)) {
		const m = /^(Q|A|Tags|Note):\s?(.*)$/.exec(line);
		if (m) {
			key = m[1] as (typeof CARD_KEYS)[number];
			if (fields[key]) throw new ContentError(file, `card "${cardId}": "${key}:" given twice`);
			fields[key] = [m[2] ?? ''];
		} else if (key) {
			fields[key]!.push(line);
		} else if (line.trim()) {
			throw new ContentError(file, `card "${cardId}": text before "Q:"`);
		}
	}
	const get = (k: (typeof CARD_KEYS)[number]) => (fields[k] ?? []).join('\n').trim();
	for (const k of ['Q', 'A', 'Note'] as const) {
		if (!get(k)) throw new ContentError(file, `card "${cardId}": missing "${k}:"`);
	}
	const tags = get('Tags')
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean)
		.map((t) => kebab(file, t, `card "${cardId}": tag`));
	return { id: `${deck}/${cardId}`, deck, front: get('Q'), back: get('A'), tags, note: get('Note'), file };
}

const PART_HEADINGS: Record<CaterPart, string> = {
	context: 'Context',
	architecture: 'Architecture',
	tradeoffs: 'Tradeoffs',
	execution: 'Execution',
	risks: 'Risks'
};

export function parseInterview(file: string, text: string): InterviewQuestion {
	const { data, body } = splitFrontmatter(file, text);
	const checklistData = data.checklist;
	if (!checklistData || typeof checklistData !== 'object') {
		throw new ContentError(file, 'field "checklist" must map each CATER part to a list of points');
	}
	const byHeading = new Map(sections(body).map((s) => [s.heading.trim(), s.text]));
	const checklist = {} as Record<CaterPart, string[]>;
	const answer = {} as Record<CaterPart, string>;
	for (const part of CATER_PARTS) {
		checklist[part] = strList(file, checklistData as Fields, part, 'checklist: ');
		const section = byHeading.get(PART_HEADINGS[part]);
		if (!section) throw new ContentError(file, `model answer is missing the "## ${PART_HEADINGS[part]}" section`);
		answer[part] = section;
	}
	const followups = strList(file, data, 'followups');
	if (followups.length !== 2) throw new ContentError(file, `needs exactly two followups, has ${followups.length}`);
	return {
		id: kebab(file, str(file, data, 'id'), 'interview id'),
		question: str(file, data, 'question'),
		source: str(file, data, 'source'),
		area: kebab(file, str(file, data, 'area'), 'area'),
		notes: strList(file, data, 'notes'),
		checklist,
		answer,
		followups,
		pitfalls: strList(file, data, 'pitfalls'),
		file
	};
}

function httpsUrl(file: string, url: string, where: string): string {
	if (!/^https:\/\//.test(url)) throw new ContentError(file, `${where}source must be an https:// link`);
	return url;
}

const ITEM_TYPES: ItemType[] = ['single', 'multiple', 'ordering', 'yesno', 'case'];

function parseItem(file: string, raw: Fields, domain: string, where: string, nested: boolean): ExamItem {
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
		// Sub-items without their own skill line test the case's.
		items = raw.items.map((sub: Fields, i: number) =>
			parseItem(file, sub.skill === undefined && raw.skill !== undefined ? { ...sub, skill: raw.skill } : sub, domain, `${where}items[${i}]: `, true)
		);
	}
	return {
		id,
		type,
		domain,
		note: str(file, raw, 'note', where),
		// Sub-items of a case share the case's source.
		source: nested && raw.source === undefined ? '' : httpsUrl(file, str(file, raw, 'source', where), where),
		skill: type === 'case' && raw.skill === undefined ? '' : str(file, raw, 'skill', where),
		stem: str(file, raw, 'stem', where),
		options,
		statements,
		...(type === 'case' ? { scenario: str(file, raw, 'scenario', where) } : {}),
		items,
		explanation: type === 'case' ? String(raw.explanation ?? '').trim() : str(file, raw, 'explanation', where),
		file
	};
}

/** `questions/<domain>.yaml`; problems are reported with the line where the item starts. */
export function parseQuestions(file: string, text: string): ExamItem[] {
	const data = yaml(file, text);
	const domain = str(file, data, 'domain');
	if (!Array.isArray(data.items) || data.items.length === 0) throw new ContentError(file, 'field "items" must be a non-empty list');
	const lineCounter = new LineCounter();
	const seq = parseDocument(text, { lineCounter }).get('items', true) as YAMLSeq | undefined;
	return data.items.map((raw: Fields, i: number) => {
		try {
			return parseItem(file, raw, domain, `items[${i}]: `, false);
		} catch (e) {
			const start = (seq?.items[i] as { range?: [number] } | undefined)?.range?.[0];
			if (e instanceof ContentError && start !== undefined) throw new ContentError(file, e.detail, lineCounter.linePos(start).line);
			throw e;
		}
	});
}
