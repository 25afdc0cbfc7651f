// Settings → choose a backup: what merging it (or replacing with it) would do, before anything is
// written. The merge itself is worked out here from this device's records and the backup's; the
// workflow that writes it (merge-backup.ts) works it out again at confirmation, so what is written
// always starts from the records as they are then.
import { base64ToBytes } from '../backup/base64';
import { BACKUP_KEYS, BACKUP_STORES, type Backup, type BackupStore } from '../backup/backup-format';
import { mergeLab, modelFingerprint, runKey, type LabFile, type LabMerge, type LabRecords } from '../backup/merge-lab';
import { mergeRagConfigs, ragConfigFingerprint, type RagConfigMerge } from '../backup/merge-rag-configs';
import { mergeStudy, STUDY_KEYS, type StudyMerge, type StudyRecords } from '../backup/merge-study';
import { settingsDifferences, type Difference } from '../backup/merge-choices';
import { exportBackup, storeCounts } from '../db/backup-store';
import { keepReadable } from '../db/record-checks';
import type { PrepLabDb } from '../db/schema';
import { loadStudySettings } from '../db/settings-store';
import { INTERVIEW_CARD_PREFIX } from '../study/interview-plan';
import { cardScheduling, interviewScheduling } from '../study/study-settings';

type Rec = Record<string, unknown>;

/** Named where a device id is missing (backups made before merging existed). */
export const UNKNOWN_DEVICE = 'unknown';

export interface ComputedMerge {
	study: StudyMerge;
	lab: LabMerge;
	/** RAG configuration versions to add (aliases stay local). */
	ragConfigs: RagConfigMerge;
	differences: Difference[];
	/** This device's settings, to build the records of the settings differences taken. */
	localSettings: Rec[];
}

export interface MergePreview {
	fileName: string;
	fromDevice: string;
	exportedAt: Date;
	/** Nothing is stored on this device yet (settings aside): replacing loses nothing. */
	localEmpty: boolean;
	added: { reviews: number; interviewAttempts: number; examAttempts: number; mistakes: number; versions: number; runs: number; files: number; datasets: number; ragConfigs: number };
	/** Cards whose schedule the merge changes (new reviews, or a suspension from the other device). */
	cardsChanged: number;
	renumbered: LabMerge['renumbered'];
	renamed: LabMerge['renamed'];
	differences: Difference[];
	/** Replace instead: per store, records now on this device and in the backup, and how many of this device's the backup lacks. */
	replace: { store: BackupStore; now: number; backup: number; lost: number }[];
}

const studyRecords = (stores: Backup['stores']): StudyRecords => ({
	cardStates: keepReadable('cardStates', stores.cardStates),
	reviewLogs: keepReadable('reviewLogs', stores.reviewLogs),
	interviewAttempts: keepReadable('interviewAttempts', stores.interviewAttempts),
	examAttempts: keepReadable('examAttempts', stores.examAttempts),
	mistakes: keepReadable('mistakes', stores.mistakes)
});

/** A file record's bytes: a stored Blob (this device), base64 (format 2) or text (format 1). */
async function fileBytes(r: Rec): Promise<LabFile> {
	const bytes = r.blob instanceof Blob ? new Uint8Array(await r.blob.arrayBuffer()) : typeof r.base64 === 'string' ? base64ToBytes(r.base64) : new TextEncoder().encode(String(r.text ?? ''));
	const type = r.blob instanceof Blob ? r.blob.type : typeof r.type === 'string' ? r.type : typeof r.base64 === 'string' ? '' : 'text/csv';
	return { zone: String(r.zone), name: String(r.name), type, modifiedAt: typeof r.modifiedAt === 'string' ? r.modifiedAt : '', bytes };
}

async function labRecords(stores: Backup['stores']): Promise<LabRecords> {
	return { models: stores.models, heldOut: stores.heldOut, runs: stores.runs, datasets: stores.datasets, aliases: stores.aliases, endpoints: stores.endpoints, files: await Promise.all(stores.files.map(fileBytes)) };
}

/** The merge of `backup` into this device's records as they are now. Reads only. */
export async function computeMerge(db: PrepLabDb, backup: Backup, now: Date): Promise<{ merge: ComputedMerge; local: Backup }> {
	const [local, settings] = await Promise.all([exportBackup(db, now), loadStudySettings(db)]);
	const scheduling = (cardId: string) => (cardId.startsWith(INTERVIEW_CARD_PREFIX) ? interviewScheduling(settings) : cardScheduling(settings));
	const study = mergeStudy(studyRecords(local.stores), studyRecords(backup.stores), scheduling);
	const lab = mergeLab(await labRecords(local.stores), await labRecords(backup.stores), backup.deviceId ?? UNKNOWN_DEVICE);
	// Files are compared by their bytes above; the file records (and their bytes) are not kept.
	const ragConfigs = mergeRagConfigs(keepReadable('ragConfigs', local.stores.ragConfigs), keepReadable('ragConfigs', backup.stores.ragConfigs));
	const differences = [...settingsDifferences(local.stores.settings, backup.stores.settings), ...lab.differences];
	return { merge: { study, lab, ragConfigs, differences, localSettings: local.stores.settings }, local };
}

const MERGE_KEYS: Partial<Record<BackupStore, (r: Rec) => string>> = { runs: runKey, models: (r) => `${String(r.name)}|${modelFingerprint(r)}`, ragConfigs: ragConfigFingerprint };

/** Local records the backup does not have, by the ids a merge uses (auto-numbered ids differ between devices). */
function lost(store: BackupStore, local: Backup, backup: Backup): number {
	const key = (STUDY_KEYS as Partial<Record<BackupStore, (r: Rec) => string>>)[store] ?? MERGE_KEYS[store] ?? BACKUP_KEYS[store];
	const theirs = new Set(backup.stores[store].map(key));
	return local.stores[store].filter((r) => !theirs.has(key(r))).length;
}


/** What merging would add and change, and what replacing would lose. Nothing is written. */
export async function previewMerge(db: PrepLabDb, backup: Backup, fileName: string, now: Date): Promise<MergePreview> {
	const [{ merge, local }, counts] = await Promise.all([computeMerge(db, backup, now), storeCounts(db)]);
	const { study, lab } = merge;
	return {
		fileName,
		fromDevice: backup.deviceId ?? UNKNOWN_DEVICE,
		exportedAt: backup.exportedAt,
		localEmpty: BACKUP_STORES.every((s) => s === 'settings' || counts[s] === 0),
		added: {
			reviews: study.reviewLogs.length,
			interviewAttempts: study.interviewAttempts.length,
			examAttempts: study.examAttempts.length,
			mistakes: study.mistakes.length,
			versions: lab.models.length,
			runs: lab.runs.length,
			files: lab.files.length,
			datasets: lab.datasets.length,
			ragConfigs: merge.ragConfigs.add.length
		},
		cardsChanged: study.cardStates.length,
		renumbered: lab.renumbered,
		renamed: lab.renamed,
		differences: merge.differences,
		replace: BACKUP_STORES.map((store) => ({ store, now: counts[store], backup: backup.stores[store].length, lost: lost(store, local, backup) }))
	};
}
