// TEMPORARY SHIM (feature/ragapp): the cost of one question at per-1,000-token prices, until feature/ragcore's prompt.ts lands.
export const questionCost = (inputTokens: number, outputTokens: number, prices: { inputPer1k: number; outputPer1k: number }) => (inputTokens * prices.inputPer1k + outputTokens * prices.outputPer1k) / 1000;
