// Parsers from content files to schema objects. Pure: text in, objects out, and a
// ContentError naming the file and field for anything malformed.
// Exam items are in parse-items.ts, the lab map in parse-labs.ts, shared field readers in read-fields.ts.
import { kebab, lineOf, sections, splitFrontmatter, str, strList, yaml, type Fields } from './read-fields';
import { CATER_PARTS, ContentError, type Card, type CaterPart, type Deck, type ExamOutline, type InterviewQuestion, type Note, type Source } from './schema';

export function parseOutline(file: string, text: string): ExamOutline {
	const data = yaml(file, text);
	const domains = data.domains;
	if (!Array.isArray(domains) || domains.length === 0) {
		throw new ContentError(file, 'field "domains" must be a non-empty list');
	}
	const parsed = domains.map((d: Fields, i) => {
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
	});
	return {
		...data,
		exam: str(file, data, 'exam'),
		title: str(file, data, 'title'),
		checked: String(data.checked ?? ''),
		source: str(file, data, 'source'),
		domains: parsed,
		...(data.sources === undefined ? {} : { sources: parseSources(file, data, 'sources') }),
		...(data.unconfirmed === undefined ? {} : { unconfirmed: strList(file, data, 'unconfirmed', '', true) }),
		subskills: parseSubskills(file, data.subskills, parsed)
	};
}

/** `subskills`: domain id → skill of that domain → task lines; every key must name the outline's own. */
function parseSubskills(file: string, raw: unknown, domains: ExamOutline['domains']): ExamOutline['subskills'] {
	if (raw === undefined) return {};
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ContentError(file, 'field "subskills" must map domain ids to skills');
	const out: ExamOutline['subskills'] = {};
	for (const [domainId, skills] of Object.entries(raw as Fields)) {
		const domain = domains.find((d) => d.id === domainId);
		if (!domain) throw new ContentError(file, `subskills: "${domainId}" is not a domain id of this outline`);
		if (skills === null || typeof skills !== 'object' || Array.isArray(skills)) throw new ContentError(file, `subskills.${domainId} must map skills to task lines`);
		out[domainId] = {};
		for (const skill of Object.keys(skills as Fields)) {
			if (!domain.skills.includes(skill)) throw new ContentError(file, `subskills.${domainId}: "${skill}" is not one of the domain's skills`);
			out[domainId][skill] = strList(file, skills as Fields, skill, `subskills.${domainId}: `);
		}
	}
	return out;
}

function parseSources(file: string, data: Fields, key: string): Source[] {
	const sources = data[key];
	if (!Array.isArray(sources) || sources.length === 0) {
		throw new ContentError(file, `field "${key}" needs at least one {title, url}`);
	}
	return sources.map((s: Fields, i): Source => {
		const url = str(file, s, 'url', `${key}[${i}]: `);
		if (!/^https:\/\//.test(url)) throw new ContentError(file, `${key}[${i}]: url must start with https://`);
		return { title: str(file, s, 'title', `${key}[${i}]: `), url };
	});
}

/** `notes/<domain>/<NN>-<id>.md` */
export function parseNote(file: string, text: string): Note {
	const { data, body } = splitFrontmatter(file, text);
	const id = kebab(file, str(file, data, 'id'), 'note id');
	const name = /(?:^|\/)(\d+)-([^/]+)\.md$/.exec(file);
	if (!name) throw new ContentError(file, 'note file name must look like NN-<id>.md');
	if (name[2] !== id) throw new ContentError(file, `id "${id}" does not match the file name`);
	const ai300Skills = strList(file, data, 'ai300_skills', '', true);
	const keyLine = lineOf(text, 'ai300_skills:');
	const lab = data.lab === undefined ? undefined : str(file, data, 'lab');
	return {
		id,
		title: str(file, data, 'title'),
		domain: str(file, data, 'domain'),
		order: Number(name[1]),
		objectives: strList(file, data, 'objectives'),
		sources: parseSources(file, data, 'sources'),
		...(lab ? { lab } : {}),
		ai300Skills,
		ai300SkillLines: ai300Skills.map((task) => lineOf(text, task, keyLine)),
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
