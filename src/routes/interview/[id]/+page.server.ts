import { error } from '@sveltejs/kit';
import { content } from '$lib/content/content.server';
import { questionView } from '../question-view.server';

export function entries() {
	return content.interviews.map((q) => ({ id: q.id }));
}

export function load({ params }) {
	const question = content.interviews.find((q) => q.id === params.id);
	if (!question) error(404, `No interview question called "${params.id}"`);
	return { question: questionView(question) };
}
