import { utcTickInterval, utcTicks } from 'd3-time';
import { zoneOffset, zonedToInstant } from '../model/dates.js';
import { dateFormatter } from '../i18n/format.js';

/**
 * Ticks at round wall-clock times in the incident's zone. d3-time finds round times in UTC,
 * so the domain is shifted by the zone's offset ("wall time as if UTC"), ticked, and each
 * tick shifted back to the instant it names in the zone.
 */
export interface Tick {
  /** Epoch ms. */
  time: number;
  label: string;
  /** A tick that starts a larger unit (a new month on a day axis), drawn stronger. */
  major: boolean;
}

const DAY = 86_400_000;

export function zonedTicks(start: number, end: number, count: number, timeZone: string, locale: string): Tick[] {
  if (!(end > start) || count < 1) return [];
  const s0 = new Date(start + zoneOffset(start, timeZone));
  const s1 = new Date(end + zoneOffset(end, timeZone));
  const wall = utcTicks(s0, s1, count);
  const interval = utcTickInterval(s0, s1, count);
  const [first, second] = wall;
  const step = first && second ? second.getTime() - first.getTime() : interval ? interval.offset(s0, 1).getTime() - s0.getTime() : DAY;
  return wall.map((w, i) => {
    // Ticks before AD 1 (an axis padded past AD 1) say their era: "1 BC".
    const era = w.getUTCFullYear() < 1;
    const utc = (style: Parameters<typeof dateFormatter>[2]) => dateFormatter(locale, 'UTC', style, era);
    const time = zonedToInstant(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), 0, 0, timeZone);
    const newYear = w.getUTCMonth() === 0 && w.getUTCDate() === 1;
    const newMonth = w.getUTCDate() === 1;
    const midnight = w.getUTCHours() === 0 && w.getUTCMinutes() === 0;
    let label: string;
    let major = false;
    if (step >= 360 * DAY) label = utc('year').format(w);
    else if (step >= 28 * DAY) {
      major = newYear;
      label = newYear || i === 0 ? utc('month').format(w) : utc('monthShort').format(w);
    } else if (step >= DAY) {
      major = newMonth;
      label = utc('dayShort').format(w);
    } else {
      major = midnight;
      label = midnight ? utc('dayShort').format(w) : utc('clock').format(w);
    }
    return { time, label, major };
  });
}
