import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseIncident } from '../../src/model/parse.js';
import type { ResolvedIncident } from '../../src/model/types.js';
import { en, hi } from '../../src/i18n/messages.js';
import { approximateMeasure } from '../../src/layout/text.js';
import { layoutHorizontal, layoutTimeline, layoutVertical, laneLevels, SIZES, type Box, type LayoutOptions } from '../../src/layout/timeline-layout.js';
import { zonedTicks } from '../../src/layout/time-axis.js';
import { wallTime } from '../../src/model/dates.js';

const aiims = (): ResolvedIncident => parseIncident(JSON.parse(readFileSync(new URL('../../../examples/data/aiims-delhi-2022.json', import.meta.url), 'utf8'))).resolved!;
const opts = (width: number, over: Partial<LayoutOptions> = {}): LayoutOptions => ({
  width,
  locale: 'en-IN',
  timeZone: 'Asia/Kolkata',
  messages: en,
  measure: approximateMeasure,
  ...over,
});
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
function assertNoOverlap(boxes: { id: string; box: Box }[]) {
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) assert.ok(!overlap(a.box, b.box), `${a.id} overlaps ${b.id}`);
}
function synthetic(n: number, lanes = 3): ResolvedIncident {
  const events = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    title: `Event number ${i} with a fairly long title`,
    lane: `l${i % lanes}`,
    status: 'confirmed',
    sources: ['s'],
    start: new Date(Date.UTC(2022, 0, 1) + Math.floor((i * 7919) % n) * 60_000 * 7).toISOString().slice(0, 16) + 'Z',
  }));
  return parseIncident({ version: 1, title: 't', timeZone: 'UTC', sources: [{ id: 's' }], events }).resolved!;
}

test('layoutHorizontal(AIIMS) at 1280 and 700 px: every event drawn, no label boxes overlap', () => {
  for (const width of [1280, 1000, 700]) {
    const l = layoutHorizontal(aiims(), opts(width));
    assert.equal(l.marks.length, 25, `all 25 events at ${width}`);
    assert.equal(l.bins.length, 0);
    assertNoOverlap(l.marks);
    for (const m of l.marks) {
      assert.ok(m.box.x0 >= l.plot.left - 12 && m.box.x1 <= l.plot.right + 12, `${m.id} stays in the plot at ${width}`);
    }
  }
});

test('layoutHorizontal(AIIMS) labels most events at 1280 px and keeps marks in time order', () => {
  const l = layoutHorizontal(aiims(), opts(1280));
  const labelled = l.marks.filter((m) => m.label && m.label.lines.length > 0).length;
  assert.ok(labelled >= 20, `${labelled} of 25 labelled`);
  const ids = aiims().events.map((e) => e.id);
  assert.deepEqual(
    l.marks.map((m) => m.id),
    ids,
  );
});

test('layoutHorizontal: a label cut short by the lane’s next event, which sits on another level, grows into its own level’s free space', () => {
  // The story's timeline at 1280 px is about 690 px wide: "Digital services knocked out" sits on
  // the second level of its lane, and the lane's next event (14 Dec) went to the first.
  const l = layoutHorizontal(aiims(), opts(690));
  const label = (id: string) => l.marks.find((m) => m.id === id)!.label!.lines.join(' ');
  assert.equal(label('ev-manual-mode'), 'Digital services knocked out; hospital works manually');
  assert.equal(label('ev-nic-suspects-ransomware'), 'AIIMS: NIC suspects a ransomware attack; CERT-In support sought');
  const cut = l.marks.filter((m) => m.label?.lines.join(' ').endsWith('…')).length;
  assert.ok(cut <= 6, `${cut} of 25 labels cut`);
  assertNoOverlap(l.marks);
  for (const m of l.marks) assert.ok(m.box.x1 <= l.plot.right + 12, `${m.id} stays in the plot`);
});

test('layoutHorizontal keeps its height while zooming, and zoom spreads marks apart', () => {
  const r = aiims();
  const levels = laneLevels(r, 1280, approximateMeasure);
  const a = layoutHorizontal(r, opts(1280, { levels }));
  const b = layoutHorizontal(r, opts(1280, { levels, transform: { k: 6, x: -2000 } }));
  assert.equal(a.height, b.height);
  assert.ok(b.marks.length < a.marks.length, 'zoomed in, fewer events are in view');
  assertNoOverlap(b.marks);
  assert.ok(b.domain[1] - b.domain[0] < (a.domain[1] - a.domain[0]) / 5);
});

test('layoutHorizontal draws ranges as bars, milestones as milestones, conflicts at their dates', () => {
  const l = layoutHorizontal(aiims(), opts(1280));
  const agencies = l.marks.find((m) => m.id === 'ev-agencies')!;
  assert.equal(agencies.shape, 'range');
  assert.ok(agencies.x1! - agencies.x > 100, 'nineteen days are wide at 1280 px');
  assert.equal(l.marks.find((m) => m.id === 'ev-attack')!.shape, 'milestone');
  // The FIR's date is a window, 24–25 Nov, with the other account's 24 Nov inside it.
  const fir = l.marks.find((m) => m.id === 'ev-fir')!;
  assert.equal(fir.shape, 'range');
  assert.equal(fir.conflicts.length, 1);
  assert.ok(fir.conflicts[0]! >= fir.x && fir.conflicts[0]! <= fir.x1!, '24 Nov sits in the window');
  // Zoomed in far enough for a day to be wider than its mark, a day-precision date shows the day it covers.
  const zoomed = layoutHorizontal(aiims(), opts(1280, { transform: { k: 4, x: -200 } }));
  const day = zoomed.marks.find((m) => m.event.start.unit === 'day' && !m.event.end)!;
  assert.ok(day.extent && day.extent.x1 - day.extent.x0 > 2 * SIZES.radius, `${day.id} shows its day`);
});

