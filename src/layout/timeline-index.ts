/**
 * The events of a document indexed once by time, so a view finds its events by binary search
 * instead of a scan: typed arrays of each event's start, end and middle, in the resolved
 * (time) order. An event's visibility needs its end too; ends are not sorted, so events much
 * longer than the rest are kept apart in a short list and every other event is looked for
 * from `start − longest short duration`.
 */
import type { ResolvedEvent, ResolvedIncident } from '../model/types.js';

export interface TimeIndex {
  readonly events: readonly ResolvedEvent[];
  /** Start of each event's first instant, ascending. */
  readonly starts: Float64Array;
  /** End of each event (its end date's end, else its start date's end). */
  readonly ends: Float64Array;
  /** Middle of each event's start date: where a point mark is drawn. */
  readonly mids: Float64Array;
  /** Indices of the events much longer than the rest (see `buildIndex`), ascending. */
  readonly long: Int32Array;
  /** The longest duration among the other events. */
  readonly maxShort: number;
}

const indexes = new WeakMap<ResolvedIncident, TimeIndex>();

/** First index whose value is ≥ `t` (the length when none is). */
export function lowerBound(a: Float64Array, t: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (a[m]! < t) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** First index whose value is > `t`. */
export function upperBound(a: Float64Array, t: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (a[m]! <= t) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** The document's index, built on first use and kept while the document lives. */
export function timeIndex(r: ResolvedIncident): TimeIndex {
  let index = indexes.get(r);
  if (!index) indexes.set(r, (index = buildIndex(r.events)));
  return index;
}

export function buildIndex(events: readonly ResolvedEvent[]): TimeIndex {
  const n = events.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const mids = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    starts[i] = e.start.start;
    ends[i] = e.end ? e.end.end : e.start.end;
    mids[i] = (e.start.start + e.start.end) / 2;
  }
  // "Long" is relative to the events' spread: more than 1/64 of it, or more than 8 times the
  // median duration, whichever is more. Few events are; each is checked on every query.
  const durations = Float64Array.from({ length: n }, (_, i) => ends[i]! - starts[i]!).sort();
  let last = -Infinity;
  for (let i = 0; i < n; i++) last = Math.max(last, ends[i]!);
  const spread = n ? last - starts[0]! : 0;
  const limit = Math.max(spread / 64, (durations[n >> 1] ?? 0) * 8);
  const long: number[] = [];
  let maxShort = 0;
  for (let i = 0; i < n; i++) {
    const d = ends[i]! - starts[i]!;
    if (d > limit) long.push(i);
    else maxShort = Math.max(maxShort, d);
  }
  return { events, starts, ends, mids, long: Int32Array.from(long), maxShort };
}

/**
 * Indices, ascending, of the events that overlap [t0, t1] (an end at t0 or a start at t1
 * counts). Costs O(log n + found + long events).
 */
export function overlapping(index: TimeIndex, t0: number, t1: number): number[] {
  const { starts, ends, long, maxShort } = index;
  const hi = upperBound(starts, t1);
  // A short event that starts before t0 − maxShort has ended before t0: start the scan there.
  const from = lowerBound(starts, t0 - maxShort, 0, hi);
  const out: number[] = [];
  // Long events that start earlier come first (they are earlier in time order too).
  for (let l = 0; l < long.length && long[l]! < from; l++) if (ends[long[l]!]! >= t0) out.push(long[l]!);
  for (let i = from; i < hi; i++) if (ends[i]! >= t0) out.push(i);
  return out;
}
