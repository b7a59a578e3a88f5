import { formatEventDate } from '../i18n/format.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { wallTime, zoneOffset } from './dates.js';
import { parseIncident } from './parse.js';
import type { Incident, ResolvedDate, ResolvedEvent, ResolvedSource } from './types.js';
import { safeHttpUrl } from './urls.js';

/**
 * The recommended no-JS fallback for the embed snippet, as an HTML string: a heading, the
 * summary, and an `<ol>` of the events in time order, each with a `<time datetime>` and links
 * to its sources. Pure and deterministic (no DOM): every piece of data is escaped, and the only
 * attributes carrying data are `href` (http(s) only) and `datetime`.
 */

export interface FallbackOptions {
  /** BCP 47 locale for the dates (default `en-IN`); `hi` gives Hindi. */
  locale?: string;
  /** Zone to show dates in (default the incident's `timeZone`, else UTC). */
  timeZone?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * A valid HTML `datetime` for a date: as written when it carries its own offset or is a date
 * without a time (`2022`, `2022-11`, `2022-11-23`); a local time is given the zone's offset.
 */
export function datetimeAttribute(d: ResolvedDate, timeZone: string): string {
  const text = d.text.trim();
  // A coarser precision than the string keeps the date part it names.
  if (d.unit === 'year') return text.slice(0, 4);
  if (d.unit === 'month') return text.slice(0, 7);
  if (d.unit === 'day') return text.slice(0, 10);
  if (!/[T ]/.test(text)) return text;
  if (d.hasOffset) return text.replace(' ', 'T');
  const w = wallTime(d.start, timeZone);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}${d.unit === 'second' ? `:${pad(w.second)}` : ''}`;
  return `${date}T${time}${offsetText(zoneOffset(d.start, timeZone))}`;
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function validLocale(locale: string | undefined): string {
  if (!locale) return 'en-IN';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'en-IN';
  } catch {
    return 'en-IN';
  }
}

function sourceHtml(s: ResolvedSource, m: Messages): string {
  const label = s.publisher?.trim() || s.title?.trim() || s.id;
  const href = safeHttpUrl(s.url);
  // Said only when the label is the headline itself.
  const note = !s.publisher?.trim() && s.title?.trim() && s.titleVerified === false ? ` (${escapeHtml(m.common.titleUnverified)})` : '';
  return `${href ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : escapeHtml(label)}${note}`;
}

function eventHtml(e: ResolvedEvent, locale: string, timeZone: string): string {
  const m = messagesFor(locale);
  const date = `<time datetime="${escapeHtml(datetimeAttribute(e.start, timeZone))}">${escapeHtml(formatEventDate(e, locale, timeZone, m))}</time>`;
  const sources = e.sources.length ? ` (${e.sources.map((s) => sourceHtml(s, m)).join(', ')})` : '';
  return `<li>${date}: ${escapeHtml(e.event.title)}${sources}</li>`;
}

/** The fallback HTML for an incident; an incident that cannot be read gives its title alone. */
export function fallbackHtml(incident: Incident, options: FallbackOptions = {}): string {
  const { incident: doc, resolved } = parseIncident(incident);
  const title = doc?.title ?? (typeof incident?.title === 'string' ? incident.title : '');
  const summary = doc ? doc.summary : typeof incident?.summary === 'string' ? incident.summary : undefined;
  const locale = validLocale(options.locale);
  const timeZone = validZone(options.timeZone) ?? resolved?.timeZone ?? 'UTC';
  const lines = [`<h2>${escapeHtml(title)}</h2>`];
  if (summary?.trim()) lines.push(`<p>${escapeHtml(summary.trim())}</p>`);
  const events = resolved?.events ?? [];
  if (events.length) {
    lines.push('<ol>');
    for (const e of events) lines.push(`  ${eventHtml(e, locale, timeZone)}`);
    lines.push('</ol>');
  }
  return `${lines.join('\n')}\n`;
}
