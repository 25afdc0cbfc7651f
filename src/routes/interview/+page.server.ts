import { content } from '$lib/content/content.server';
import { questionView } from './question-view.server';

export function load() {
	return { questions: content.interviews.map(questionView) };
}
