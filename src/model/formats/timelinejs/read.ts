/**
 * Reading TimelineJS3: its dates (parts, each checked) become partial ISO dates, and its slides
 * an incident document: the title slide names it, event and era slides become events (eras in
 * a lane of their own, groups as lanes), and linked pages and media links are cited as sources.
 * Media is never embedded.
 */
import { clip, dateUtc } from '../../dates.js';
import type { Incident, IncidentEvent, Lane, Precision, Source } from '../../types.js';
import { safeHttpUrl } from '../../urls.js';
import { htmlToText } from '../html-text.js';
import { Issues, slug, uniqueIds } from '../issues.js';
import type { Converted } from '../types.js';
import { type DateParts, describe, isObject, type Part, PARTS, type Slide, text } from './common.js';
import { slidesFromJson } from './slides.js';

const daysIn = (y: number, m: number) => new Date(dateUtc(y, m, 0)).getUTCDate();
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

/** The document being read from slides: events, lanes and sources so far, and the title slide's words. */
class Conversion {
  readonly origins: string[] = [];
  readonly events: IncidentEvent[] = [];
  readonly lanes: Lane[] = [];
  readonly sources: Source[] = [];
  title: string | undefined;
  summary: string | undefined;
  /** Slides with media. */
  media = 0;
  private readonly sourceByUrl = new Map<string, Source>();
  private readonly eventId = uniqueIds();
  private readonly laneId = uniqueIds();
  private readonly laneByGroup = new Map<string, string>();

  constructor(private readonly issues: Issues) {}

  /** The source for an http(s) link, added the first time; undefined for any other link. */
  cite(url: string, title: string, publisher: string): string | undefined {
    const safe = safeHttpUrl(url);
    if (!safe) return undefined;
    let s = this.sourceByUrl.get(safe);
    if (!s) {
      s = { id: `source-${this.sources.length + 1}`, url: safe };
      if (title) s.title = title;
      if (publisher) s.publisher = publisher;
      if (!title && !publisher) s.title = new URL(safe).hostname.replace(/^www\./, '');
      this.sources.push(s);
      this.sourceByUrl.set(safe, s);
    }
    return s.id;
  }

  /** The lane of a group, added the first time. */
  lane(group: string, label = group): string {
    let id = this.laneByGroup.get(group);
    if (!id) {
      id = this.laneId(slug(group, 'lane'));
      this.laneByGroup.set(group, id);
      this.lanes.push({ id, label });
    }
    return id;
  }

  /** Reads a slide: the title slide's words, and the event of a dated slide. */
  read(slide: Slide): void {
    const issues = this.issues;
    const body = htmlToText(text(slide.text));
    const headline = htmlToText(text(slide.headline)).text;
    if (slide.type === 'title') {
      if (this.title !== undefined) issues.warn(slide.origin, 'is a second title slide; ignored');
      else {
        this.title = headline || undefined;
        this.summary = body.text || undefined;
      }
      if (!slide.start) return;
    }
    if (!slide.start) {
      if (slide.origin.startsWith('row')) issues.error(slide.at('year', 'start'), 'is empty: every row needs a year; left out');
      else issues.error(slide.at('start_date'), 'is missing; left out');
      return;
    }
    const start = partsToIso(slide.start, slide, 'start', issues);
    const end = slide.end ? partsToIso(slide.end, slide, 'end', issues) : undefined;
    if (!start) return;
    const name = headline || clip(body.text.split('\n')[0] ?? '', 80);
    if (!name) {
      issues.error(slide.at('headline'), 'is empty, and the slide has no text to name it by; left out');
      return;
    }

    // Media is never embedded; a linked page or the media's own URL may be the source.
    const cited: string[] = [];
    for (const link of body.links) {
      const id = this.cite(link.href, link.text, '');
      if (id && !cited.includes(id)) cited.push(id);
    }
    const mediaUrl = text(slide.media?.url).trim();
    if (mediaUrl) {
      this.media++;
      const id = this.cite(mediaUrl, htmlToText(text(slide.media?.caption)).text, htmlToText(text(slide.media?.credit)).text);
      if (id && !cited.includes(id)) cited.push(id);
    }

    const group = htmlToText(text(slide.group)).text;
    const display = text(slide.start.display_date) || text(slide.displayDate);
    const rawId = text(slide.uniqueId).trim();
    const event: IncidentEvent = {
      id: this.eventId(rawId || slug(name, `event-${this.events.length + 1}`)),
      title: name,
      start: start.iso,
    };
    if (body.text && (headline || body.text !== name)) event.description = body.text;
    if (end && end.iso !== start.iso) event.end = end.iso;
    const precision = start.precision ?? end?.precision;
    if (precision) event.precision = precision;
    if (display) event.displayDate = htmlToText(display).text;
    if (slide.type === 'era') {
      event.lane = this.lane('\u0000era', 'Periods');
      event.kind = 'era';
    } else if (group) event.lane = this.lane(group);
    if (cited.length) event.sources = cited;
    this.events.push(event);
    this.origins.push(slide.origin);
  }
}

/** Turns slides into an incident document. `what` names the source in messages. */
export function convertSlides(slides: Slide[], options: { timeZone?: string }, issues: Issues, what: string): Converted {
  const c = new Conversion(issues);
  for (const slide of slides) c.read(slide);
  const { origins, events, lanes, sources, title, summary, media } = c;

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
