// The AI-300 outline is a second outline: its items name its own task lines, DP-100 items and
// notes that carry over name AI-300 task lines word for word, and the lab map names real lines.
// Every problem names the file and the line.
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/lib/content/bundle';

const dp100 = `exam: DP-100
title: T
checked: 2026-11-25
source: https://learn.microsoft.com/x
domains:
  - id: train-deploy
    title: Train and deploy models
    weight: [100, 100]
    skills: [Deploy a model]
subskills:
  train-deploy:
    Deploy a model: [Deploy a model to an online endpoint]
`;
const ai300 = `exam: AI-300
title: Operationalizing
checked: "2026-11-30"
source: https://learn.microsoft.com/ai-300
sources:
  - title: Study guide
    url: https://learn.microsoft.com/ai-300
unconfirmed: [Task wording]
domains:
  - id: model-lifecycle
    title: Implement machine learning model lifecycle and operations
    weight: [100, 100]
    skills: [Deploy and monitor models]
subskills:
  model-lifecycle:
    Deploy and monitor models:
      - Deploy models to online and batch endpoints
`;
const note = (id: string, domain: string, extra = '') =>
	`---\nid: ${id}\ntitle: A note\ndomain: ${domain}\nobjectives: [Know it]\nsources:\n  - title: Doc\n    url: https://learn.microsoft.com/y\n${extra}---\n## Facts\nText.\n\n## Exam traps\n- one\n`;
const item = (id: string, skill: string, extra = '') => `  - id: ${id}
    type: single
    note: endpoints
    skill: ${skill}
${extra}    source: https://learn.microsoft.com/z
    stem: Pick one
    options:
      - text: A
        correct: true
        why: Because A.
      - text: B
        why: Not B.
    explanation: A wins.
`;
const base = { 'exam/outline.yaml': dp100, 'exam/ai300.yaml': ai300, 'notes/train-deploy/01-endpoints.md': note('endpoints', 'train-deploy') };
const build = (files: Record<string, string>) => buildContent({ ...base, ...files });
const errorsOf = (files: Record<string, string>) => build(files).errors.map((e) => e.message);

