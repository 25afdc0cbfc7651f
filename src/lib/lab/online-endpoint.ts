// A managed online endpoint as Azure ML shapes it, in two parts: its rules (deployments, traffic,
// mirror, keys: `endpoint-rules.ts`) and answering a scoring request (`endpoint-scoring.ts`). Its
// record types are in `endpoint-record.ts`. Import from here outside the lab folder.
export * from './endpoint-rules';
export * from './endpoint-scoring';
