// How the Runs page writes a run's values: metric names as labels, numbers to four decimals, a dash for none.
import { METRIC_LABELS } from '$lib/ml/metrics';

export const metricLabel = (name: string) => (METRIC_LABELS as Record<string, string>)[name] ?? name;

export const show = (v: number | string | boolean | null | undefined) => (v === undefined || v === null ? '—' : typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(4)).toString() : String(v));
