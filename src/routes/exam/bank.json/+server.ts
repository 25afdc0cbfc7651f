// The practice items of both exams as one static file, built once: the practice and attempt pages
// fetch it (exam-bank.ts), so it is precached once instead of inside each page and its __data.json.
import { examBank } from '../exam-bank.server';

export const prerender = true;

export function GET() {
	return new Response(JSON.stringify(examBank()), { headers: { 'content-type': 'application/json' } });
}
