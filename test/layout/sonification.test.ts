import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseIncident } from '../../src/model/parse.js';
import type { ResolvedIncident } from '../../src/model/types.js';
import { laneFrequency, sonify } from '../../src/layout/sonification.js';

const aiims = (): ResolvedIncident => parseIncident(JSON.parse(readFileSync(new URL('../../../examples/data/aiims-delhi-2022.json', import.meta.url), 'utf8'))).resolved!;
const incident = (events: Record<string, unknown>[], lanes?: { id: string; label: string }[]): ResolvedIncident =>
  parseIncident({
    version: 1,
    title: 't',
    timeZone: 'UTC',
    sources: [{ id: 's' }],
    lanes,
    events: events.map((e) => ({ title: String(e.id), status: 'confirmed', sources: ['s'], ...e })),
  }).resolved!;
const close = (a: number, b: number, what = '') => assert.ok(Math.abs(a - b) < 1e-9, `${what} ${a} ≈ ${b}`);

test('sonify(AIIMS) gives one click per event, in time order, never closer than the least gap', () => {
  const r = aiims();
  const { tones, length } = sonify(r);
  assert.equal(tones.length, 25);
  assert.deepEqual(
    tones.map((t) => t.ids[0]),
    r.events.map((e) => e.id),
  );
  assert.ok(tones.every((t) => t.ids.length === 1));
  close(tones[0]!.at, 0, 'the first click starts the pass');
  for (let i = 1; i < tones.length; i++) assert.ok(tones[i]!.at - tones[i - 1]!.at >= 0.15 - 1e-9, `gap before ${tones[i]!.ids[0]}`);
  const last = tones.at(-1)!;
  close(length, last.at + last.duration, 'the pass lasts until the last click has sounded');
  // 25 events at 0.4 s each: the last event (February) ends the 10 s pass.
  close(last.at, 10, 'the last event at the end of the proportional pass');
});

test('sonify(…) spaces clicks in proportion to time, so a quiet stretch is a pause', () => {
  const r = incident([
    { id: 'a', start: '2022-01-01' },
    { id: 'b', start: '2022-01-02' },
    { id: 'c', start: '2022-01-11' },
  ]);
  const { tones } = sonify(r, { length: 10, minGap: 0.1 });
  assert.deepEqual(
    tones.map((t) => t.at),
    [0, 1, 10],
  );
});

test('sonify(…) pushes clicks for events at one instant apart by the least gap', () => {
  const r = incident([
    { id: 'a', start: '2022-01-01T10:00Z' },
    { id: 'b', start: '2022-01-01T10:00Z' },
    { id: 'c', start: '2022-01-01T10:00Z' },
  ]);
  const { tones } = sonify(r, { minGap: 0.2 });
  tones.forEach((t, i) => close(t.at, i * 0.2, t.ids[0]));
});

test('sonify(…) pitches by lane: the top lane highest, each lane its own pitch', () => {
  const lanes = ['one', 'two', 'three'].map((id) => ({ id, label: id }));
  const r = incident(
    [
      { id: 'a', start: '2022-01-01', lane: 'three' },
      { id: 'b', start: '2022-01-02', lane: 'one' },
      { id: 'c', start: '2022-01-03', lane: 'two' },
      { id: 'd', start: '2022-01-04', lane: 'one' },
    ],
    lanes,
  );
  const byId = new Map(sonify(r).tones.map((t) => [t.ids[0], t]));
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => byId.get(id)!.frequency);
  assert.ok(b! > c! && c! > a!, 'lane one above two above three');
  assert.equal(b, d, 'one lane, one pitch');
  assert.equal(byId.get('a')!.lane, 'three');
});

test('laneFrequency(…) walks a pentatonic scale down from the top lane, an octave per five lanes', () => {
  close(laneFrequency(6, 7), 220, 'the bottom lane is A3');
  close(laneFrequency(5, 7), 220 * 2 ** (2 / 12));
  close(laneFrequency(1, 7), 440, 'five steps up is an octave');
  const all = Array.from({ length: 12 }, (_, i) => laneFrequency(i, 12));
  assert.equal(new Set(all).size, 12, 'twelve lanes, twelve pitches');
  for (let i = 1; i < all.length; i++) assert.ok(all[i]! < all[i - 1]!);
});

test('sonify(…) makes milestones longer and louder than other events', () => {
  const r = incident([
    { id: 'm', start: '2022-01-01', milestone: true },
    { id: 'p', start: '2022-01-02' },
  ]);
  const [m, p] = sonify(r).tones;
  assert.ok(m!.duration > p!.duration);
  assert.ok(m!.gain > p!.gain);
  assert.ok(p!.duration <= 0.1, 'a click, not a note');
});

test('sonify(…) of no events is silent', () => {
  const r = incident([{ id: 'a', start: '2022-01-01' }]);
  assert.deepEqual(sonify({ ...r, events: [] }), { tones: [], length: 0 });
  const one = sonify(r);
  assert.equal(one.tones.length, 1);
  close(one.tones[0]!.at, 0);
});

test('sonify(…) above maxTones counts events into slices: one click per lane per slice, every event heard once', () => {
  const lanes = [
    { id: 'x', label: 'X' },
    { id: 'y', label: 'Y' },
  ];
  const events = Array.from({ length: 5000 }, (_, i) => ({
    id: `e${i}`,
    start: new Date(Date.UTC(2022, 0, 1) + i * 60_000).toISOString().slice(0, 16) + 'Z',
    lane: i % 3 ? 'x' : 'y',
  }));
  const r = incident(events, lanes);
  const { tones, length } = sonify(r, { maxTones: 100 });
  assert.ok(tones.length <= 200, `${tones.length} clicks`);
  assert.ok(tones.length >= 100);
  const heard = tones.flatMap((t) => t.ids);
  assert.equal(heard.length, 5000);
  assert.equal(new Set(heard).size, 5000);
  for (let i = 1; i < tones.length; i++) assert.ok(tones[i]!.at >= tones[i - 1]!.at, 'in time order');
  assert.ok(tones.every((t) => t.gain > 0 && t.gain <= 0.5));
  assert.ok(length <= 30, `a pass of ${length} s`);
});
