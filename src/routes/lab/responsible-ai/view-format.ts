// How the Responsible AI panels print numbers and values: fixed decimals ("–" when undefined), a
// record's value ("missing" for none), and the error-rate heat of a matrix cell.

export const fixed = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

export const showValue = (v: unknown) => (v === null || v === undefined ? 'missing' : typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : String(v));

/** Error-rate heat: transparent at 0, the "bad" colour at 50 % or more; the number is always printed too. */
export const heat = (rate: number) => (Number.isFinite(rate) ? `background: color-mix(in srgb, var(--bad) ${Math.round(Math.min(1, rate / 0.5) * 45)}%, transparent)` : '');
