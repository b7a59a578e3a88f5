import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatConfidence, formatEventDate, formatResolvedDate } from '../i18n/format.js';
import { techniqueName, techniqueUrl } from '../i18n/attack-techniques.js';
import { isolate } from '../i18n/bidi.js';
import type { Messages } from '../i18n/messages.js';
import { heading } from './chrome.js';
import { clipText, SHOWN_MAX } from '../layout/text.js';
import { langOf } from './describe.js';
import { resolveDate } from '../model/dates.js';
import type { Confidence, ResolvedClaim, ResolvedEvent, ResolvedIncident, ResolvedSource, SourcingStatus } from '../model/types.js';

/**
 * Details templates shared by the elements, so an event, a claim and a source read the same
 * everywhere: status and likelihood in words, sources cited with their date, links only
 * where the URL is http(s).
 */
export interface DetailsContext {
  resolved: ResolvedIncident;
  locale: string;
  zone: string;
  messages: Messages;
  /** The level of the details' heading (the element's own, plus one). */
  level: number;
}

/** A link that opens a new tab, and says so to assistive technology. */
function newTabLink(href: string, text: unknown, m: Messages, lang?: string): TemplateResult {
  // The text may be in another language than the "opens in a new tab" note, which is the UI's.
  return html`<a href=${href} target="_blank" rel="noopener noreferrer">${lang ? html`<span lang=${lang}>${text}</span>` : text}<span class="sr-only"> ${m.common.newTab}</span></a>`;
}

/** A source's name as shown: publisher and headline, each isolated (both are data), else its id. */
export function sourceName(s: Pick<ResolvedSource, 'id' | 'publisher' | 'title'>): string {
  return (
    [s.publisher, s.title]
      .filter(Boolean)
      .map((t) => isolate(t!))
      .join(': ') || isolate(s.id)
  );
}

/** Sources as an ordered list; each is cited even when it has no usable link. */
export function sourceList(sources: readonly ResolvedSource[], { locale, zone, messages: m }: DetailsContext): TemplateResult {
  if (!sources.length) return html`<p>${m.common.noSources}</p>`;
  // One entry per source, however many claims or conflicts cite it.
  const unique = [...new Map(sources.map((s) => [s.id, s])).values()];
  return html`<ol class="sources">${unique.map((s) => {
    const date = s.publishedDate ? formatResolvedDate(s.publishedDate, locale, zone) : '';
    // The headline is part of the label unless a publisher names the source on its own.
    const unverified = s.titleVerified === false && s.title ? ` (${m.common.titleUnverified})` : '';
    // Sources are cited in their own language (English unless the data says otherwise).
    const lang = langOf(s.lang ?? 'en', locale);
    return html`<li>${s.href ? newTabLink(s.href, sourceName(s), m, lang) : html`<bdi lang=${ifDefined(lang)}>${sourceName(s)}</bdi>`}${unverified}${date ? `, ${date}` : ''}</li>`;
  })}</ol>`;
}

/** ATT&CK codes with their names (English, as ATT&CK gives them), each linked to its page: "T1486 Data Encrypted for Impact". */
function techniques(codes: string[], m: Messages, locale: string): TemplateResult {
  const lang = langOf('en', locale);
  return html`${codes.map((code, i) => {
    const name = techniqueName(code);
    const text = name ? `${code} ${name}` : code;
    const url = techniqueUrl(code);
    return html`${i ? ', ' : ''}${url ? newTabLink(url, text, m, lang) : html`<span lang=${ifDefined(lang)}>${text}</span>`}`;
  })}`;
}

/** Status (who says so) and likelihood, never merged, as description-list rows. */
export function statusRows(status: SourcingStatus, confidence: Confidence | undefined, m: Messages): TemplateResult {
  return html`<dt>${m.common.statusLabel}</dt>
    <dd><span class="badge">${m.common.status[status]}</span>: ${m.common.statusMeaning[status]}</dd>
    ${confidence !== undefined ? html`<dt>${m.common.confidenceLabel}</dt><dd>${formatConfidence(confidence, m)}</dd>` : nothing}`;
}

