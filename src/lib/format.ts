// Number formatting shared by pages. Pure, so it is unit-tested.

export function formatBytes(bytes: number | null): string {
	if (bytes === null) return 'unknown';
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let v = bytes;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v < 10 && i > 0 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** 0.8123 → "81.2 %" */
export function formatPercent(fraction: number, digits = 1): string {
	return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)} %` : '–';
}

/** Milliseconds left as a countdown clock: 245000 → "4:05", 3723000 → "1:02:03". */
export function formatClock(ms: number): string {
	const s = Math.ceil(ms / 1000);
	const h = Math.floor(s / 3600);
	const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
	return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

/** A stored metric with `digits` decimals, or "—" when it is missing or not a number (e.g. AUC with no held-out rows). */
export function formatMetric(value: unknown, digits = 3): string {
	return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** A stored date or ISO text; "—" when it is missing or not a date, so one bad record never breaks a page. */
export function formatDateTime(iso: string | Date | null | undefined): string {
	const d = typeof iso === 'string' ? new Date(iso) : iso;
	if (!(d instanceof Date) || Number.isNaN(d.getTime())) return '—';
	return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
