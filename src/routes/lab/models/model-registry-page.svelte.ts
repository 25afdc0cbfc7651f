// State of the Models page: versions, aliases, edits to description/tags, deletes, comparison and export.
import { browserDeleteModelVersion, browserVersionUsage, describeUses, type EndpointUse } from '$lib/app/delete-model-version';
import { readableVersions } from '$lib/app/model-versions';
import { getLabStorage } from '$lib/app/browser';
import { saveVersionMeta, setVersionAlias } from '$lib/app/edit-version';
import { formatBytes } from '$lib/format';
import type { HeldOutScores, ModelVersion } from '$lib/ml/model-artifact';
import type { BrokenVersion } from '$lib/lab/storage';
import { MODEL_NAME } from '$lib/ml/train-model';
import { downloadBlob } from '$lib/ui/download';

export const ALIASES = ['champion', 'challenger'] as const;

export class ModelRegistryPage {
	versions = $state<ModelVersion[] | null>(null);
	/** Stored versions that fail the artifact check: named on the page, never used. */
	broken = $state<BrokenVersion[]>([]);
	aliases = $state<Record<string, number>>({});
	selected = $state<number[]>([]);
	heldOut = $state<Record<number, HeldOutScores | undefined>>({});
	error = $state<string | null>(null);
	message = $state<string | null>(null);
	/** The version whose export is being built, so its button can say so. */
	exporting = $state<number | null>(null);

	async load(): Promise<void> {
		try {
			const { registry } = await getLabStorage();
			const { versions, aliases, broken } = await readableVersions(registry, MODEL_NAME);
			this.versions = versions;
			this.aliases = aliases;
			this.broken = broken;
			this.selected = this.selected.filter((v) => this.versions!.some((m) => m.version === v));
		} catch (e) {
			this.error = `The model registry could not be read: ${(e as Error).message}`;
			// Never leave the page on "Loading…": show the error with an empty list.
			this.versions ??= [];
		}
	}

	aliasesOf(version: number): string[] {
		return Object.entries(this.aliases)
			.filter(([, v]) => v === version)
			.map(([a]) => a);
	}

	async #act(action: () => Promise<unknown>, done: string): Promise<boolean> {
		this.error = null;
		try {
			await action();
			if (done) this.message = done;
			await this.load();
			return true;
		} catch (e) {
			this.error = (e as Error).message;
			return false;
		}
	}

	setAlias(alias: string, version: number | null) {
		return this.#act(async () => setVersionAlias((await getLabStorage()).registry, MODEL_NAME, alias, version), version === null ? `Removed alias ${alias}.` : `${alias} now points to version ${version}.`);
	}

	saveMeta(version: number, description: string, tagsText: string) {
		return this.#act(async () => saveVersionMeta((await getLabStorage()).registry, MODEL_NAME, version, description, tagsText), `Saved version ${version}.`);
	}

	/** The version the delete dialog asks about, and the endpoints it would change (read when the dialog opens). */
	deleting = $state.raw<{ version: number; uses: EndpointUse[] } | null>(null);

	/** Reads which endpoints serve the version, so the dialog can say what deleting it does to them. */
	async prepareDelete(version: number): Promise<boolean> {
		this.error = null;
		try {
			this.deleting = { version, uses: await browserVersionUsage(MODEL_NAME, version) };
			return true;
		} catch (e) {
			this.error = `Version ${version} cannot be deleted now: ${(e as Error).message}`;
			return false;
		}
	}

	/** What the dialog says: the endpoints that lose a deployment and where their traffic goes. */
	get deleteMessage(): string {
		const base = 'The model, its metrics and its aliases are removed from this device. Version numbers are never reused.';
		return this.deleting?.uses.length ? `${describeUses(this.deleting.uses)} ${base}` : base;
	}

	/** Deletes the version the dialog showed; endpoints changed since then refuse the delete (VersionInUseError). */
	delete(version: number) {
		const confirmed = this.deleting?.version === version ? this.deleting.uses.map((u) => u.endpoint) : [];
		return this.#act(async () => {
			const uses = await browserDeleteModelVersion(MODEL_NAME, version, confirmed);
			this.message = uses.length ? `Deleted version ${version}. ${describeUses(uses)}` : `Deleted version ${version}.`;
		}, '').finally(() => (this.deleting = null));
	}

	async toggle(version: number): Promise<void> {
		this.selected = this.selected.includes(version) ? this.selected.filter((v) => v !== version) : [...this.selected, version].sort((a, b) => b - a);
		if (this.selected.includes(version) && !(version in this.heldOut)) {
			this.heldOut = { ...this.heldOut, [version]: await (await getLabStorage()).registry.heldOut(MODEL_NAME, version) };
		}
	}

	/** Builds the Azure ML bundle of a version and downloads it as `delinquency-v<N>-azureml.zip`. */
	async exportToAzureMl(version: number): Promise<void> {
		const model = this.versions?.find((v) => v.version === version);
		if (!model || this.exporting !== null) return;
		this.error = null;
		this.exporting = version;
		try {
			// Loaded on demand: fflate and the scoring script are only needed when someone exports.
			const { bundleFileName, exportZip } = await import('$lib/ml/azureml-export');
			const zip = exportZip(model);
			const fileName = bundleFileName(model);
			downloadBlob(new Blob([zip], { type: 'application/zip' }), fileName);
			this.message = `Downloaded ${fileName} (${formatBytes(zip.length)}).`;
		} catch (e) {
			this.error = `Version ${version} could not be exported: ${(e as Error).message}`;
		} finally {
			this.exporting = null;
		}
	}
}
