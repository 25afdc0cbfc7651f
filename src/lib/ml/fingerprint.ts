// A short content hash of a dataset, stored with each model so a version can be traced to its data.
// FNV-1a is enough here: it identifies data, it does not need to resist tampering.
import type { Dataset } from './dataset';

export function datasetFingerprint(data: Dataset): string {
	let h = 0x811c9dc5;
	const mix = (bytes: Uint8Array) => {
		for (let i = 0; i < bytes.length; i++) {
			h ^= bytes[i]!;
			h = Math.imul(h, 0x01000193);
		}
	};
	mix(new TextEncoder().encode(`${data.features.join(',')}|${data.target}|${data.rows}`));
	mix(new Uint8Array(data.x.buffer, data.x.byteOffset, data.x.byteLength));
	mix(data.y);
	return (h >>> 0).toString(16).padStart(8, '0');
}
