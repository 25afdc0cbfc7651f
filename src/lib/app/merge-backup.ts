// Settings → Merge into my data: the backup's reviews, answers, exams, mistakes, model versions,
// runs, files and RAG configuration versions are added to this device's, card schedules follow the merged review log, and the
// differences the learner took (settings, aliases, endpoints) are applied. One transaction;
// merging the same file again adds nothing.
import type { Backup } from '../backup/backup-format';
import { takeDifferences } from '../backup/merge-choices';
import { writeMerge } from '../db/merge-store';
import type { PrepLabDb, StoredFile } from '../db/schema';
import { computeMerge } from './preview-merge';

export interface MergeResult {
	reviews: number;
	cardsChanged: number;
	/** Every record added or changed, differences taken included. */
	records: number;
	message: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Merges `backup` into this device's data, taking the differences whose ids are in `take`. */
export async function mergeBackup(db: PrepLabDb, backup: Backup, take: readonly string[], now: Date): Promise<MergeResult> {
	const { merge } = await computeMerge(db, backup, now);
	const { study, lab } = merge;
	const chosen = takeDifferences(merge.localSettings, merge.differences.filter((d) => take.includes(d.id)));
	// Blobs are made before the transaction opens: an IndexedDB transaction closes if it waits on other work.
	const files = lab.files.map(({ zone, name, type, modifiedAt, bytes }): StoredFile => {
		const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
		return { zone: zone as StoredFile['zone'], name, blob, size: blob.size, modifiedAt: modifiedAt || backup.exportedAt.toISOString() };
	});
	const writes = {
		reviewLogs: study.reviewLogs as unknown as Record<string, unknown>[],
		cardStates: study.cardStates as unknown as Record<string, unknown>[],
		interviewAttempts: study.interviewAttempts,
		examAttempts: study.examAttempts,
		mistakes: study.mistakes,
		models: lab.models,
		heldOut: lab.heldOut,
		runs: lab.runs,
		datasets: lab.datasets,
		files: files as unknown as Record<string, unknown>[],
		ragConfigs: merge.ragConfigs.add,
		...chosen
	};
	await writeMerge(db, writes);
	const records = Object.values(writes).reduce((s, list) => s + list.length, 0);
	const parts = [
		plural(study.reviewLogs.length, 'review'),
		study.interviewAttempts.length && plural(study.interviewAttempts.length, 'interview answer'),
		study.examAttempts.length && plural(study.examAttempts.length, 'practice exam'),
		study.mistakes.length && plural(study.mistakes.length, 'mistake'),
		lab.models.length && plural(lab.models.length, 'model version'),
		lab.runs.length && plural(lab.runs.length, 'run'),
		lab.files.length && plural(lab.files.length, 'datastore file'),
		merge.ragConfigs.add.length && plural(merge.ragConfigs.add.length, 'RAG configuration version')
	].filter(Boolean);
	const message = records
		? `Merged the backup: added ${parts.join(', ')}; ${plural(study.cardStates.length, 'card schedule')} updated${chosen.settings.length + chosen.aliases.length + chosen.endpoints.length ? `; took ${plural(chosen.settings.length + chosen.aliases.length + chosen.endpoints.length, 'difference')} from the backup` : ''}.`
		: 'Nothing to merge: this device already has everything in the backup.';
	return { reviews: study.reviewLogs.length, cardsChanged: study.cardStates.length, records, message };
}
