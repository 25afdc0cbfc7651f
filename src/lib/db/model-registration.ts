// Registering a trained model from the page: the version (with its held-out scores) goes to the
// registry and the tracked run that produced it learns its version. The Train page and the
// Monitoring page's retrain both register through here.
import type { ModelVersion, VersionMeta } from '../ml/model-artifact';
import type { TrainOutcome } from '../ml/train-model';
import { getDb } from './browser-db';
import { getLabStorage } from './browser-storage';
import { setRunModelVersion } from './run-store';

export async function registerTrainedModel(outcome: TrainOutcome, meta: Partial<VersionMeta>, runId: number | null): Promise<ModelVersion> {
	const registered = await (await getLabStorage()).registry.register(outcome.draft, meta, outcome.test);
	if (runId !== null) await setRunModelVersion(await getDb(), runId, registered.version);
	return registered;
}
