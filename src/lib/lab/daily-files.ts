// The daily files of the lab: one day's accounts are `raw/accounts_<date>.csv`, scored into
// `curated/accounts_<date>_predictions.csv`. Every part of the lab names and recognises them here.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real YYYY-MM-DD calendar date: "2026-02-30" is refused, where Date.parse would roll it over to March 2. */
export function isCalendarDate(date: string): boolean {
	if (!DATE.test(date)) return false;
	const t = Date.parse(`${date}T00:00:00Z`);
	return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/** The raw file a daily job reads for a date (`accounts_2026-11-25.csv`). */
export const rawFileName = (date: string) => `accounts_${date}.csv`;

/** The date of a daily raw or predictions file, or null for other files. */
export function fileDate(name: string): string | null {
	const m = /^accounts_(\d{4}-\d{2}-\d{2})(?:_predictions)?\.csv$/.exec(name);
	return m ? m[1]! : null;
}

/** The dates that have a daily raw file (raw/accounts_<date>.csv) among a zone's file names, oldest first. */
export function rawFileDates(names: Iterable<string>): string[] {
	const dates: string[] = [];
	for (const name of names) {
		const date = fileDate(name);
		if (date !== null && rawFileName(date) === name) dates.push(date);
	}
	return dates.sort();
}
