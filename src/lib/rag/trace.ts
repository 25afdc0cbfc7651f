// Recording a trace: spans opened and closed on an injected clock, times relative to the trace's
// start, ids from an injected source (so tests and stored traces are repeatable).
import type { Span, Trace } from './types';

export type SpanAttributes = Span['attributes'];

export interface TraceRecorder {
	trace: Trace;
	/** Opens a span (recorded in start order) under `parent`, or as the root. */
	open(name: string, parent?: Span, attributes?: SpanAttributes): Span;
	/** Ends a span, adding attributes known only at the end. */
	close(span: Span, attributes?: SpanAttributes): void;
	/** Runs `work` inside a span; `describe` turns its result into closing attributes. */
	within<T>(name: string, parent: Span, attributes: SpanAttributes, work: (span: Span) => T, describe?: (result: T) => SpanAttributes): T;
}

/** Ids `0001`, `0002`, … (hex), for callers without a random source. */
export function counterIds(): () => string {
	let n = 0;
	return () => (++n).toString(16).padStart(4, '0');
}

export function startTrace(question: string, now: () => number, ids: () => string): TraceRecorder {
	const origin = now();
	const trace: Trace = { traceId: ids(), question, spans: [] };
	const recorder: TraceRecorder = {
		trace,
		open(name, parent, attributes = {}) {
			const span: Span = { spanId: ids(), name, startMs: now() - origin, durationMs: 0, attributes: { ...attributes } };
			if (parent) span.parentId = parent.spanId;
			trace.spans.push(span);
			return span;
		},
		close(span, attributes = {}) {
			span.durationMs = now() - origin - span.startMs;
			Object.assign(span.attributes, attributes);
		},
		within(name, parent, attributes, work, describe) {
			const span = recorder.open(name, parent, attributes);
			const result = work(span);
			recorder.close(span, describe ? describe(result) : {});
			return result;
		}
	};
	return recorder;
}
