import type { Precision, ResolvedDate } from './types.js';

/**
 * Partial ISO 8601 dates read in an IANA time zone, without a date library: the zone's
 * offset comes from `Intl.DateTimeFormat`, which every engine ships with full tz data.
 */

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

const UNITS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
type Unit = (typeof UNITS)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      // Without the era, 1 BC and AD 1 both read as year 1.
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the engine knows the IANA zone name. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTime(ms: number, timeZone: string): WallTime {
  const parts = zoneFormatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  // Astronomical years, as ISO 8601 counts them: 1 BC is year 0, 2 BC year -1.
  const bc = parts.find((p) => p.type === 'era')?.value === 'BC';
  return {
    year: bc ? 1 - get('year') : get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/**
 * Epoch ms of a UTC date and time given by its parts (`monthIndex` from 0, as for `Date.UTC`),
 * with the year as written: `Date.UTC` reads years 0 to 99 as 1900 to 1999, so year 50 would
 * come out as 1950. Parts past their range roll over (month 12 is January of the next year).
 */
export function dateUtc(year: number, monthIndex: number, day = 1, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = dateUtc(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const HOUR = 3_600_000;
/** Per zone, the offset of each hour in which it does not change (`NaN`: it does). */
const hourOffsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at an instant, in ms (IST: +19 800 000). Asking the engine costs
 * a `formatToParts`, so offsets are remembered per hour: an hour whose first and last
 * milliseconds have the same offset has it throughout (zones never change twice in an hour);
 * an hour with a transition in it is asked about exactly, every time.
 */
export function zoneOffset(ms: number, timeZone: string): number {
  if (!Number.isFinite(ms)) return offsetAt(ms, timeZone);
  let zone = hourOffsets.get(timeZone);
  if (!zone) hourOffsets.set(timeZone, (zone = new Map<number, number>()));
  const hour = Math.floor(ms / HOUR);
  let known = zone.get(hour);
  if (known === undefined) {
    const first = offsetAt(hour * HOUR, timeZone);
    known = first === offsetAt(hour * HOUR + HOUR - 1, timeZone) ? first : NaN;
    if (zone.size > 50_000) zone.clear();
    zone.set(hour, known);
  }
  return Number.isNaN(known) ? offsetAt(ms, timeZone) : known;
}

/** The instant a wall-clock time in the zone names. In a DST gap it moves forward. */
export function zonedToInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, timeZone: string): number {
  const guess = dateUtc(year, month - 1, day, hour, minute, second, ms);
  let instant = guess - zoneOffset(guess, timeZone);
  const again = guess - zoneOffset(instant, timeZone);
  if (again !== instant) instant = Math.max(instant, again);
  return instant;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : MONTH_DAYS[month - 1]!;
}

function offsetMs(text: string): number {
  if (text === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = Number(digits.slice(2, 4) || '0');
  return sign * (h * 60 + m) * 60_000;
}

/** A reason the string is not a date, or the resolved interval it covers. */
export type DateResult = { ok: true; value: ResolvedDate } | { ok: false; reason: string };

/**
 * Reads a partial ISO 8601 date as the interval it covers in `timeZone`.
 * `2022-11-23` is the whole of that day in the zone, never a fake midnight.
 */
export function resolveDate(text: unknown, timeZone: string, precision?: Precision): DateResult {
  if (typeof text !== 'string') return { ok: false, reason: 'must be a date string like "2022-11-23"' };
  const m = ISO.exec(text.trim());
  if (!m) return { ok: false, reason: `"${clip(text)}" is not a date (use ISO 8601, e.g. "2022-11-23" or "2022-11-23T07:00+05:30")` };
  const [, y, mo, d, h, mi, s, frac, off] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  const hour = h ? Number(h) : 0;
  const minute = mi ? Number(mi) : 0;
  const second = s ? Number(s) : 0;
  const millis = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  if (month < 1 || month > 12) return { ok: false, reason: `"${clip(text)}" is not a date: month ${mo} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: `"${clip(text)}" is not a date: day ${d} does not exist in that month` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `"${clip(text)}" is not a date: the time is out of range` };
  if (h && !mi) return { ok: false, reason: `"${clip(text)}" is not a date: write hours with minutes, e.g. "07:00"` };
  if (off && Math.abs(offsetMs(off)) > 14 * 3600_000) return { ok: false, reason: `"${clip(text)}" has an impossible UTC offset` };

  let unit: Unit = s ? 'second' : mi ? 'minute' : d ? 'day' : mo ? 'month' : 'year';
  const approximate = precision === 'approximate';
  if (precision && precision !== 'approximate' && UNITS.indexOf(precision) < UNITS.indexOf(unit)) unit = precision;

  const toInstant = (yy: number, mm: number, dd: number, hh: number, mn: number, ss: number, ms: number) =>
    off ? dateUtc(yy, mm - 1, dd, hh, mn, ss, ms) - offsetMs(off) : zonedToInstant(yy, mm, dd, hh, mn, ss, ms, timeZone);

  // Truncate to the unit, then step one unit for the end of the interval.
  const f = {
    year,
    month: unit === 'year' ? 1 : month,
    day: unit === 'year' || unit === 'month' ? 1 : day,
    hour: ['year', 'month', 'day'].includes(unit) ? 0 : hour,
    minute: ['year', 'month', 'day', 'hour'].includes(unit) ? 0 : minute,
    second: unit === 'second' ? second : 0,
  };
  const start = toInstant(f.year, f.month, f.day, f.hour, f.minute, f.second, unit === 'second' ? millis : 0);
  const next = { ...f };
  if (unit === 'year') next.year += 1;
  else if (unit === 'month') next.month += 1;
  else if (unit === 'day') next.day += 1;
  else if (unit === 'hour') next.hour += 1;
  else if (unit === 'minute') next.minute += 1;
  else next.second += 1;
  // dateUtc normalises overflow (month 13, day 32) for us.
  const nextDate = new Date(dateUtc(next.year, next.month - 1, next.day, next.hour, next.minute, next.second));
  const end = toInstant(
    nextDate.getUTCFullYear(),
    nextDate.getUTCMonth() + 1,
    nextDate.getUTCDate(),
    nextDate.getUTCHours(),
    nextDate.getUTCMinutes(),
    nextDate.getUTCSeconds(),
    0,
  );
  if (!Number.isFinite(start) || !Number.isFinite(end)) return { ok: false, reason: `"${clip(text)}" is out of range` };
  return { ok: true, value: { text, start, end, unit, approximate, hasOffset: Boolean(off) } };
}

/** Shortens long input for messages. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
