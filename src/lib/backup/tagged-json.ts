// JSON that keeps the value types IndexedDB stores: Dates and typed arrays are written as tagged
// objects ({"$date": …}, {"$u8": […]}, {"$f64": […]}) and turned back on reading.

export function toTaggedJson(value: unknown): string {
	return JSON.stringify(value, function (key, v) {
		// JSON.stringify calls toJSON on Dates before the replacer sees them: read the raw holder value.
		const raw = (this as Record<string, unknown>)[key];
		if (raw instanceof Date) return { $date: raw.toISOString() };
		if (raw instanceof Uint8Array) return { $u8: Array.from(raw) };
		if (raw instanceof Float64Array) return { $f64: Array.from(raw) };
		return v;
	});
}

export function fromTaggedJson(text: string): unknown {
	return JSON.parse(text, (_key, v) => {
		if (v && typeof v === 'object' && !Array.isArray(v)) {
			const keys = Object.keys(v);
			if (keys.length === 1) {
				if (keys[0] === '$date' && typeof v.$date === 'string') {
					const d = new Date(v.$date);
					return Number.isNaN(d.getTime()) ? v : d;
				}
				if (keys[0] === '$u8' && Array.isArray(v.$u8)) return Uint8Array.from(v.$u8);
				if (keys[0] === '$f64' && Array.isArray(v.$f64)) return Float64Array.from(v.$f64);
			}
		}
		return v;
	});
}
