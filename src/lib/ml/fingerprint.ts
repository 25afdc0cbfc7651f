// A short content hash of a table, stored with each model so a version can be traced to its data.
// FNV-1a is enough here: it identifies data, it does not need to resist tampering.
import type { LabelledTable } from './table';

export function tableFingerprint(table: LabelledTable): string {
	let h = 0x811c9dc5;
	const mixBytes = (bytes: Uint8Array) => {
		for (let i = 0; i < bytes.length; i++) {
			h ^= bytes[i]!;
			h = Math.imul(h, 0x01000193);
		}
	};
	const encoder = new TextEncoder();
	mixBytes(encoder.encode(`${table.rows}|${table.target.name}`));
	for (const c of table.columns) {
		mixBytes(encoder.encode(`|${c.name}:${c.kind}|`));
		if (c.kind === 'numeric') mixBytes(new Uint8Array(c.values.buffer, c.values.byteOffset, c.values.byteLength));
		else for (const v of c.values) mixBytes(encoder.encode(`${v ?? '\u0000'}\u0001`));
	}
	mixBytes(table.target.values);
	return (h >>> 0).toString(16).padStart(8, '0');
}
