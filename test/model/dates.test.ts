import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDate, zonedToInstant, zoneOffset, isValidTimeZone, wallTime } from '../../src/model/dates.js';

const ok = (text: string, zone = 'Asia/Kolkata', precision?: Parameters<typeof resolveDate>[2]) => {
  const r = resolveDate(text, zone, precision);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const iso = (ms: number) => new Date(ms).toISOString();

test('resolveDate(day) covers the whole day in the incident zone, not UTC midnight', () => {
  const d = ok('2022-11-23');
  assert.equal(iso(d.start), '2022-11-22T18:30:00.000Z');
  assert.equal(iso(d.end), '2022-11-23T18:30:00.000Z');
  assert.equal(d.unit, 'day');
});

test('resolveDate(month) sorts at its first moment and spans the month', () => {
  const d = ok('2022-12');
  assert.equal(iso(d.start), '2022-11-30T18:30:00.000Z');
  assert.equal(iso(d.end), '2022-12-31T18:30:00.000Z');
  assert.equal(d.unit, 'month');
});

test('resolveDate(year) spans the year', () => {
  const d = ok('2022', 'UTC');
  assert.equal(iso(d.start), '2022-01-01T00:00:00.000Z');
  assert.equal(iso(d.end), '2023-01-01T00:00:00.000Z');
});

test('resolveDate with an offset ignores the zone', () => {
  const d = ok('2022-11-23T07:00+05:30', 'America/Los_Angeles');
  assert.equal(iso(d.start), '2022-11-23T01:30:00.000Z');
  assert.equal(d.unit, 'minute');
  assert.equal(d.hasOffset, true);
  assert.equal(iso(ok('2022-11-23T07:00Z').start), '2022-11-23T07:00:00.000Z');
  assert.equal(iso(ok('2022-11-23T07:00-0300').start), '2022-11-23T10:00:00.000Z');
});

test('resolveDate without an offset reads the wall time in the zone', () => {
  assert.equal(iso(ok('2022-11-12T23:30').start), '2022-11-12T18:00:00.000Z');
});

test('resolveDate keeps a coarser precision the editor gives, and flags approximate', () => {
  const d = ok('2022-11-23T07:00+05:30', 'UTC', 'day');
  assert.equal(d.unit, 'day');
  const a = ok('2022-11-25', 'Asia/Kolkata', 'approximate');
  assert.equal(a.unit, 'day');
  assert.equal(a.approximate, true);
});

test('resolveDate rejects impossible dates with a reason naming the value', () => {
  for (const bad of ['2022-13-01', '2022-02-30', '2022-11-23T24:00', '23/11/2022', '', '2022-11-23T07', '2022-1-5']) {
    const r = resolveDate(bad, 'UTC');
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.match(r.reason, /not a date|write hours/);
  }
  const r = resolveDate('2022-13-01', 'UTC');
  assert.ok(!r.ok && r.reason.includes('"2022-13-01" is not a date'));
  assert.equal(resolveDate(20221123, 'UTC').ok, false);
});

test('zonedToInstant handles a DST zone on both sides of the change', () => {
  // New York: EDT (-4) until 6 Nov 2022 02:00, then EST (-5).
  assert.equal(iso(zonedToInstant(2022, 11, 5, 12, 0, 0, 0, 'America/New_York')), '2022-11-05T16:00:00.000Z');
  assert.equal(iso(zonedToInstant(2022, 11, 7, 12, 0, 0, 0, 'America/New_York')), '2022-11-07T17:00:00.000Z');
  const day = ok('2022-11-06', 'America/New_York');
  assert.equal((day.end - day.start) / 3600_000, 25, 'the day clocks go back has 25 hours');
});

test('zoneOffset gives IST as +05:30', () => {
  assert.equal(zoneOffset(Date.UTC(2022, 10, 23), 'Asia/Kolkata'), 5.5 * 3600_000);
});

test('remembered offsets agree with the engine minute by minute across DST changes, half-hour ones included', () => {
  const exact = (ms: number, zone: string) => {
    const w = wallTime(ms, zone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (ms - (((ms % 1000) + 1000) % 1000));
  };
  const cases: [string, number][] = [
    ['America/New_York', Date.UTC(2022, 10, 6, 6)], // EDT → EST
    ['Australia/Lord_Howe', Date.UTC(2022, 3, 2, 15)], // +11 → +10:30, a half-hour change
    ['Europe/London', Date.UTC(2022, 2, 27, 1)], // GMT → BST
    ['Asia/Kathmandu', Date.UTC(1986, 0, 1) - 5.5 * 3_600_000], // +05:30 → +05:45
  ];
  for (const [zone, around] of cases) {
    // Twice: the first pass fills the memory, the second reads it.
    for (let pass = 0; pass < 2; pass++) {
      for (let ms = around - 3 * 3_600_000; ms <= around + 3 * 3_600_000; ms += 60_000 + 7) {
        assert.equal(zoneOffset(ms, zone), exact(ms, zone), `${zone} at ${new Date(ms).toISOString()}`);
      }
    }
  }
});

test('isValidTimeZone accepts IANA names only', () => {
  assert.equal(isValidTimeZone('Asia/Kolkata'), true);
  assert.equal(isValidTimeZone('Mars/Olympus'), false);
  assert.equal(isValidTimeZone(5), false);
});
