import { describe, expect, it } from 'vitest';
import { settingsDifferences, takeDifferences } from '../../../src/lib/backup/merge-choices';
import { FROM_DEVICE_TAG, mergeLab, type LabRecords } from '../../../src/lib/backup/merge-lab';
import { DEFAULT_STUDY_SETTINGS } from '../../../src/lib/study/study-settings';

const model = (version: number, intercept: number, tags: Record<string, string> = {}) => ({ name: 'delinquency', version, intercept, weights: [1, 2], metrics: { auc: null }, description: '', tags, createdAt: '2026-11-01' });
const empty = (): LabRecords => ({ models: [], heldOut: [], runs: [], datasets: [], aliases: [], endpoints: [], files: [] });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('merging lab records', () => {
	it('adds a colliding model version under the next free number, tagged with the device it came from, and its evaluation data with it', () => {
		const here = { ...empty(), models: [model(1, 0.1), model(2, 0.2)] };
		const there = { ...empty(), models: [model(1, 0.1, { note: 'same' }), model(2, 0.9), model(3, 0.7)], heldOut: [{ name: 'delinquency', version: 2, y: Uint8Array.of(1), p: Float64Array.of(0.5) }] };
		const m = mergeLab(here, there, 'phone123');
		// v1 is the same model (tags are editable notes): not added. v2 collides: added as v4, after the backup's own v3.
		expect(m.models.map((x) => [x.version, x.intercept, x.tags])).toEqual([
			[4, 0.9, { [FROM_DEVICE_TAG]: 'phone123' }],
			[3, 0.7, {}]
		]);
		expect(m.renumbered).toEqual([{ name: 'delinquency', from: 2, to: 4 }]);
		expect(m.heldOut).toEqual([{ name: 'delinquency', version: 4, y: Uint8Array.of(1), p: Float64Array.of(0.5) }]);
		// Merged again, nothing is added: the renumbered version is recognised by its contents.
		const after = { ...here, models: [...here.models, ...m.models], heldOut: m.heldOut };
		expect(mergeLab(after, there, 'phone123').models).toEqual([]);
	});

	it('offers the backup\'s aliases and endpoints as differences, pointing at the merged numbers', () => {
		const here = { ...empty(), models: [model(1, 0.1)], aliases: [{ name: 'delinquency', alias: 'champion', version: 1 }] };
		const there = { ...empty(), models: [model(1, 0.5)], aliases: [{ name: 'delinquency', alias: 'champion', version: 1 }] };
		const m = mergeLab(here, there, 'laptop');
		expect(m.differences).toEqual([
			expect.objectContaining({ id: 'aliases:delinquency:champion', here: 'version 1', backup: 'version 2', record: { name: 'delinquency', alias: 'champion', version: 2 } })
		]);
	});

	it('adds runs and files once by their contents, and a file whose name holds other contents here under a new name', () => {
		const run = (id: number, minute: number) => ({ id, experiment: 'train', startedAt: new Date(Date.UTC(2026, 10, 1, 8, minute)), params: {}, metrics: {}, tags: {} });
		const file = (name: string, text: string) => ({ zone: 'raw', name, type: 'text/csv', modifiedAt: '2026-11-01', bytes: bytes(text) });
		const here = { ...empty(), runs: [run(1, 0)], files: [file('a.csv', 'x\n1\n'), file('b.csv', 'x\n2\n')] };
		const there = { ...empty(), runs: [run(1, 5), run(2, 0)], files: [file('a.csv', 'x\n1\n'), file('b.csv', 'x\n3\n'), file('c.csv', 'x\n4\n')] };
		const m = mergeLab(here, there, 'ph-1');
		expect(m.runs).toEqual([{ experiment: 'train', startedAt: new Date(Date.UTC(2026, 10, 1, 8, 5)), params: {}, metrics: {}, tags: {} }]);
		expect(m.files.map((f) => f.name)).toEqual(['b_from_ph1.csv', 'c.csv']);
		expect(m.renamed).toEqual([{ from: 'raw/b.csv', to: 'raw/b_from_ph1.csv' }]);
		const after = { ...here, files: [...here.files, ...m.files] };
		expect(mergeLab(after, there, 'ph-1').files).toEqual([]);
	});
});

describe('settings differences', () => {
	it('lists each study setting the backup has differently; taking some keeps this device\'s others', () => {
		const local = [{ key: 'study', value: { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 12 } }];
		const incoming = [{ key: 'study', value: { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 30, retention: 0.85 } }, { key: 'deviceId', value: 'other' }];
		const diffs = settingsDifferences(local, incoming);
		expect(diffs.map((d) => [d.what, d.here, d.backup])).toEqual([
			['Desired retention', '0.9', '0.85'],
			['New cards per day', '12', '30']
		]);
		const taken = takeDifferences(local, diffs.filter((d) => d.what === 'Desired retention'));
		expect(taken.settings).toEqual([{ key: 'study', value: { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 12, retention: 0.85 } }]);
	});
});
