// State of the Runs page: the logged runs, the search, the sort column, the runs ticked for
// comparison and the metric charted across runs.
import { browserRuns, type StoredRun } from '$lib/app/tracked-runs';
import { errorMessage as describe } from '$lib/error-message';
import { compareRuns, filterRuns, sortRuns, type RunColumn, type SortDirection } from '$lib/lab/runs-table';
import type { HeldOutScores } from '$lib/ml/model-artifact';

export class RunsView {
	runs = $state<StoredRun[]>([]);
	loaded = $state(false);
	error = $state<string | null>(null);
	/** Runs stored in a shape this page cannot show, named with their problem. */
	skipped = $state<string | null>(null);
	query = $state('');
	sortColumn = $state<RunColumn>('startedAt');
	sortDirection = $state<SortDirection>('desc');
	selected = $state<number[]>([]);
	chartMetric = $state('rocAuc');
	/** Held-out scores of the registered versions that compared runs produced, for overlaid ROC curves. */
	heldOut = $state.raw<Record<number, HeldOutScores | null>>({});

	readonly visible = $derived(sortRuns(filterRuns(this.runs, this.query), this.sortColumn, this.sortDirection));
	readonly compared = $derived(this.runs.filter((r) => r.id !== undefined && this.selected.includes(r.id)));
	readonly comparison = $derived(compareRuns(this.compared));

	async load(): Promise<void> {
		try {
			({ runs: this.runs, skipped: this.skipped } = await browserRuns.read());
		} catch (e) {
			this.error = `Your runs could not be read: ${describe(e)}`;
		} finally {
			this.loaded = true;
		}
	}

	/** Clicking a sorted column flips its direction; a new column starts with the best first for metrics. */
	sortBy(column: RunColumn): void {
		if (this.sortColumn === column) this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
		else {
			this.sortColumn = column;
			this.sortDirection = column === 'metric:logLoss' || column === 'experiment' || column === 'status' ? 'asc' : 'desc';
		}
	}

	async toggle(id: number): Promise<void> {
		this.selected = this.selected.includes(id) ? this.selected.filter((s) => s !== id) : [...this.selected, id];
		const version = this.runs.find((r) => r.id === id)?.modelVersion;
		if (version !== undefined && !(version in this.heldOut)) {
			try {
				this.heldOut = { ...this.heldOut, [version]: await browserRuns.heldOut(version) };
			} catch {
				this.heldOut = { ...this.heldOut, [version]: null }; // the version may have been deleted
			}
		}
	}

	async remove(id: number): Promise<void> {
		try {
			await browserRuns.delete(id);
			this.runs = this.runs.filter((r) => r.id !== id);
			this.selected = this.selected.filter((s) => s !== id);
		} catch (e) {
			this.error = `The run was not deleted: ${describe(e)}`;
		}
	}
}
