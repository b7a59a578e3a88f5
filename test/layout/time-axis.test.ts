import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../src/i18n/messages.js';
import { approximateMeasure } from '../../src/layout/text.js';
import { zonedTicks } from '../../src/layout/time-axis.js';
import { layoutHorizontal } from '../../src/layout/timeline-layout.js';
import { dateUtc, wallTime } from '../../src/model/dates.js';
import { parseIncident } from '../../src/model/parse.js';

/** The horizontal layout of an incident whose events start at `starts`. */
function axisFor(starts: string[], timeZone: string, locale = 'en-IN') {
  const { resolved, errors } = parseIncident({
    version: 1,
    title: 't',
    timeZone,
    sources: [{ id: 's' }],
    events: starts.map((start, i) => ({ id: `e${i}`, title: `Event ${i}`, start, status: 'confirmed', sources: ['s'] })),
  });
  assert.deepEqual(errors, []);
  return layoutHorizontal(resolved!, { width: 1000, locale, timeZone, messages: en, measure: approximateMeasure });
}

/** Ticks exist, lie inside the view and the plot, in time order, each at a round wall time. */
function assertSaneTicks(l: ReturnType<typeof axisFor>, timeZone: string, what: string) {
  assert.ok(l.ticks.length >= 2, `${what}: ${l.ticks.length} ticks`);
  for (const [i, t] of l.ticks.entries()) {
    assert.ok(t.time >= l.domain[0] && t.time <= l.domain[1], `${what}: tick ${t.label} inside the domain`);
    assert.ok(t.x >= l.plot.left - 0.5 && t.x <= l.plot.right + 0.5, `${what}: tick ${t.label} inside the plot`);
    if (i) assert.ok(t.time > l.ticks[i - 1]!.time, `${what}: ticks in time order`);
    assert.doesNotMatch(t.label, /19\d\d/, `${what}: ${t.label} is not in the 1900s`);
    const w = wallTime(t.time, timeZone);
    assert.deepEqual([w.hour, w.minute], [0, 0], `${what}: tick ${t.label} at midnight in ${timeZone}`);
  }
}

test('zonedTicks(…) ticks years 100 to 400 for events in 0100 and 0400, labelled with their years', () => {
  for (const zone of ['Asia/Kolkata', 'UTC', 'America/Los_Angeles']) {
    for (const starts of [
      ['0100', '0400'],
      ['0100-01-01', '0400-06-01'],
      ['0050-03-01', '0100', '0400'],
    ]) {
      const l = axisFor(starts, zone);
      const what = `${starts.join(',')} in ${zone}`;
      assertSaneTicks(l, zone, what);
      for (const t of l.ticks) {
        const w = wallTime(t.time, zone);
        assert.equal(t.label, String(w.year), `${what}: a year tick says its year`);
        assert.deepEqual([w.month, w.day], [1, 1], `${what}: ${t.label} on 1 Jan`);
        assert.ok(w.year >= 40 && w.year <= 410, `${what}: ${t.label} within the events' centuries`);
      }
      assert.ok(l.ticks.some((t) => t.label === '200') && l.ticks.some((t) => t.label === '300'), `${what}: ${l.ticks.map((t) => t.label).join('|')}`);
    }
  }
});

test('zonedTicks(…) ticks the months of 50 for an event in 0050 alone', () => {
  for (const zone of ['Asia/Kolkata', 'UTC']) {
    const l = axisFor(['0050'], zone);
    assertSaneTicks(l, zone, `0050 in ${zone}`);
    const labels = l.ticks.map((t) => t.label);
    assert.ok(labels.includes('Jan 50'), labels.join('|'));
    assert.ok(labels.includes('Jun'), labels.join('|'));
    for (const t of l.ticks) assert.ok([50, 51].includes(wallTime(t.time, zone).year), `${t.label} in 50 or 51`);
  }
});

test('zonedTicks(…) ticks the hours of 1 Mar 50 for a day-precision event on 0050-03-01', () => {
  const zone = 'Asia/Kolkata';
  const l = axisFor(['0050-03-01'], zone);
  assert.ok(l.ticks.length >= 2);
  for (const t of l.ticks) {
    assert.ok(t.time >= l.domain[0] && t.time <= l.domain[1], t.label);
    assert.equal(wallTime(t.time, zone).year, 50, t.label);
  }
  assert.ok(
    l.ticks.some((t) => t.label === '1 Mar'),
    l.ticks.map((t) => t.label).join('|'),
  );
});

test('zonedTicks(…) ticks decades for events from 0001 to 0099', () => {
  for (const zone of ['Asia/Kolkata', 'UTC']) {
    const l = axisFor(['0001', '0099'], zone);
    assertSaneTicks(l, zone, `0001–0099 in ${zone}`);
    const labels = l.ticks.map((t) => t.label);
    for (const decade of ['10', '50', '90']) assert.ok(labels.includes(decade), labels.join('|'));
    for (const t of l.ticks) {
      const year = wallTime(t.time, zone).year;
      // The axis's margin reaches before AD 1: such a tick says its era.
      assert.equal(t.label, year < 1 ? `${1 - year} BC` : String(year));
    }
  }
});

test('zonedTicks(…) in early years agrees with the same ticks in a modern year', () => {
  const early = zonedTicks(dateUtc(50, 0, 1), dateUtc(50, 0, 11), 10, 'UTC', 'hi-IN');
  const modern = zonedTicks(dateUtc(2050, 0, 1), dateUtc(2050, 0, 11), 10, 'UTC', 'hi-IN');
  assert.ok(early.length > 0);
  assert.deepEqual(
    early.map((t) => t.label),
    modern.map((t) => t.label),
  );
  assert.deepEqual(
    early.map((t) => t.time - dateUtc(50, 0, 1)),
    modern.map((t) => t.time - dateUtc(2050, 0, 1)),
  );
});
