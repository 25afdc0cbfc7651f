import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatPercent } from '../../src/lib/format';

describe('format', () => {
	it('formats percentages with a chosen precision and a dash for no value', () => {
		expect(formatPercent(0.8123)).toBe('81.2 %');
		expect(formatPercent(0.8123, 0)).toBe('81 %');
		expect(formatPercent(NaN)).toBe('–');
	});

	it('formats byte counts in binary units', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(1536)).toBe('1.5 KB');
		expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
		expect(formatBytes(null)).toBe('unknown');
	});

	it('formats time left as a countdown clock, rounding up to the second', () => {
		expect(formatClock(245_000)).toBe('4:05');
		expect(formatClock(3_723_000)).toBe('1:02:03');
		expect(formatClock(59_001)).toBe('1:00');
		expect(formatClock(0)).toBe('0:00');
	});
});
