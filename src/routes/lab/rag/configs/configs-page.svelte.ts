// State of the Configs page: save the configuration being tried as the next version of a name, load
// a version back, compare two versions on the same dataset (each evaluation logged as a run), and
// promote one to `production` after a confirm that names the version it replaces.
import { browserRagConfigs, productionVersion, type StoredRagConfig } from '$lib/app/rag-configs';
import { errorMessage } from '$lib/error-message';
import { Cancelled } from '$lib/workers/lab-client';
import type { RagEvaluation } from '$lib/workers/rag-messages';
import { evaluateAndTrack, ragLab } from '../rag-lab.svelte';

export const versionKey = (v: Pick<StoredRagConfig, 'name' | 'version'>) => `${v.name}:${v.version}`;

export class ConfigsPage {
	versions = $state<StoredRagConfig[]>([]);
	skipped = $state<string | null>(null);
	loaded = $state(false);
	error = $state<string | null>(null);
	notice = $state<string | null>(null);
	name = $state('notes-qa');
	description = $state('');
	/** Versions ticked for comparison, by key. */
	selected = $state<string[]>([]);
	compareSize = $state(40);
	compareSeed = $state(1);
	comparing = $state(false);
	progress = $state(0);
	compared = $state<{ key: string; evaluation: RagEvaluation }[]>([]);

	async load(): Promise<void> {
		try {
			const { versions, skipped } = await browserRagConfigs.read();
			this.versions = versions;
			this.skipped = skipped;
		} catch (e) {
			this.error = `The saved configurations could not be read: ${errorMessage(e)}`;
		} finally {
			this.loaded = true;
		}
	}

	async save(): Promise<void> {
		this.error = null;
		try {
			const saved = await browserRagConfigs.save(this.name, ragLab.snapshot(), this.description);
			this.notice = `Saved ${versionKey(saved)}.`;
			this.description = '';
			await this.load();
		} catch (e) {
			this.error = errorMessage(e);
		}
	}

	use(v: StoredRagConfig): void {
		ragLab.setConfig(v.config);
		this.notice = `${versionKey(v)} is now the configuration being tried on every RAG step.`;
	}

	/** The version `production` points at for this version's name, other than itself. */
	replaces(v: StoredRagConfig): StoredRagConfig | null {
		const current = productionVersion(this.versions, v.name);
		return current && current.version !== v.version ? current : null;
	}

	async promote(v: StoredRagConfig): Promise<void> {
		this.error = null;
		try {
			const replaced = await browserRagConfigs.promote(v.name, v.version);
			this.notice = `production now points at ${versionKey(v)}${replaced === null ? '' : ` (it pointed at ${v.name}:${replaced})`}.`;
			await this.load();
		} catch (e) {
			this.error = `The promotion did not happen: ${errorMessage(e)}`;
		}
	}

	toggle(key: string): void {
		this.selected = this.selected.includes(key) ? this.selected.filter((k) => k !== key) : [...this.selected, key].slice(-2);
	}

	/** Evaluates the two ticked versions one after the other on the same seeded sample. */
	async compare(): Promise<void> {
		const chosen = this.selected.map((k) => this.versions.find((v) => versionKey(v) === k)).filter((v) => v !== undefined);
		if (chosen.length !== 2) return void (this.error = 'Tick two versions to compare.');
		this.error = null;
		this.comparing = true;
		this.compared = [];
		const dataset = { kind: 'content' as const, size: this.compareSize, seed: this.compareSeed };
		try {
			for (const [i, v] of chosen.entries()) {
				const { evaluation, runError } = await evaluateAndTrack(ragLab.client, $state.snapshot(v.config), dataset, [], {
					saved: { name: v.name, version: v.version },
					onProgress: (p) => (this.progress = (i + p.fraction) / chosen.length)
				});
				this.compared.push({ key: versionKey(v), evaluation });
				if (runError) this.error = runError;
			}
		} catch (e) {
			if (!(e instanceof Cancelled)) this.error = `The comparison stopped: ${errorMessage(e)}`;
		} finally {
			this.comparing = false;
		}
	}

	cancel(): void {
		ragLab.client.cancel();
	}
}
