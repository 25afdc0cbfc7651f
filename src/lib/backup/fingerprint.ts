// A record's content as one string, the same however it was stored: keys sorted, Dates as ISO
// text, typed arrays as lists, missing numbers (NaN, Infinity, null) all as null. Two devices
// holding the same model version or run get the same fingerprint, so a merge adds it once.
export function fingerprint(value: unknown): string {
	if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
	if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return fingerprint(Array.from(value as unknown as ArrayLike<number>));
	if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : fingerprint(v))).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${fingerprint(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** The record without the named fields, for fingerprints that ignore local numbering or editable notes. */
export function without(record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
	return Object.fromEntries(Object.entries(record).filter(([k]) => !fields.includes(k)));
}
