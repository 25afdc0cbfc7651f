// JSON that keeps the value types IndexedDB stores: Dates and typed arrays are written as tagged
// objects ({"$date": …}, {"$u8": […]}, {"$f64": […]}) and turned back on reading.
//
// Tags cannot be spoofed by what a learner typed: from format 2 on, every object key the data
// itself starts with "$" is written with one more "$" ("$date" → "$$date") and unescaped on
// reading, so a tag named "$date" with the value "2026-01-01" stays a tag, never a Date. Format-1
// files (written before escaping) are read as they always were.

/** The first backup format whose keys are escaped. */
export const ESCAPED_KEYS_SINCE = 2;

const escapeKey = (key: string) => (key.startsWith('$') ? `$${key}` : key);

/** Only the tag objects this writer makes: exactly one key, of the right type. */
function tagged(v: Record<string, unknown>): unknown {
	const keys = Object.keys(v);
	if (keys.length !== 1) return undefined;
	if (keys[0] === '$date' && typeof v.$date === 'string') {
		const d = new Date(v.$date);
		return Number.isNaN(d.getTime()) ? undefined : d;
	}
	if (keys[0] === '$u8' && Array.isArray(v.$u8)) return Uint8Array.from(v.$u8 as number[]);
	if (keys[0] === '$f64' && Array.isArray(v.$f64)) return Float64Array.from(v.$f64 as number[]);
	return undefined;
}

export function toTaggedJson(value: unknown): string {
	return JSON.stringify(value, function (key, v) {
		// JSON.stringify calls toJSON on Dates before the replacer sees them: read the raw holder value.
		const raw = (this as Record<string, unknown>)[key];
		if (raw instanceof Date) return { $date: raw.toISOString() };
		if (raw instanceof Uint8Array) return { $u8: Array.from(raw) };
		if (raw instanceof Float64Array) return { $f64: Array.from(raw) };
		if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith('$'))) {
			return Object.fromEntries(Object.entries(v).map(([k, x]) => [escapeKey(k), x]));
		}
		return v;
	});
}

/** Turns tags back into values; with `escaped`, "$$key" becomes "$key" (format 2 and later). */
export function decodeTagged(value: unknown, escaped: boolean): unknown {
	if (Array.isArray(value)) return value.map((v) => decodeTagged(v, escaped));
	if (!value || typeof value !== 'object') return value;
	const obj = value as Record<string, unknown>;
	const tag = tagged(obj);
	if (tag !== undefined) return tag;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(obj)) {
		// defineProperty: a "__proto__" key in a file stays plain data and never sets a prototype.
		Object.defineProperty(out, escaped && k.startsWith('$$') ? k.slice(1) : k, { value: decodeTagged(v, escaped), enumerable: true, writable: true, configurable: true });
	}
	return out;
}

export function fromTaggedJson(text: string, escaped = true): unknown {
	return decodeTagged(JSON.parse(text), escaped);
}