describe('AI-300 content rules', () => {
	it('loads the AI-300 outline beside the DP-100 one, with its sources and unconfirmed points', () => {
		const { content, errors } = build({});
		expect(errors).toEqual([]);
		expect(content.outline?.exam).toBe('DP-100');
		expect(content.ai300?.exam).toBe('AI-300');
		expect(content.ai300?.sources).toEqual([{ title: 'Study guide', url: 'https://learn.microsoft.com/ai-300' }]);
		expect(content.ai300?.unconfirmed).toEqual(['Task wording']);
	});

	it('checks an AI-300 item against the AI-300 outline, and a DP-100 item against the DP-100 one', () => {
		const ok = `domain: model-lifecycle\nitems:\n${item('ml-1', 'Deploy models to online and batch endpoints')}`;
		expect(errorsOf({ 'questions/ai300-model-lifecycle.yaml': ok })).toEqual([]);
		const wrong = `domain: model-lifecycle\nitems:\n${item('ml-1', 'Deploy a model to an online endpoint')}`;
		expect(errorsOf({ 'questions/ai300-model-lifecycle.yaml': wrong })).toEqual([
			'questions/ai300-model-lifecycle.yaml:3: item "ml-1": skill "Deploy a model to an online endpoint" is not a task line of exam/ai300.yaml (subskills)'
		]);
		const dpWrong = `domain: train-deploy\nitems:\n${item('td-1', 'Deploy models to online and batch endpoints')}`;
		expect(errorsOf({ 'questions/train-deploy.yaml': dpWrong })).toEqual([
			'questions/train-deploy.yaml:3: item "td-1": skill "Deploy models to online and batch endpoints" is not a task line of exam/outline.yaml (subskills)'
		]);
	});

	it('checks the ai300 tag of a DP-100 item word for word, naming file and line', () => {
		const tagged = (line: string) => `domain: train-deploy\nitems:\n${item('td-0', 'Deploy a model to an online endpoint')}${item('td-1', 'Deploy a model to an online endpoint', `    ai300: ${line}\n`)}`;
		expect(errorsOf({ 'questions/train-deploy.yaml': tagged('Deploy models to online and batch endpoints') })).toEqual([]);
		expect(errorsOf({ 'questions/train-deploy.yaml': tagged('deploy models to online and batch endpoints') })).toEqual([
			'questions/train-deploy.yaml:16: item "td-1": ai300 "deploy models to online and batch endpoints" is not a task line of exam/ai300.yaml (subskills)'
		]);
		const onAi300 = `domain: model-lifecycle\nitems:\n${item('ml-1', 'Deploy models to online and batch endpoints', '    ai300: Deploy models to online and batch endpoints\n')}`;
		expect(errorsOf({ 'questions/ai300-model-lifecycle.yaml': onAi300 })).toEqual([
			'questions/ai300-model-lifecycle.yaml:3: item "ml-1": an AI-300 item names its task line in "skill", not "ai300"'
		]);
	});

	it('checks ai300_skills on notes, naming file and line', () => {
		const tags = 'ai300_skills:\n  - Deploy models to online and batch endpoints\n  - Deploy to the moon\n';
		expect(errorsOf({ 'notes/train-deploy/01-endpoints.md': note('endpoints', 'train-deploy', tags) })).toEqual([
			'notes/train-deploy/01-endpoints.md:11: ai300_skills: "Deploy to the moon" is not a task line of exam/ai300.yaml (subskills)'
		]);
		const { content } = build({ 'notes/train-deploy/01-endpoints.md': note('endpoints', 'train-deploy', 'ai300_skills: [Deploy models to online and batch endpoints]\n') });
		expect(content.notes[0]!.ai300Skills).toEqual(['Deploy models to online and batch endpoints']);
	});

	it('accepts AI-300 notes in their domain folder', () => {
		expect(errorsOf({ 'notes/model-lifecycle/01-approval-gates.md': note('approval-gates', 'model-lifecycle') })).toEqual([]);
		expect(errorsOf({ 'notes/train-deploy/02-approval-gates.md': note('approval-gates', 'model-lifecycle') })).toEqual([
			'notes/train-deploy/02-approval-gates.md: a note of domain "model-lifecycle" belongs in notes/model-lifecycle/'
		]);
	});

	it('checks the lab map: lab paths, and task lines of the AI-300 outline', () => {
		const labs = (route: string, task: string) => `labs:\n  - route: ${route}\n    title: Lab\n    tasks:\n      - ${task}\n`;
		const { content, errors } = build({ 'exam/ai300-labs.yaml': labs('/lab/endpoints', 'Deploy models to online and batch endpoints') });
		expect(errors).toEqual([]);
		expect(content.labs.map((l) => [l.route, l.tasks])).toEqual([['/lab/endpoints', ['Deploy models to online and batch endpoints']]]);
		expect(errorsOf({ 'exam/ai300-labs.yaml': labs('/lab/endpoints', 'Serve the model') })).toEqual([
			'exam/ai300-labs.yaml:5: lab /lab/endpoints: task "Serve the model" is not a task line of exam/ai300.yaml (subskills)'
		]);
		expect(errorsOf({ 'exam/ai300-labs.yaml': labs('https://example.com', 'Serve the model') })).toEqual([
			'exam/ai300-labs.yaml:2: labs[0]: route "https://example.com" must be a lab page path such as /lab/train'
		]);
	});

	it('refuses subskills that name no skill of the outline, and AI-300 domain ids that clash with DP-100', () => {
		expect(errorsOf({ 'exam/ai300.yaml': ai300.replace('    Deploy and monitor models:\n', '    Monitor models:\n') })).toEqual([
			'exam/ai300.yaml: subskills.model-lifecycle: "Monitor models" is not one of the domain\'s skills'
		]);
		const clash = ai300.replaceAll('model-lifecycle', 'train-deploy');
		expect(errorsOf({ 'exam/ai300.yaml': clash })).toContain('exam/ai300.yaml: domain id "train-deploy" is also a DP-100 domain id');
	});

	it('refuses an ai300 tag when there is no AI-300 outline', () => {
		const files = { 'exam/outline.yaml': dp100, 'notes/train-deploy/01-endpoints.md': note('endpoints', 'train-deploy', 'ai300_skills: [Anything]\n') };
		expect(buildContent(files).errors.map((e) => e.message)).toEqual([
			'notes/train-deploy/01-endpoints.md:9: ai300_skills: names an AI-300 task line, but exam/ai300.yaml is missing'
		]);
	});
});
