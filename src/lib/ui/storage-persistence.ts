// Browsers may evict IndexedDB under storage pressure unless the origin is granted persistence.
export interface StorageStatus {
	supported: boolean;
	persisted: boolean;
	usage: number | null;
	quota: number | null;
}

export async function storageStatus(): Promise<StorageStatus> {
	const storage = navigator.storage;
	if (!storage?.persisted) return { supported: false, persisted: false, usage: null, quota: null };
	const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate?.() ?? Promise.resolve({} as StorageEstimate)]);
	return { supported: true, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/** Asks the browser to keep our data; returns whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
	return (await navigator.storage?.persist?.()) ?? false;
}
