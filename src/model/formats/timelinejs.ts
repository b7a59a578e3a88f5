import { formatEventDate } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import { clip, wallTime } from '../dates.js';
import { parseIncident } from '../parse.js';
import type { Incident, IncidentEvent, Lane, Precision, Source } from '../types.js';
import { safeHttpUrl } from '../urls.js';
import { escapeHtml, htmlToText } from './html-text.js';
import { Issues, slug, uniqueIds } from './issues.js';
import type { Converted } from './types.js';

/**
 * TimelineJS3, in and out. Its JSON and its Google-Sheets template say the same things in two
 * shapes, so both become {@link Slide}s, each able to name its fields in the source's own
 * terms (`events[3].start_date.month` or `row 7, "Month"`), and one converter reads them.
 */

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond';
const PARTS: readonly Part[] = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'];

/** A date as TimelineJS3 holds it: parts as numbers or strings. */
export type DateParts = Partial<Record<Part | 'display_date', unknown>>;

export interface Slide {
  /** Where the slide is: `events[3]`, `title`, `eras[0]` or `row 7`. */
  origin: string;
  type: 'title' | 'era' | 'event';
  start?: DateParts;
  end?: DateParts;
  displayDate?: unknown;
  headline?: unknown;
  text?: unknown;
  media?: { url?: unknown; caption?: unknown; credit?: unknown };
  group?: unknown;
  uniqueId?: unknown;
  /** Names a field of the slide: a date part of `start`/`end`, or another field. */
  at(field: string, which?: 'start' | 'end'): string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const describe = (v: unknown) => (typeof v === 'string' ? `"${clip(v)}"` : (JSON.stringify(v) ?? String(v)));

/** Slides from TimelineJS3 JSON: `{ title?, events[], eras? }`. */
export function slidesFromJson(doc: Obj): Slide[] {
  const slide = (o: Obj, origin: string, type: Slide['type']): Slide => {
    const t = isObject(o.text) ? o.text : {};
    const date = (v: unknown) => (isObject(v) ? v : undefined);
    return {
      origin,
      type,
      start: date(o.start_date),
      end: date(o.end_date),
      displayDate: o.display_date,
      headline: t.headline,
      text: t.text,
      media: isObject(o.media) ? o.media : undefined,
      group: o.group,
      uniqueId: o.unique_id,
      at: (field, which) => (which ? `${origin}.${which}_date.${field}` : `${origin}.${field === 'headline' || field === 'text' ? `text.${field}` : field}`),
    };
  };
  const out: Slide[] = [];
  if (isObject(doc.title)) out.push(slide(doc.title, 'title', 'title'));
  if (Array.isArray(doc.events)) doc.events.forEach((e, i) => isObject(e) && out.push(slide(e, `events[${i}]`, 'event')));
  if (Array.isArray(doc.eras)) doc.eras.forEach((e, i) => isObject(e) && out.push(slide(e, `eras[${i}]`, 'era')));
  return out;
}

/** The TimelineJS3 sheet's columns, as their headers are matched (lower case, no spaces). */
export const SHEET_COLUMNS = [
  'Year',
  'Month',
  'Day',
  'Time',
  'End Year',
  'End Month',
  'End Day',
  'End Time',
  'Display Date',
  'Headline',
  'Text',
  'Media',
  'Media Credit',
  'Media Caption',
  'Media Thumbnail',
  'Type',
  'Group',
  'Background',
] as const;
export const headerKey = (h: string) => h.replace(/[\s_]+/g, '').toLowerCase();

/** "10:30 AM", "10:30:15 pm", "22:15" → parts; undefined when it is not a time. */
function readTime(value: string): { hour: number; minute?: number; second?: number } | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$|^(\d{1,2}):(\d{2})(?::(\d{2}))?$/i.exec(value.trim());
  if (!m) return undefined;
  if (m[4]) {
    const h = Number(m[1]);
    if (h < 1 || h > 12) return undefined;
    const hour = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
    // "10 AM" says the hour only: the date keeps hour precision.
    return { hour, minute: m[2] === undefined ? undefined : Number(m[2]), second: m[3] === undefined ? undefined : Number(m[3]) };
  }
  return { hour: Number(m[5]), minute: Number(m[6]), second: m[7] === undefined ? undefined : Number(m[7]) };
}

