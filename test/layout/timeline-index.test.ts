import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../src/model/parse.js';
import type { ResolvedIncident } from '../../src/model/types.js';
import { buildIndex, lowerBound, overlapping, timeIndex, upperBound } from '../../src/layout/timeline-index.js';

/** Points, day-long dates, months and a few long periods, in random order, seeded. */
function mixed(n: number): ResolvedIncident {
  let seed = 7;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';
  const t0 = Date.UTC(2022, 0, 1);
  const events = Array.from({ length: n }, (_, i) => {
    const at = t0 + Math.floor(rand() * 365) * 86_400_000 + Math.floor(rand() * 1440) * 60_000;
    const kind = i % 50 === 0 ? 'period' : i % 7 === 0 ? 'day' : i % 11 === 0 ? 'month' : 'point';
    const start = kind === 'day' ? iso(at).slice(0, 10) : kind === 'month' ? iso(at).slice(0, 7) : iso(at);
    const end = kind === 'period' ? iso(at + Math.floor(rand() * 200) * 86_400_000) : undefined;
    return { id: `e${i}`, title: `Event ${i}`, start, ...(end ? { end } : {}), status: 'confirmed', sources: ['s'] };
  });
  return parseIncident({ version: 1, title: 't', timeZone: 'Asia/Kolkata', sources: [{ id: 's' }], events }).resolved!;
}

const brute = (r: ResolvedIncident, t0: number, t1: number) => r.events.flatMap((e, i) => ((e.end ? e.end.end : e.start.end) >= t0 && e.start.start <= t1 ? [i] : []));

test('binary search bounds', () => {
  const a = Float64Array.from([1, 2, 2, 2, 5]);
  assert.deepEqual([lowerBound(a, 2), upperBound(a, 2), lowerBound(a, 0), upperBound(a, 9), lowerBound(a, 3)], [1, 4, 0, 5, 4]);
});

test('overlapping() finds exactly the events a scan finds, in time order, for windows of every size', () => {
  const r = mixed(3000);
  const index = timeIndex(r);
  assert.ok(index.long.length > 0, 'the data has long periods, kept apart');
  // Periods and whole months are long against a year of minutes; points and days are not.
  assert.ok(index.long.length < r.events.length / 5, `only the long ones are kept apart (${index.long.length})`);
  const [lo, hi] = r.extent!;
  let seed = 3;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  for (let k = 0; k < 300; k++) {
    const width = (hi - lo) * 10 ** (-rand() * 5);
    const t0 = lo - width / 2 + rand() * (hi - lo);
    assert.deepEqual(overlapping(index, t0, t0 + width), brute(r, t0, t0 + width), `window ${k}`);
  }
  assert.deepEqual(overlapping(index, lo, hi).length, r.events.length, 'the whole extent holds every event');
  assert.deepEqual(overlapping(index, hi + 1, hi + 2), [], 'after the last event, none');
});

test('the index is built once per document', () => {
  const r = mixed(10);
  assert.equal(timeIndex(r), timeIndex(r));
  assert.deepEqual(overlapping(buildIndex([]), 0, 1), []);
});

test('revealScale: the least zoom at which a view centred on an event holds few enough events to draw it', async () => {
  const { revealScale, baseDomain } = await import('../../src/layout/timeline-horizontal.js');
  const r = mixed(20_000);
  const index = timeIndex(r);
  const domain = baseDomain(r);
  const [d0, d1] = domain;
  const maxScale = (d1 - d0) / (30 * 60_000);
  const inWindow = (t: number, k: number) => {
    const w = (d1 - d0) / k;
    const lo = Math.min(Math.max(d0, t - w / 2), d1 - w);
    return r.events.filter((e) => e.start.start >= lo && e.start.start <= lo + w).length;
  };
  for (const i of [0, 5_000, 12_345, 19_999]) {
    const e = r.events[i]!;
    const t = (e.start.start + e.start.end) / 2;
    const k = revealScale(index, domain, t, 1, maxScale, 500);
    assert.ok(k > 1 && k < maxScale, `zooms in for event ${i}: ${k}`);
    assert.ok(inWindow(t, k) <= 450, `at most 90% of the threshold in view: ${inWindow(t, k)}`);
    // Not much more than needed: a little less zoom would show too many.
    assert.ok(inWindow(t, k / 1.05) > 450 * 0.9, `about the least zoom: ${inWindow(t, k / 1.05)}`);
    // Already enough: the zoom is kept.
    assert.equal(revealScale(index, domain, t, k * 2, maxScale, 500), k * 2);
  }
});

test('revealScale gives the deepest zoom when no zoom can separate the events (600 at one instant)', async () => {
  const { revealScale, baseDomain } = await import('../../src/layout/timeline-horizontal.js');
  const events = Array.from({ length: 700 }, (_, i) => ({
    id: `e${i}`,
    title: 'x',
    start: i < 600 ? '2022-05-01T10:00Z' : `2022-0${1 + (i % 9)}-1${i % 10}T00:00Z`,
    status: 'confirmed',
    sources: ['s'],
  }));
  const r = parseIncident({ version: 1, title: 't', timeZone: 'UTC', sources: [{ id: 's' }], events }).resolved!;
  const domain = baseDomain(r);
  const maxScale = (domain[1] - domain[0]) / (30 * 60_000);
  assert.equal(revealScale(timeIndex(r), domain, Date.UTC(2022, 4, 1, 10), 1, maxScale, 500), maxScale);
});
