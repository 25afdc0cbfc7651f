// The Progress page's state: loaded once through the app layer (src/lib/app/progress.ts).
import { getDb } from '$lib/app/browser';
import { loadProgress, type Progress } from '$lib/app/progress';
import type { TrackInput } from '$lib/content/track-inputs';
import { skippedMessage } from '$lib/app/skipped-records';
import type { Track } from '$lib/content/tracks';
import { errorMessage } from '$lib/error-message';

export class ProgressView {
	loaded = $state(false);
	error = $state<string | null>(null);
	/** Records stored in a shape this page cannot use, named with their problem. */
	skipped = $state<string | null>(null);
	progress = $state.raw<Progress | null>(null);

	/** The chosen exam's figures. */
	get current() {
		return this.progress?.tracks[0] ?? null;
	}

	async load(input: { cardIds: string[]; tracks: Record<Track, TrackInput> }, now = new Date()): Promise<void> {
		try {
			this.progress = await loadProgress(await getDb(), input, now);
			this.skipped = skippedMessage(this.progress.skipped);
		} catch (e) {
			this.error = `Your progress could not be read: ${errorMessage(e)}`;
		}
		this.loaded = true;
	}
}
