// The review benchmark alone (needs `npm run build`): `BENCH_PORT=4194 node --import tsx tests/bench/review-bench-main.ts`.
import { reviewBench } from './review-bench';

console.log((await reviewBench()).join('\n'));
