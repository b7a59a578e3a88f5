import { likelihoodWord } from '../model/confidence.js';
import { dateUtc, wallTime } from '../model/dates.js';
import type { Confidence, ResolvedDate, ResolvedEvent } from '../model/types.js';
import type { Messages } from './messages.js';
import { isolate } from './bidi.js';

/**
 * Intl formatters for dates in the incident's zone, cached per locale, zone and style.
 * Every date the reader sees goes through here, so a 23:30 event on the 12th never shows
 * as the 13th whatever the reader's own zone.
 */

type Style = 'year' | 'month' | 'day' | 'time' | 'dayShort' | 'monthShort' | 'clock' | 'zoneLong' | 'weekday';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  time: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  dayShort: { day: 'numeric', month: 'short' },
  monthShort: { month: 'short' },
  clock: { hour: 'numeric', minute: '2-digit' },
  zoneLong: { timeZoneName: 'long' },
  weekday: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
};

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * A cached formatter. `era` adds the era ("1 BC") to a style that shows the year: Intl writes
 * the year of its era, so without one year 0 (1 BC) would read as AD 1. Years from 1 on are
 * written as they are ("1 Mar 50").
 */
export function dateFormatter(locale: string, timeZone: string, style: Style, era = false): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}|${era && Boolean(OPTIONS[style].year)}`;
  let f = cache.get(key);
  if (!f) {
    // Hindi news prints the month in full ("23 नवंबर 2022"): its short forms ("नव॰") are not read.
    const options: Intl.DateTimeFormatOptions = { ...OPTIONS[style], timeZone };
    if (era && options.year) options.era = 'short';
    if (/^hi\b/i.test(locale) && options.month === 'short') options.month = 'long';
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown locale tag from the page falls back to the default locale.
      f = new Intl.DateTimeFormat('en-IN', { ...options, month: OPTIONS[style].month });
    }
    cache.set(key, f);
  }
  return f;
}

/** Past this instant every zone's wall clock is in AD 1 or later (zones are within a day of UTC). */
const SURELY_AD = dateUtc(1, 0, 3);

/** True when the instant falls before AD 1 on the zone's wall clock, where the era must be said. */
function beforeYearOne(ms: number, timeZone: string): boolean {
  return ms < SURELY_AD && wallTime(ms, timeZone).year < 1;
}

/** A resolved date at its own precision: "2022", "Nov 2022", "23 Nov 2022", "23 Nov 2022, 7:00 am IST". */
export function formatResolvedDate(d: ResolvedDate, locale: string, timeZone: string): string {
  const style: Style = d.unit === 'year' ? 'year' : d.unit === 'month' ? 'month' : d.unit === 'day' ? 'day' : 'time';
  return dateFormatter(locale, timeZone, style, beforeYearOne(d.start, timeZone)).format(d.start);
}

/** The zone's long name at an instant: "India Standard Time". */
export function zoneName(locale: string, timeZone: string, at: number): string {
  const parts = dateFormatter(locale, timeZone, 'zoneLong').formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * An event's date as the reader should see it: the editor's wording first, then precision
 * words. `spoken` writes a range for a screen reader ("23 Nov 2022 to 5 Dec 2022").
 */
export function formatEventDate(e: ResolvedEvent, locale: string, timeZone: string, m: Messages, spoken = false): string {
  // Screen readers drop a spaced dash at default punctuation: read aloud, a range says "to".
  const range = spoken ? m.common.rangeSpoken : m.common.range;
  const display = e.event.displayDate;
  if (display) {
    const dash = spoken ? /\s[–—]\s/u.exec(display) : null;
    // The editor's wording is data: isolated, so it cannot reorder the interface text beside it.
    return dash ? range(isolate(display.slice(0, dash.index)), isolate(display.slice(dash.index + dash[0].length))) : isolate(display);
  }
  let text = formatResolvedDate(e.start, locale, timeZone);
  if (e.end) text = range(text, formatResolvedDate(e.end, locale, timeZone));
  if (e.start.approximate) text = m.common.around(text);
  if (e.dateKind === 'reported') text = m.common.reportedOn(text);
  return text;
}

/** Likelihood in words, with the number when the editor gave one. */
export function formatConfidence(c: Confidence, m: Messages): string {
  return m.common.confidence(m.common.likelihood[likelihoodWord(c)], typeof c === 'number' ? c : null);
}
