// The prompt a real RAG system would send to a chat model for this question, and what it would cost.
// Token counts use o200k_base (tokens.ts). Chat framing follows OpenAI's counting guide for the GPT-4o
// family: 3 tokens per message and 3 to prime the reply; here two messages (system, then user with the
// numbered context and the question).
import { countTokens } from './tokens';
import type { Chunk, RagConfig } from './types';

export const SYSTEM_PROMPT =
	'You are a study assistant for the Azure Machine Learning and AI Foundry exams. Answer only from the numbered context. ' +
	'Cite the passages you use by their number, like [2]. If the context does not answer the question, say that you do not know.';

const MESSAGE_FRAMING_TOKENS = 3;
const REPLY_PRIMING_TOKENS = 3;

export interface Prompt {
	system: string;
	context: string;
	user: string;
	tokens: number;
}

/** Numbered context: `[n] <chunk id> — <heading>` then the chunk's text, passages separated by blank lines. */
export function buildPrompt(question: string, chunks: readonly Chunk[]): Prompt {
	const context = chunks.map((c, i) => `[${i + 1}] ${c.id}${c.heading ? ` — ${c.heading}` : ''}\n${c.text}`).join('\n\n');
	const userMessage = `Context:\n${context}\n\nQuestion: ${question}`;
	const tokens = countTokens(SYSTEM_PROMPT) + countTokens(userMessage) + 2 * MESSAGE_FRAMING_TOKENS + REPLY_PRIMING_TOKENS;
	return { system: SYSTEM_PROMPT, context, user: question, tokens };
}

/** US dollars for one question at the configured prices per 1,000 tokens. */
export function costUsd(inputTokens: number, outputTokens: number, prices: RagConfig['prices']): number {
	return (inputTokens / 1000) * prices.inputPer1k + (outputTokens / 1000) * prices.outputPer1k;
}
