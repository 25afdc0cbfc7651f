// The one decoding check for text files (browser and CLI): strict UTF-8, byte-order mark dropped,
// other encodings and binary files named.
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/lib/ml/text-decoding';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);
const SAVE_AS = 'Save it as "CSV UTF-8" and choose that file.';

describe('decodeUtf8', () => {
	it('reads UTF-8 and drops a byte-order mark', () => {
		expect(decodeUtf8(utf8('\uFEFFmünchen,1'))).toBe('münchen,1');
	});

	it.each([
		['Latin-1', bytes(0x6d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e), `it is not UTF-8 text (accented letters saved as Latin-1 or Windows-1252?). ${SAVE_AS}`],
		['UTF-16 with a byte-order mark', bytes(0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00), `it is not UTF-8 text: it is UTF-16 text (Excel's "Unicode text"). ${SAVE_AS}`],
		['UTF-16 without a byte-order mark', bytes(0x61, 0x00, 0x2c, 0x00, 0x62, 0x00, 0xdc, 0xd8), `it is not UTF-8 text: it looks like UTF-16 text. ${SAVE_AS}`],
		['a PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff), 'it is not UTF-8 text: it is a PNG image, not a CSV file.'],
		['an xlsx workbook', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xc3, 0x28), `it is not UTF-8 text: it is a ZIP archive (an Excel .xlsx workbook?), not a CSV file. ${SAVE_AS}`]
	])('names %s', (_what, input, message) => {
		expect(() => decodeUtf8(input)).toThrow(message);
	});
});
