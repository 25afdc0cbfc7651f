// The one message union shared by the page and the training worker. Nobody else invents a shape.
import type { TrainParams } from '../ml/model-artifact';
import type { TrainOutcome, TrainProgress } from '../ml/train-delinquency';

export type TrainRequest = { kind: 'train'; requestId: number; params: TrainParams };

export type TrainReply =
	| { kind: 'progress'; requestId: number; progress: TrainProgress }
	| { kind: 'result'; requestId: number; outcome: TrainOutcome }
	| { kind: 'error'; requestId: number; message: string };
