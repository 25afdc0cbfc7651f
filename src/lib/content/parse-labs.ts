// `exam/ai300-labs.yaml`: which AI-300 task lines each lab page lets the learner practise.
// The task lines are checked against the AI-300 outline with the other cross-references.
import { lineOf, str, strList, yaml, type Fields } from './read-fields';
import { ContentError, type LabSkills } from './schema';

export function parseLabMap(file: string, text: string): LabSkills[] {
	const data = yaml(file, text);
	if (!Array.isArray(data.labs) || data.labs.length === 0) throw new ContentError(file, 'field "labs" must be a non-empty list');
	const seen = new Set<string>();
	return data.labs.map((raw: Fields, i: number): LabSkills => {
		const where = `labs[${i}]: `;
		const route = str(file, raw, 'route', where);
		const line = lineOf(text, route);
		if (!/^\/lab(\/[a-z0-9-]+)*$/.test(route)) throw new ContentError(file, `${where}route "${route}" must be a lab page path such as /lab/train`, line);
		if (seen.has(route)) throw new ContentError(file, `${where}route "${route}" is listed twice`, line);
		seen.add(route);
		const tasks = strList(file, raw, 'tasks', `${where}`);
		return { route, title: str(file, raw, 'title', where), tasks, taskLines: tasks.map((t) => lineOf(text, t, line)), file };
	});
}
