/**
 * Writing TimelineJS3 JSON that TimelineJS3 loads as it is: dates as wall-clock parts in the
 * incident's zone with a `display_date` in our own words, and status, confidence and sources
 * (which have no field there) in each slide's text, all escaped as the HTML TimelineJS3 shows.
 */
import { formatEventDate } from '../../../i18n/format.js';
import { messagesFor } from '../../../i18n/messages.js';
import { wallTime } from '../../dates.js';
import { parseIncident } from '../../parse.js';
import type { Incident } from '../../types.js';
import { escapeHtml } from '../html-text.js';
import type { Obj } from './common.js';

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