test('layoutHorizontal aggregates into bins above the level-of-detail threshold, and marks return on zoom', () => {
  const r = synthetic(20_000);
  const l = layoutHorizontal(r, opts(1280));
  assert.equal(l.marks.length, 0);
  assert.ok(l.bins.length > 0 && l.bins.length <= 3 * Math.ceil(1252 / 36));
  assert.equal(
    l.bins.reduce((s, b) => s + b.count, 0),
    l.inView,
  );
  const zoomed = layoutHorizontal(r, opts(1280, { transform: { k: 400, x: -400 * 600 } }));
  assert.ok(zoomed.inView <= 500 && zoomed.marks.length > 0, `${zoomed.inView} in view`);
  assert.equal(zoomed.bins.length, 0);
});

test('zonedTicks(…) puts day ticks on midnight in the incident zone, whatever the host zone', () => {
  // From midnight of 23 Nov in India (18:30 UTC the day before), ten days.
  const from = Date.UTC(2022, 10, 22, 18, 30);
  const ticks = zonedTicks(from, from + 10 * 86_400_000, 10, 'Asia/Kolkata', 'en-IN');
  assert.ok(ticks.length >= 5);
  for (const t of ticks) {
    const w = wallTime(t.time, 'Asia/Kolkata');
    assert.equal(w.hour, 0);
    assert.equal(w.minute, 0);
  }
  assert.ok(ticks.some((t) => t.label === '23 Nov'));
});

test('zonedTicks(…) labels months in Hindi for hi-IN', () => {
  const ticks = zonedTicks(Date.UTC(2022, 10, 1), Date.UTC(2023, 1, 1), 4, 'Asia/Kolkata', 'hi-IN');
  assert.ok(
    ticks.some((t) => /दिस/.test(t.label)),
    ticks.map((t) => t.label).join(','),
  );
  assert.ok(ticks.every((t) => !/Jan|Feb|Nov|Dec/.test(t.label)));
});

test('layoutHorizontal places a 23:30 IST event on the 12th before the tick of the 13th', () => {
  const r = parseIncident({
    version: 1,
    title: 't',
    timeZone: 'Asia/Kolkata',
    sources: [{ id: 's' }],
    events: [
      { id: 'a', title: 'Late', start: '2022-11-12T23:30', status: 'confirmed', sources: ['s'] },
      { id: 'b', title: 'Other', start: '2022-11-10', status: 'confirmed', sources: ['s'] },
      { id: 'c', title: 'Other', start: '2022-11-15', status: 'confirmed', sources: ['s'] },
    ],
  }).resolved!;
  const l = layoutHorizontal(r, opts(1280));
  const a = l.marks.find((m) => m.id === 'a')!;
  const t13 = l.ticks.find((t) => t.label === '13 Nov')!;
  const t12 = l.ticks.find((t) => t.label === '12 Nov')!;
  assert.ok(a.x < t13.x && a.x > t12.x);
});

test('layoutVertical(AIIMS) at 375 px reads top to bottom with day headings and no overlaps', () => {
  const l = layoutVertical(aiims(), opts(375));
  assert.equal(l.marks.length, 25);
  for (let i = 1; i < l.marks.length; i++) assert.ok(l.marks[i]!.box.y0 >= l.marks[i - 1]!.box.y1, 'rows stack downwards');
  assertNoOverlap(l.marks);
  assert.ok(l.headings.some((h) => h.label === '23 Nov 2022'));
  assert.equal(l.headings.filter((h) => h.label === '14 Dec 2022').length, 1, 'one heading for the events of 14 Dec');
  for (const m of l.marks) for (const line of m.label!.lines) assert.ok(approximateMeasure(line, 15) <= 375 - l.textX - 10 + 0.5);
  const attack = l.marks.find((m) => m.id === 'ev-attack')!;
  assert.match(attack.meta.join(' '), /around 7 am IST/);
});

test('layoutVertical windows a very long list', () => {
  const l = layoutVertical(synthetic(5000), opts(375, { windowStart: 1000, windowSize: 200 }));
  assert.equal(l.marks.length, 200);
  assert.deepEqual(l.window, { from: 1000, to: 1200, total: 5000 });
});

test('layoutTimeline(…) switches to the vertical layout below 600 px', () => {
  assert.equal(layoutTimeline(aiims(), opts(599)).orientation, 'vertical');
  assert.equal(layoutTimeline(aiims(), opts(600)).orientation, 'horizontal');
  assert.equal(layoutTimeline(aiims(), opts(375, { locale: 'hi-IN', messages: hi })).orientation, 'vertical');
});

test('wrap(…) ends the last allowed line with an ellipsis and never exceeds the width', async () => {
  const { wrap } = await import('../../src/layout/text.js');
  const measure = (t: string) => approximateMeasure(t, 12);
  const text = '23 Nov 2022 – 5 Dec 2022 · Attack & impact · Confirmed on the record';
  const one = wrap(text, 200, 1, measure);
  assert.equal(one.length, 1);
  assert.ok(one[0]!.endsWith('…'));
  const two = wrap(text, 200, 2, measure);
  assert.equal(two.length, 2);
  for (const line of [...one, ...two]) assert.ok(measure(line) <= 200);
  assert.deepEqual(wrap('short', 200, 2, measure), ['short']);
  const [long] = wrap('Supercalifragilisticexpialidocious-and-more', 60, 2, measure);
  assert.ok(long !== undefined);
  assert.ok(measure(long) <= 60);
});
