// Broken content is refused with the file, the line where it can be found, and what is wrong.
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/lib/content/bundle';

const outline = `exam: DP-100
title: T
checked: 2026-11-25
source: https://learn.microsoft.com/x
domains:
  - id: train-deploy
    title: Train and deploy models
    weight: [25, 30]
    skills: [Deploy a model]
subskills:
  train-deploy:
    Deploy a model: [Deploy a model to an online endpoint]
`;
const note = (id: string, extra = '', body = '## Facts\nText.\n\n## Exam traps\n- one\n') =>
	`---\nid: ${id}\ntitle: A note\ndomain: train-deploy\nobjectives: [Know it]\nsources:\n  - title: Doc\n    url: https://learn.microsoft.com/y\n${extra}---\n${body}`;

const errorsOf = (files: Record<string, string>) => buildContent({ 'exam/outline.yaml': outline, ...files }).errors.map((e) => e.message);

describe('content validation', () => {
	it('accepts a minimal valid set', () => {
		expect(errorsOf({ 'notes/train-deploy/01-endpoints.md': note('endpoints') })).toEqual([]);
	});

	it('names missing fields, wrong ids, unknown domains and broken links', () => {
		expect(errorsOf({ 'notes/train-deploy/01-endpoints.md': note('other') })).toEqual(['notes/train-deploy/01-endpoints.md: id "other" does not match the file name']);
		expect(errorsOf({ 'notes/train-deploy/01-x.md': note('x', '', '## Facts\nSee [y](/notes/y).\n') })).toEqual([
			'notes/train-deploy/01-x.md: missing the "## Exam traps" section',
			'notes/train-deploy/01-x.md: a link refers to unknown note "y"'
		]);
		expect(errorsOf({ 'notes/train-deploy/01-x.md': note('x').replace('domain: train-deploy', 'domain: nowhere') })[0]).toBe('notes/train-deploy/01-x.md: unknown domain "nowhere"');
		expect(errorsOf({ 'notes/train-deploy/01-x.md': note('x').replace('objectives: [Know it]\n', '') })).toEqual(['notes/train-deploy/01-x.md: field "objectives" must be a list of non-empty strings']);
	});

	it('gives the line of a broken card', () => {
		const deck = `---\ndeck: dp100\ntitle: D\n---\n\n## good-card\nQ: q\nA: a\nNote: x\n\n## bad-card\nQ: only a question\nNote: x\n`;
		expect(errorsOf({ 'notes/train-deploy/01-x.md': note('x'), 'cards/dp100.md': deck })).toEqual(['cards/dp100.md:11: card "bad-card": missing "A:"']);
	});

	it('gives the line of a broken exam item and of a YAML syntax error', () => {
		const items = `domain: train-deploy
items:
  - id: td-1
    type: single
    note: x
    skill: Deploy a model to an online endpoint
    source: https://learn.microsoft.com/z
    stem: Pick one
    options:
      - text: A
        correct: true
        why: Because A.
      - text: B
        why: Not B.
    explanation: A wins.
  - id: td-2
    type: single
    note: x
    skill: Deploy a model to an online endpoint
    source: https://learn.microsoft.com/z
    stem: Two right answers
    options:
      - text: A
        correct: true
        why: A.
      - text: B
        correct: true
        why: B.
    explanation: Broken.
`;
		expect(errorsOf({ 'notes/train-deploy/01-x.md': note('x'), 'questions/train-deploy.yaml': items })).toEqual([
			'questions/train-deploy.yaml:16: item "td-2": single needs exactly one correct option, has 2'
		]);
		// Every item names the outline task line it tests, so results can be scored per skill.
		const withSkill = (skill: string) => items.split('  - id: td-2')[0]!.replace('skill: Deploy a model to an online endpoint', skill);
		expect(errorsOf({ 'notes/train-deploy/01-x.md': note('x'), 'questions/train-deploy.yaml': withSkill('skill: Deploy a model') })).toEqual([
			'questions/train-deploy.yaml:3: item "td-1": skill "Deploy a model" is not a task line of exam/outline.yaml (subskills)'
		]);
		expect(errorsOf({ 'notes/train-deploy/01-x.md': note('x'), 'questions/train-deploy.yaml': withSkill('') })).toEqual([
			'questions/train-deploy.yaml:3: item "td-1": missing or empty field "skill"'
		]);
		expect(errorsOf({ 'questions/train-deploy.yaml': 'domain: train-deploy\nitems:\n  - id: [unclosed\n' })[0]).toMatch(/^questions\/train-deploy\.yaml:4: invalid YAML: Flow sequence/);
	});

	it('refuses duplicate ids and references to notes that do not exist', () => {
		const q = (id: string, noteId: string) => `---\nid: ${id}\nquestion: Q?\nsource: "001 Q1"\narea: a\nnotes: [${noteId}]\nchecklist:\n  context: [c]\n  architecture: [a]\n  tradeoffs: [t]\n  execution: [e]\n  risks: [r]\nfollowups: [one, two]\npitfalls: [p]\n---\n## Context\nc\n## Architecture\na\n## Tradeoffs\nt\n## Execution\ne\n## Risks\nr\n`;
		expect(errorsOf({ 'notes/train-deploy/01-x.md': note('x'), 'interview/a.md': q('a', 'x'), 'interview/b.md': q('a', 'nope') })).toEqual([
			'interview/b.md: interview id "a" is used twice',
			'interview/b.md: refers to unknown note "nope"'
		]);
	});
});
