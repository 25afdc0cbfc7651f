// What a merge does not decide alone: settings, model aliases and endpoints stay as they are on the
// importing device; each difference from the backup is listed and the learner takes the ones they
// want. Pure: differences in, records to put out.
import { normaliseStudySettings } from '../study/study-settings';
import { fingerprint } from './fingerprint';

type Rec = Record<string, unknown>;

export interface Difference {
	/** Stable across previews of the same file, so a choice survives recomputing the merge. */
	id: string;
	store: 'settings' | 'aliases' | 'endpoints';
	/** What differs, in the page's words: "New cards per day", "alias \"champion\" of delinquency". */
	what: string;
	here: string;
	backup: string;
	/** The backup's record (for a settings field: its key and that field's value). */
	record: Rec;
	field?: string;
}

/** Settings that belong to this device and never travel: its id, its own request counter, and its serving version. */
export const DEVICE_SETTINGS: readonly string[] = ['deviceId', 'endpoint-requests-unknown', 'endpoint-serving-version'];

const STUDY_LABELS: Record<string, string> = {
	retention: 'Desired retention',
	maximumIntervalDays: 'Maximum interval (days)',
	newCardsPerDay: 'New cards per day',
	examDate: 'Exam date',
	interviewRetention: 'Interview retention',
	interviewMaximumIntervalDays: 'Interview maximum interval (days)'
};

/** A value as the differences list shows it. */
export function shown(value: unknown): string {
	if (value === undefined || value === null) return 'not set';
	if (typeof value === 'string') return value;
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const STUDY = 'study';

/** A local setting's value; study settings never saved are the defaults this device uses. */
const settingValue = (local: readonly Rec[], key: string): unknown => {
	const value = local.find((r) => r.key === key)?.value;
	return key === STUDY ? normaliseStudySettings(value) : value;
};

const isPlain = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/** Settings the backup has differently, field by field for settings that are objects (study settings). */
export function settingsDifferences(local: readonly Rec[], incoming: readonly Rec[]): Difference[] {
	const out: Difference[] = [];
	for (const { key: rawKey, value: raw } of incoming) {
		const key = String(rawKey);
		if (DEVICE_SETTINGS.includes(key)) continue;
		const here = settingValue(local, key);
		const value = key === STUDY ? normaliseStudySettings(raw) : raw;
		if (isPlain(value) && (here === undefined || isPlain(here))) {
			for (const [field, v] of Object.entries(value)) {
				const h = (here as Rec | undefined)?.[field];
				if (fingerprint(h) === fingerprint(v)) continue;
				out.push({ id: `settings:${key}.${field}`, store: 'settings', what: key === STUDY ? (STUDY_LABELS[field] ?? field) : `${key}: ${field}`, here: shown(h), backup: shown(v), record: { key, value: v }, field });
			}
		} else if (fingerprint(here) !== fingerprint(value)) {
			out.push({ id: `settings:${key}`, store: 'settings', what: `Setting "${key}"`, here: shown(here), backup: shown(value), record: { key, value } });
		}
	}
	return out;
}

/** The records to put for the differences the learner took, built on the local settings. */
export function takeDifferences(localSettings: readonly Rec[], chosen: readonly Difference[]): Record<Difference['store'], Rec[]> {
	const settings = new Map<string, Rec>();
	const out: Record<Difference['store'], Rec[]> = { settings: [], aliases: [], endpoints: [] };
	for (const d of chosen) {
		if (d.store !== 'settings') {
			out[d.store].push(d.record);
			continue;
		}
		const key = String(d.record.key);
		if (d.field === undefined) {
			settings.set(key, { key, value: d.record.value });
			continue;
		}
		const current = settings.get(key) ?? { key, value: { ...((settingValue(localSettings, key) as Rec | undefined) ?? {}) } };
		(current.value as Rec)[d.field] = d.record.value;
		settings.set(key, current);
	}
	out.settings = [...settings.values()];
	return out;
}
