import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateUtc, resolveDate, zonedToInstant, zoneOffset, isValidTimeZone, wallTime } from '../../src/model/dates.js';

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

// Years 1 to 99: `Date.UTC` reads them as 1900 to 1999, so each must be built another way.
test('dateUtc(…) keeps years 0 to 99 as written, where Date.UTC would add 1900', () => {
  assert.equal(iso(dateUtc(50, 2, 1)), '0050-03-01T00:00:00.000Z');
  assert.equal(iso(dateUtc(1, 0, 1, 10, 30, 15, 250)), '0001-01-01T10:30:15.250Z');
  assert.equal(iso(dateUtc(0, 5, 1)), '0000-06-01T00:00:00.000Z');
  assert.equal(iso(dateUtc(99, 12, 1)), '0100-01-01T00:00:00.000Z', 'month 12 rolls into the next year, not into 2000');
  assert.equal(iso(dateUtc(2022, 10, 23, 7)), iso(Date.UTC(2022, 10, 23, 7)));
});

test('resolveDate reads years 0001 to 0099 as those years, at every precision, in UTC', () => {
  const cases: [string, string, string][] = [
    ['0050-03-01', '0050-03-01T00:00:00.000Z', '0050-03-02T00:00:00.000Z'],
    ['0001-01-01', '0001-01-01T00:00:00.000Z', '0001-01-02T00:00:00.000Z'],
    ['0009-07-15', '0009-07-15T00:00:00.000Z', '0009-07-16T00:00:00.000Z'],
    ['0099-12-31', '0099-12-31T00:00:00.000Z', '0100-01-01T00:00:00.000Z'],
    ['0050', '0050-01-01T00:00:00.000Z', '0051-01-01T00:00:00.000Z'],
    ['0099', '0099-01-01T00:00:00.000Z', '0100-01-01T00:00:00.000Z'],
    ['0001-12', '0001-12-01T00:00:00.000Z', '0002-01-01T00:00:00.000Z'],
    ['0100', '0100-01-01T00:00:00.000Z', '0101-01-01T00:00:00.000Z'],
    ['0400', '0400-01-01T00:00:00.000Z', '0401-01-01T00:00:00.000Z'],
    ['0004-02-29', '0004-02-29T00:00:00.000Z', '0004-03-01T00:00:00.000Z'],
  ];
  for (const [text, start, end] of cases) {
    const d = ok(text, 'UTC');
    assert.equal(iso(d.start), start, text);
    assert.equal(iso(d.end), end, text);
  }
  assert.equal(ok('0050', 'UTC').unit, 'year');
  assert.equal(ok('0050-03', 'UTC').unit, 'month');
});

test('resolveDate reads early years with a time and an offset as those years', () => {
  assert.equal(iso(ok('0050-03-01T10:00Z', 'Asia/Kolkata').start), '0050-03-01T10:00:00.000Z');
  assert.equal(iso(ok('0050-03-01T10:00+05:30', 'America/Los_Angeles').start), '0050-03-01T04:30:00.000Z');
  assert.equal(iso(ok('0001-01-01T02:00+05:30').start), '0000-12-31T20:30:00.000Z');
  assert.equal(iso(ok('0099-06-30T23:59:59.5Z').start), '0099-06-30T23:59:59.500Z');
});

test('resolveDate reads early years without an offset as wall time in the incident zone', () => {
  // In these years the zones keep local mean time (Kolkata +05:53:28): compare wall clocks.
  for (const zone of ['Asia/Kolkata', 'America/Los_Angeles', 'UTC']) {
    for (const [text, wall] of [
      ['0050-03-01', [50, 3, 1, 0, 0]],
      ['0050-03-01T10:00', [50, 3, 1, 10, 0]],
      ['0050-03-01T23:30', [50, 3, 1, 23, 30]],
      ['0001-01-01', [1, 1, 1, 0, 0]],
      ['0001-01-01T00:15', [1, 1, 1, 0, 15]],
      ['0099', [99, 1, 1, 0, 0]],
    ] as const) {
      const d = ok(text, zone);
      const w = wallTime(d.start, zone);
      assert.deepEqual([w.year, w.month, w.day, w.hour, w.minute], wall, `${text} in ${zone}`);
      assert.ok(d.end > d.start, `${text} in ${zone} has an end after its start`);
      assert.ok(iso(d.start).startsWith(text.length === 4 ? '00' : text.slice(0, 3)), `${text} in ${zone}: ${iso(d.start)}`);
    }
  }
  // The first day of AD 1 in India began on 31 Dec of 1 BC in UTC.
  const first = ok('0001-01-01', 'Asia/Kolkata');
  assert.match(iso(first.start), /^0000-12-31T/);
  assert.equal(Math.round((first.end - first.start) / 3_600_000), 24);
});

test('resolveDate reads year 0000 as astronomical year 0 (1 BC), not 1900', () => {
  const d = ok('0000-06-01', 'UTC');
  assert.equal(iso(d.start), '0000-06-01T00:00:00.000Z');
  assert.equal(iso(ok('0000', 'UTC').end), '0001-01-01T00:00:00.000Z');
  assert.equal(ok('0000-02-29', 'UTC').unit, 'day', 'year 0 is a leap year');
  assert.equal(resolveDate('0100-02-29', 'UTC').ok, false, '100 is not a leap year');
});

test('wallTime counts years before AD 1 astronomically, and zoneOffset is the zone offset in early years', () => {
  assert.equal(wallTime(dateUtc(0, 5, 1), 'UTC').year, 0);
  assert.equal(wallTime(dateUtc(-1, 5, 1), 'UTC').year, -1);
  assert.equal(wallTime(dateUtc(1, 0, 1), 'America/Los_Angeles').year, 0);
  assert.equal(zoneOffset(dateUtc(50, 2, 1), 'UTC'), 0);
  assert.equal(zoneOffset(dateUtc(0, 11, 31, 20), 'UTC'), 0);
  // Local mean time then: within a day of UTC, never off by centuries.
  for (const zone of ['Asia/Kolkata', 'America/Los_Angeles']) assert.ok(Math.abs(zoneOffset(dateUtc(50, 2, 1), zone)) < 86_400_000, zone);
});