/** Everything known about an event: the date as written and its precision, conflicts, sources. */
export function eventDetails(e: ResolvedEvent, ctx: DetailsContext): TemplateResult {
  const { resolved: r, locale, zone, messages: m } = ctx;
  const lang = langOf(r.incident.lang, locale);
  const lane = r.laneById.get(e.lane)?.label ?? e.lane;
  const precision = [m.common.precision[e.start.unit], e.start.approximate ? m.common.approximate : ''].filter(Boolean).join(', ');
  // A cited source is named in its own language (English unless the data says otherwise).
  const citedName = (id: string, i: number) => {
    const src = r.sourceById.get(id);
    return html`${i ? ', ' : ''}<bdi lang=${ifDefined(langOf(src?.lang ?? 'en', locale))}>${src ? sourceName(src) : id}</bdi>`;
  };
  return html`${heading(ctx.level, html`<bdi lang=${ifDefined(lang)}>${e.event.title}</bdi>`, 'details-title', 'details-title')}
    <dl>
      <dt>${m.common.date}</dt>
      <dd>${formatEventDate(e, locale, zone, m)} (${precision}${e.event.displayDate ? `; ${m.common.recordedAs(e.event.start)}` : ''})</dd>
      ${statusRows(e.status, e.confidence, m)}
      <dt>${m.common.lane}</dt>
      <dd lang=${ifDefined(lang)}>${lane}</dd>
      ${e.event.techniques?.length ? html`<dt>${m.common.techniques}</dt><dd>${techniques(e.event.techniques, m, locale)}</dd>` : nothing}
    </dl>
    ${e.event.description ? html`<p class="description" lang=${ifDefined(lang)}>${e.event.description}</p>` : nothing}
    ${
      e.event.conflicts?.length
        ? html`<p class="section-label">${m.common.conflicts}</p>
          <ul>${e.event.conflicts.map((c) => {
            const alt = c.date ? resolveDate(c.date, zone) : null;
            return html`<li><bdi lang=${ifDefined(lang)}>${c.note}</bdi>${alt?.ok ? ` (${m.common.alsoGiven(formatResolvedDate(alt.value, locale, zone))})` : ''}${c.sources?.length ? html` ${m.common.sources}: ${c.sources.map(citedName)}${m.common.stop}` : ''}</li>`;
          })}</ul>`
        : nothing
    }
    <p class="section-label">${m.common.sources}</p>
    ${sourceList(e.sources, ctx)}`;
}

/**
 * A claim: what is claimed, by whom, how it is sourced, how likely, its caveats and sources.
 * `withSources: false` leaves the sources to one list for the whole panel (a place's claims
 * often cite the same reports).
 */
export function claimDetails(resolved: ResolvedClaim, ctx: DetailsContext, withSources = true): TemplateResult {
  const { resolved: r, locale, zone, messages: m } = ctx;
  const { claim: c, event, sources } = resolved;
  const lang = langOf(r.incident.lang, locale);
  const place = resolved.from ? `${isolate(resolved.from.name)} → ${isolate(resolved.to.name)}: ` : '';
  return html`<div class="claim-details">
    ${heading(ctx.level, html`<bdi lang=${ifDefined(lang)}>${place}</bdi>${m.map.relation[resolved.relation]}`, 'details-title')}
    <p lang=${ifDefined(lang)}>${m.map.claimBy(isolate(c.assertedBy), isolate(c.assertion))}</p>
    <dl>
      ${statusRows(resolved.status, resolved.confidence, m)}
      ${event ? html`<dt>${m.map.claimedIn}</dt><dd>${formatEventDate(event, locale, zone, m)}: <bdi lang=${ifDefined(lang)}>${clipText(event.event.title, SHOWN_MAX)}</bdi></dd>` : nothing}
    </dl>
    ${c.caveats?.length ? html`<p class="section-label">${m.map.caveats}</p><ul>${c.caveats.map((k) => html`<li class="caveat" lang=${ifDefined(lang)}>${k}</li>`)}</ul>` : nothing}
    ${withSources ? html`<p class="section-label">${m.common.sources}</p>${sourceList(sources, ctx)}` : nothing}
  </div>`;
}

/** How many events a long list shows at a time. */
export const EVENT_PAGE = 50;

/**
 * Events as buttons, a page of `EVENT_PAGE` at a time, so a place named by 100,000 events or
 * a bin of 600 events at one instant renders 50 buttons, not all of them. Each button chooses
 * its event; the pager's buttons turn the page (`aria-disabled` at the ends, so focus stays).
 */
export function eventPage(events: readonly ResolvedEvent[], page: number, ctx: DetailsContext, choose: (id: string) => void, turn: (page: number) => void): TemplateResult {
  const m = ctx.messages;
  const pages = Math.max(1, Math.ceil(events.length / EVENT_PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const from = p * EVENT_PAGE;
  const shown = events.slice(from, from + EVENT_PAGE);
  const lang = langOf(ctx.resolved.incident.lang, ctx.locale);
  const pager =
    pages > 1
      ? html`<p class="pager">
          <span>${m.common.pageRange(from + 1, from + shown.length, events.length)}</span>
          <button type="button" aria-disabled=${p === 0 ? 'true' : 'false'} @click=${() => p > 0 && turn(p - 1)}>${m.common.previousPage(EVENT_PAGE)}</button>
          <button type="button" aria-disabled=${p === pages - 1 ? 'true' : 'false'} @click=${() => p < pages - 1 && turn(p + 1)}>
            ${m.common.nextPage(Math.min(EVENT_PAGE, events.length - from - shown.length) || EVENT_PAGE)}
          </button>
        </p>`
      : nothing;
  return html`<ul class="events">
      ${shown.map(
        (e) =>
          html`<li><button type="button" @click=${() => choose(e.id)}>${formatEventDate(e, ctx.locale, ctx.zone, m, true)}: <bdi lang=${ifDefined(lang)}>${clipText(e.event.title, SHOWN_MAX)}</bdi></button></li>`,
      )}
    </ul>
    ${pager}`;
}
