/// <reference lib="webworker" />
// Runs training off the main thread so the page stays responsive.
import { trainDelinquencyModel } from '../ml/train-delinquency';
import type { TrainReply, TrainRequest } from './protocol';

const post = (reply: TrainReply) => postMessage(reply);

addEventListener('message', (event: MessageEvent<TrainRequest>) => {
	const { requestId, params } = event.data;
	try {
		const outcome = trainDelinquencyModel(params, (progress) => post({ kind: 'progress', requestId, progress }));
		post({ kind: 'result', requestId, outcome });
	} catch (e) {
		post({ kind: 'error', requestId, message: e instanceof Error ? e.message : String(e) });
	}
});
