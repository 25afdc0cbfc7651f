// The shared base of every chart: the chart.js configuration type a pure chart-data function
// returns (drawn by src/lib/ui/Chart.svelte), the series colours and the titled axis. Pure: types
// only from chart.js, no DOM, so what a chart shows is unit-tested without a canvas. The study and
// lab chart functions (progress-charts, interview-charts, evaluation-charts, …) build on this.
import type { ChartConfiguration } from 'chart.js';

export type ChartSpec = ChartConfiguration<'line' | 'scatter' | 'bar'>;

/** Series colours, distinguishable in light and dark themes and for common colour-vision deficiencies. */
export const SERIES_COLOURS = ['#2f7fc1', '#e8590c', '#2b8a3e', '#ae3ec9', '#868e96'];

/** An axis with its title shown, plus any other scale options. */
export const axis = (title: string, extra: object = {}) => ({ title: { display: true, text: title }, ...extra });