/**
 * Slides from the sheet's rows (after the header). `row` is the spreadsheet's row number.
 * A time that is not a time is reported here; the other cells are checked by the converter.
 */
export function slidesFromSheet(header: string[], rows: { cells: string[]; row: number }[], issues: Issues): Slide[] {
  const index = new Map(header.map((h, i) => [headerKey(h), i] as const));
  const label = new Map(header.map((h) => [headerKey(h), h.trim()] as const));
  return rows.map(({ cells, row }) => {
    const cell = (name: string) => {
      const i = index.get(headerKey(name));
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const where = (name: string) => `row ${row}, "${label.get(headerKey(name)) ?? name}"`;
    const dateOf = (prefix: '' | 'End '): DateParts | undefined => {
      const parts: DateParts = { year: cell(`${prefix}Year`), month: cell(`${prefix}Month`), day: cell(`${prefix}Day`) };
      const time = cell(`${prefix}Time`);
      if (time) {
        const t = readTime(time);
        if (t) Object.assign(parts, t);
        else issues.warn(where(`${prefix}Time`), `"${clip(time)}" is not a time like "10:30 AM" or "22:15"; the date is kept without it`);
      }
      return Object.values(parts).some((v) => v !== '' && v !== undefined) ? parts : undefined;
    };
    const type = cell('Type').toLowerCase();
    return {
      origin: `row ${row}`,
      type: type === 'title' ? 'title' : type === 'era' ? 'era' : 'event',
      start: dateOf(''),
      end: dateOf('End '),
      displayDate: cell('Display Date'),
      headline: cell('Headline'),
      text: cell('Text'),
      media: { url: cell('Media'), caption: cell('Media Caption'), credit: cell('Media Credit') },
      group: cell('Group'),
      at: (field, which) => {
        const col = field === 'hour' || field === 'minute' || field === 'second' || field === 'millisecond' ? 'Time' : field.charAt(0).toUpperCase() + field.slice(1);
        const name = which === 'end' ? `End ${col}` : which === 'start' ? col : field;
        return where(name);
      },
    } satisfies Slide;
  });
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A TimelineJS3 date as a partial ISO string with its precision, or issues by path. */
function partsToIso(d: DateParts, slide: Slide, which: 'start' | 'end', issues: Issues): { iso: string; precision?: Precision } | undefined {
  const values: Partial<Record<Part, number>> = {};
  const limits: Record<Part, [number, number]> = { year: [1, 9999], month: [1, 12], day: [1, 31], hour: [0, 23], minute: [0, 59], second: [0, 59], millisecond: [0, 999] };
  let ok = true;
  for (const part of PARTS) {
    const raw = d[part];
    if (raw === undefined || raw === null || raw === '') continue;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*[-+]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
    const [lo, hi] = limits[part];
    if (!Number.isInteger(n)) {
      issues.error(slide.at(part, which), `${describe(raw)} is not a whole number`);
      ok = false;
    } else if (part === 'year' && (n < lo || n > hi)) {
      issues.error(slide.at(part, which), `${n} is outside the years this timeline can show (1 to 9999): cosmological and BC dates are not supported`);
      ok = false;
    } else if (n < lo || n > hi) {
      issues.error(slide.at(part, which), `${n} is not ${part === 'hour' ? 'an' : 'a'} ${part} (${lo} to ${hi})`);
      ok = false;
    } else values[part] = n;
  }
  if (!ok) return undefined;
  const { year, month, day, hour, minute, second, millisecond } = values;
  if (year === undefined) {
    issues.error(slide.at('year', which), 'is missing: every date needs a year');
    return undefined;
  }
  if (day !== undefined && month !== undefined && day > daysIn(year, month)) {
    issues.error(slide.at('day', which), `${day} does not exist in ${year}-${pad(month)}`);
    return undefined;
  }
  let iso = pad(year, 4);
  if (month === undefined) return { iso };
  iso += `-${pad(month)}`;
  if (day === undefined) return { iso };
  iso += `-${pad(day)}`;
  if (hour === undefined) return { iso };
  iso += `T${pad(hour)}:${pad(minute ?? 0)}`;
  if (minute === undefined) return { iso, precision: 'hour' };
  if (second === undefined) return { iso };
  iso += `:${pad(second)}`;
  if (millisecond !== undefined) iso += `.${pad(millisecond, 3)}`;
  return { iso };
}

/** Turns slides into an incident document. `what` names the source in messages. */
export function convertSlides(slides: Slide[], options: { timeZone?: string }, issues: Issues, what: string): Converted {
  const origins: string[] = [];
  const events: IncidentEvent[] = [];
  const lanes: Lane[] = [];
  const sources: Source[] = [];
  const sourceByUrl = new Map<string, Source>();
  const eventId = uniqueIds();
  const laneId = uniqueIds();
  const laneByGroup = new Map<string, string>();
  let title: string | undefined;
  let summary: string | undefined;
  let media = 0;

  const cite = (url: string, title: string, publisher: string): string | undefined => {
    const safe = safeHttpUrl(url);
    if (!safe) return undefined;
    let s = sourceByUrl.get(safe);
    if (!s) {
      s = { id: `source-${sources.length + 1}`, url: safe };
      if (title) s.title = title;
      if (publisher) s.publisher = publisher;
      if (!title && !publisher) s.title = new URL(safe).hostname.replace(/^www\./, '');
      sources.push(s);
      sourceByUrl.set(safe, s);
    }
    return s.id;
  };
  const lane = (group: string, label = group) => {
    let id = laneByGroup.get(group);
    if (!id) {
      id = laneId(slug(group, 'lane'));
      laneByGroup.set(group, id);
      lanes.push({ id, label });
    }
    return id;
  };

  for (const slide of slides) {
    const body = htmlToText(text(slide.text));
    const headline = htmlToText(text(slide.headline)).text;
    if (slide.type === 'title') {
      if (title !== undefined) issues.warn(slide.origin, 'is a second title slide; ignored');
      else {
        title = headline || undefined;
        summary = body.text || undefined;
      }
      if (!slide.start) continue;
    }
    if (!slide.start) {
      if (slide.origin.startsWith('row')) issues.error(slide.at('year', 'start'), 'is empty: every row needs a year; left out');
      else issues.error(slide.at('start_date'), 'is missing; left out');
      continue;
    }
    const start = partsToIso(slide.start, slide, 'start', issues);
    const end = slide.end ? partsToIso(slide.end, slide, 'end', issues) : undefined;
    if (!start) continue;
    const name = headline || clip(body.text.split('\n')[0] ?? '', 80);
    if (!name) {
      issues.error(slide.at('headline'), 'is empty, and the slide has no text to name it by; left out');
      continue;
    }

    // Media is never embedded; a linked page or the media's own URL may be the source.
    const cited: string[] = [];
    for (const link of body.links) {
      const id = cite(link.href, link.text, '');
      if (id && !cited.includes(id)) cited.push(id);
    }
    const mediaUrl = text(slide.media?.url).trim();
    if (mediaUrl) {
      media++;
      const id = cite(mediaUrl, htmlToText(text(slide.media?.caption)).text, htmlToText(text(slide.media?.credit)).text);
      if (id && !cited.includes(id)) cited.push(id);
    }

    const group = htmlToText(text(slide.group)).text;
    const display = text(slide.start.display_date) || text(slide.displayDate);
    const rawId = text(slide.uniqueId).trim();
    const event: IncidentEvent = {
      id: eventId(rawId || slug(name, `event-${events.length + 1}`)),
      title: name,
      start: start.iso,
    };
    if (body.text && (headline || body.text !== name)) event.description = body.text;
    if (end && end.iso !== start.iso) event.end = end.iso;
    const precision = start.precision ?? end?.precision;
    if (precision) event.precision = precision;
    if (display) event.displayDate = htmlToText(display).text;
    if (slide.type === 'era') {
      event.lane = lane('\u0000era', 'Periods');
      event.kind = 'era';
    } else if (group) event.lane = lane(group);
    if (cited.length) event.sources = cited;
    events.push(event);
    origins.push(slide.origin);
  }

  if (media) issues.warn('media', `${media} ${media === 1 ? 'slide has' : 'slides have'} media; media is never embedded, and an http(s) media link is cited as a source instead`);
  let timeZone = options.timeZone;
  if (!timeZone) {
    timeZone = 'UTC';
    issues.warn(
      'timeZone',
      `${what} has no time zone; its dates and times are read in UTC (set the time zone: time-zone="Asia/Kolkata" on the element, --time-zone on the command line)`,
    );
  }
  if (!events.length) {
    if (!issues.errors.length) issues.error('events', `${what} has no dated slides, so there is nothing to draw`);
    return { document: null, errors: issues.errors, warnings: issues.warnings, origins };
  }
  if (!title) issues.warn('title', `${what} has no title slide${what.includes('sheet') ? ' (a row with Type "title")' : ''}; the story has no title`);
  const document: Incident = { version: 1, title: title ?? '', timeZone, events };
  if (summary) document.summary = summary;
  if (lanes.length) document.lanes = lanes;
  if (sources.length) document.sources = sources;
  return { document, errors: issues.errors, warnings: issues.warnings, origins };
}

/** Reads TimelineJS3 JSON. */
export function fromTimelineJs(value: unknown, options: { timeZone?: string }): Converted {
  const issues = new Issues();
  if (!isObject(value) || !Array.isArray(value.events)) {
    issues.error('events', 'a TimelineJS3 timeline needs an events array');
    return { document: null, errors: issues.errors, warnings: issues.warnings, origins: [] };
  }
  value.events.forEach((e, i) => isObject(e) || issues.error(`events[${i}]`, `must be an object, not ${describe(e)}; left out`));
  if (value.scale === 'cosmological') issues.warn('scale', '"cosmological" timelines count years this timeline cannot show; each such date is reported');
  return convertSlides(slidesFromJson(value), options, issues, 'TimelineJS3');
}

/** Date parts of an instant at a unit, in the zone. */
function dateParts(ms: number, unit: string, zone: string): Obj {
  const w = wallTime(ms, zone);
  const out: Obj = { year: w.year };
  if (unit === 'year') return out;
  out.month = w.month;
  if (unit === 'month') return out;
  out.day = w.day;
  if (unit === 'day') return out;
  out.hour = w.hour;
  if (unit === 'hour') return out;
  out.minute = w.minute;
  if (unit === 'second') out.second = w.second;
  return out;
}

/**
 * Writes TimelineJS3 JSON that TimelineJS3 loads as it is. TimelineJS3 has no time zone, so
 * dates are written as wall-clock parts in the incident's zone with a `display_date` in its
 * words; status, confidence and sources have no field there and go into the slide's text.
 */
export function toTimelineJs(incident: Incident, locale = 'en-IN'): string {
  const { resolved } = parseIncident(incident);
  const out: Obj = { events: [] };
  if (!resolved) return JSON.stringify(out, null, 2);
  const zone = resolved.timeZone;
  const messages = messagesFor(locale);
  out.title = { text: { headline: escapeHtml(incident.title), text: incident.summary ? `<p>${escapeHtml(incident.summary)}</p>` : '' } };
  const laneLabel = new Map(resolved.lanes.map((l) => [l.id, l.label]));
  out.events = resolved.events.map((e) => {
    const ev = e.event;
    const paragraphs = ev.description ? ev.description.split('\n').map((p) => `<p>${escapeHtml(p)}</p>`) : [];
    paragraphs.push(`<p><em>${escapeHtml(e.status)}</em>${e.confidence !== undefined ? ` (confidence: ${escapeHtml(String(e.confidence))})` : ''}</p>`);
    if (e.sources.length) {
      const items = e.sources.map((s) => {
        const name = escapeHtml([s.publisher, s.title].filter(Boolean).join(': ') || s.id);
        return `<li>${s.href ? `<a href="${escapeHtml(s.href)}">${name}</a>` : name}</li>`;
      });
      paragraphs.push(`<p>Sources:</p><ul>${items.join('')}</ul>`);
    }
    // The date as our own elements word it ("around 23 Nov 2022", "reported on …"), so an
    // uncertain date is never published as exact. TimelineJS3 shows display_date and group
    // as HTML: they are escaped like the text.
    const display = escapeHtml(formatEventDate(e, locale, zone, messages));
    const slide: Obj = {
      unique_id: e.id,
      start_date: dateParts(e.start.start, e.start.unit, zone),
      display_date: display,
      text: { headline: escapeHtml(ev.title), text: paragraphs.join('') },
    };
    if (e.end) slide.end_date = dateParts(e.end.start, e.end.unit, zone);
    const group = laneLabel.get(e.lane);
    if (resolved.lanes.length > 1 && group) slide.group = escapeHtml(group);
    return slide;
  });
  return JSON.stringify(out, null, 2);
}
