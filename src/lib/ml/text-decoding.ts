// The one decoding check for text files the lab reads (CSV for training, scoring and monitoring), in
// the browser and the CLI alike: bytes are decoded as strict UTF-8 (a UTF-8 byte-order mark is
// dropped), and a file that is not UTF-8 is refused with what it seems to be instead.

/** Why the reader stops: the first bytes tell a spreadsheet, an image or UTF-16 from a plain CSV. */
export function notUtf8Reason(head: Uint8Array): string {
	const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
	const fix = 'Save it as "CSV UTF-8" and choose that file.';
	if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return `it is not UTF-8 text: it is UTF-16 text (Excel's "Unicode text"). ${fix}`;
	if (starts(0x89, 0x50, 0x4e, 0x47)) return 'it is not UTF-8 text: it is a PNG image, not a CSV file.';
	if (starts(0xff, 0xd8, 0xff)) return 'it is not UTF-8 text: it is a JPEG image, not a CSV file.';
	if (starts(0x25, 0x50, 0x44, 0x46)) return 'it is not UTF-8 text: it is a PDF document, not a CSV file.';
	if (starts(0x50, 0x4b, 0x03, 0x04)) return `it is not UTF-8 text: it is a ZIP archive (an Excel .xlsx workbook?), not a CSV file. ${fix}`;
	if (starts(0xd0, 0xcf, 0x11, 0xe0)) return `it is not UTF-8 text: it is an old Excel .xls workbook, not a CSV file. ${fix}`;
	if (starts(0x1f, 0x8b)) return 'it is not UTF-8 text: it is a gzip archive; unpack it first.';
	// UTF-16 without a byte-order mark: every other byte of ASCII text is 0.
	const zeros = head.subarray(0, 64).filter((b) => b === 0).length;
	if (zeros >= Math.min(head.length, 64) / 4) return `it is not UTF-8 text: it looks like UTF-16 text. ${fix}`;
	return `it is not UTF-8 text (accented letters saved as Latin-1 or Windows-1252?). ${fix}`;
}

/**
 * Checks that `bytes` (whole UTF-8 characters: the CSV reader passes complete rows) are strict UTF-8,
 * without keeping the text; throws an Error with notUtf8Reason(head), head being the file's first bytes.
 */
export function checkUtf8(bytes: Uint8Array, head: Uint8Array): void {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new Error(notUtf8Reason(head));
	}
}

/** The file as a whole is decoded; throws an Error with notUtf8Reason() when it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new Error(notUtf8Reason(bytes));
	}
}
