// Token counts for chunk sizes, prompts and cost estimates. The tokenizer is OpenAI's o200k_base
// byte-pair encoding (gpt-tokenizer's port), the one used by the GPT-4o family of models that Azure AI
// Foundry deploys, so a "256-token chunk" here is 256 tokens of the model a real system would call.
import { countTokens as countO200k, decode, encode } from 'gpt-tokenizer/encoding/o200k_base';

/** Number of o200k_base tokens in `text` (0 for ''). */
export function countTokens(text: string): number {
	return text === '' ? 0 : countO200k(text);
}

/** The o200k_base token ids of `text`, for chunkers that cut at token boundaries. */
export function tokenize(text: string): number[] {
	return encode(text);
}

/** Text of a run of token ids (the inverse of `tokenize` for any whole run). */
export function detokenize(tokens: readonly number[]): string {
	return decode(tokens);
}
