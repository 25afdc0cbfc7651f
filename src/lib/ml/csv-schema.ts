// Checking a CSV's header and inferring what each column is, before anything is read in full.
import type { ColumnSchema } from './table';

/** A problem with a CSV file, located by row (the header is row 1, as in a spreadsheet) and column. */
export class CsvSchemaError extends Error {
	constructor(
		message: string,
		readonly row?: number,
		readonly column?: string
	) {
		super(message);
		this.name = 'CsvSchemaError';
	}
}

/** Values read as "missing" rather than as text. */
export const MISSING_TOKENS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'none', 'nan', '?']);
const TARGET_NAMES = ['delinquent_90d', 'target', 'label', 'y', 'default', 'is_delinquent', 'delinquent', 'class', 'outcome'];
const SENSITIVE = /(^|_)(age|age_band|gender|sex|race|ethnicity|religion|marital|nationality)($|_)/i;
const ID_LIKE = /(^|_)(id|uuid|key)$/i;
export const MAX_CATEGORIES = 50;

const isDigit = (c: number) => c >= 48 && c <= 57;

export function isMissing(raw: string | undefined): boolean {
	if (raw === undefined || raw.length === 0) return true;
	// Fast path for the common case: values starting with a digit, sign or dot are never tokens.
	const c = raw.charCodeAt(0);
	if (isDigit(c) || c === 45 || c === 43 || c === 46) return false;
	return MISSING_TOKENS.has(raw.trim().toLowerCase());
}

/**
 * Strict number parsing: "1e3" and "-2.5" pass; "12abc", "NaN", "Infinity", "0x1F" and "" do not.
 * Number() does the work (it is fast); the checks reject the forms it accepts but a CSV should not.
 */
export function parseNumber(raw: string): number | null {
	if (raw.length === 0) return null;
	const n = Number(raw);
	if (!Number.isFinite(n)) return null;
	const s = raw.trim();
	if (s.length === 0) return null;
	const first = s.charCodeAt(0);
	const second = s.charCodeAt(1);
	// Number() also reads hex/octal/binary literals ("0x10" → 16): refuse those.
	if (first === 48 && (second | 32) !== 101 && second > 57) return null;
	return n;
}

/** Binary labels: 0/1, true/false, yes/no (any case). */
export function parseLabel(raw: string): 0 | 1 | null {
	const s = raw.trim().toLowerCase();
	if (s === '1' || s === '1.0' || s === 'true' || s === 'yes') return 1;
	if (s === '0' || s === '0.0' || s === 'false' || s === 'no') return 0;
	return null;
}

/**
 * Share of non-numbers a sampled column may have and still be proposed as numeric. Generous on
 * purpose: a mostly-numeric column with odd values is kept numeric so reading names the odd rows,
 * instead of quietly becoming a categorical column that is then ignored (and the model loses it).
 */
const MAX_STRAY_SHARE = 0.2;

/** "0,5": a number written with a decimal comma, as spreadsheets in many locales save it. */
export function isCommaDecimal(raw: string): boolean {
	return /^\s*[+-]?\d+,\d+\s*$/.test(raw);
}

/** "59 376", "59_376", "1,234,567" or "59'376": a number written with thousands separators. */
export function isThousandsSeparated(raw: string): boolean {
	return /^\s*[+-]?\d{1,3}(?:([ _,'\u00a0\u202f])\d{3})(?:\1\d{3})*(?:\.\d+)?\s*$/.test(raw);
}

export function checkHeader(header: string[]): string[] {
	const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
	if (names.length === 0 || (names.length === 1 && names[0] === '')) throw new CsvSchemaError('The file is empty: it has no header row.', 1);
	const seen = new Map<string, number>();
	names.forEach((name, i) => {
		if (name === '') throw new CsvSchemaError(`Column ${i + 1} of the header has no name.`, 1, `#${i + 1}`);
		const before = seen.get(name.toLowerCase());
		if (before !== undefined) throw new CsvSchemaError(`The header names "${name}" twice (columns ${before + 1} and ${i + 1}).`, 1, name);
		seen.set(name.toLowerCase(), i);
	});
	return names;
}

/**
 * Proposes a schema from the header and a sample of rows; the user confirms or edits it.
 * @param targetHint a column the caller wants as the target (e.g. from `--target`)
 */
export function inferSchema(header: string[], sample: string[][], targetHint?: string): ColumnSchema[] {
	const schema: ColumnSchema[] = header.map((name, j) => {
		const values = sample.map((row) => row[j]).filter((v): v is string => !isMissing(v));
		// A few stray values ("Infinity", "12abc") must not turn a numeric column into categories:
		// call it numeric and let reading name the rows that are not numbers.
		const notNumbers = values.filter((v) => parseNumber(v) === null && !isCommaDecimal(v) && !isThousandsSeparated(v)).length;
		const numeric = values.length > 0 && notNumbers <= values.length * MAX_STRAY_SHARE;
		const distinct = new Set(values).size;
		let role: ColumnSchema['role'] = 'feature';
		if (SENSITIVE.test(name)) role = 'sensitive';
		else if (ID_LIKE.test(name) || (!numeric && distinct > MAX_CATEGORIES)) role = 'ignore';
		return { name, kind: numeric ? 'numeric' : 'categorical', role };
	});
	const isBinary = (j: number) => sample.every((row) => parseLabel(row[j] ?? '') !== null);
	let target = -1;
	if (targetHint !== undefined) {
		target = header.indexOf(targetHint);
		if (target === -1) throw new CsvSchemaError(`There is no column "${targetHint}" to use as the target. Columns: ${header.join(', ')}.`, 1, targetHint);
	} else {
		target = header.findIndex((h) => TARGET_NAMES.includes(h.toLowerCase()));
		if (target === -1 && header.length > 1 && isBinary(header.length - 1)) target = header.length - 1;
	}
	if (target === -1) {
		throw new CsvSchemaError(
			`No target column found. Name the 0/1 outcome column one of ${TARGET_NAMES.slice(0, 4).join(', ')}, or choose it explicitly.`,
			1
		);
	}
	schema[target] = { name: header[target]!, kind: 'numeric', role: 'target' };
	return schema;
}
