// The cost of one question at per-1,000-token prices, as the prompt panel recomputes it when the
// learner edits a price. The formula is rag/prompt.ts's costUsd; the page has its own copy because
// prompt.ts imports the tokenizer, which must stay in the lab worker (tests/unit/rag/question-cost.test.ts
// checks the two agree).
export const questionCost = (inputTokens: number, outputTokens: number, prices: { inputPer1k: number; outputPer1k: number }) =>
	(inputTokens / 1000) * prices.inputPer1k + (outputTokens / 1000) * prices.outputPer1k;
