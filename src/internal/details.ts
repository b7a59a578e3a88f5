import { html, nothing, type TemplateResult } from 'lit';
import { formatConfidence, formatEventDate, formatResolvedDate } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { resolveDate } from '../model/dates.js';
import type { Claim, Confidence, ResolvedEvent, ResolvedIncident, ResolvedSource, SourcingStatus } from '../model/types.js';

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
}

/** A source's display name: publisher and title, else its id. */
export const sourceName = (s: ResolvedSource) => [s.publisher, s.title].filter(Boolean).join(': ') || s.id;

/** Sources as an ordered list; each is cited even when it has no usable link. */
export function sourceList(sources: ResolvedSource[], { locale, zone, messages: m }: DetailsContext): TemplateResult {
  if (!sources.length) return html`<p>${m.noSources}</p>`;
  return html`<ol>${sources.map((s) => {
    const published = s.published ? resolveDate(s.published, zone) : null;
    const date = published?.ok ? formatResolvedDate(published.value, locale, zone) : '';
    return html`<li>${s.href ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${sourceName(s)}</a>` : html`<span>${sourceName(s)}</span>`}${date ? `, ${date}` : ''}</li>`;
  })}</ol>`;
}

/** Status (who says so) and likelihood, never merged, as description-list rows. */
export function statusRows(status: SourcingStatus, confidence: Confidence | undefined, m: Messages): TemplateResult {
  return html`<dt>${m.statusLabel}</dt>
    <dd><span class="badge">${m.status[status]}</span>: ${m.statusMeaning[status]}</dd>
    ${confidence !== undefined ? html`<dt>${m.confidenceLabel}</dt><dd>${formatConfidence(confidence, m)}</dd>` : nothing}`;
}

/** Everything known about an event: the date as written and its precision, conflicts, sources. */
export function eventDetails(e: ResolvedEvent, ctx: DetailsContext): TemplateResult {
  const { resolved: r, locale, zone, messages: m } = ctx;
  const lane = r.lanes.find((l) => l.id === e.lane)?.label ?? e.lane;
  const precision = [m.precision[e.start.unit], e.start.approximate ? m.approximate : ''].filter(Boolean).join(', ');
  const citedName = (id: string) => {
    const s = r.sourceById.get(id);
    return s ? s.publisher || s.title || s.id : id;
  };
  return html`<p id="details-title" class="details-title">${e.event.title}</p>
    <dl>
      <dt>${m.date}</dt>
      <dd>${formatEventDate(e, locale, zone, m)} (${precision}${e.event.displayDate ? `; ${m.recordedAs(e.event.start)}` : ''})</dd>
      ${statusRows(e.status, e.confidence, m)}
      <dt>${m.lane}</dt>
      <dd>${lane}</dd>
      ${e.event.techniques?.length ? html`<dt>${m.techniques}</dt><dd>${e.event.techniques.join(', ')}</dd>` : nothing}
    </dl>
    ${e.event.description ? html`<p class="description">${e.event.description}</p>` : nothing}
    ${e.event.conflicts?.length
      ? html`<p class="section-label">${m.conflicts}</p>
          <ul>${e.event.conflicts.map((c) => {
            const alt = c.date ? resolveDate(c.date, zone) : null;
            return html`<li>${c.note}${alt?.ok ? ` (${m.alsoGiven(formatResolvedDate(alt.value, locale, zone))})` : ''}${c.sources?.length ? ` ${m.sources}: ${c.sources.map(citedName).join(', ')}.` : ''}</li>`;
          })}</ul>`
      : nothing}
    <p class="section-label">${m.sources}</p>
    ${sourceList(e.sources, ctx)}`;
}

/** A claim: what is claimed, by whom, how it is sourced, how likely, its caveats and sources. */
export function claimDetails(c: Claim, ctx: DetailsContext): TemplateResult {
  const { resolved: r, locale, zone, messages: m } = ctx;
  const event = c.event ? r.eventById.get(c.event) : undefined;
  const sources = (c.sources ?? []).map((id) => r.sourceById.get(id)).filter((s) => s !== undefined);
  return html`<div class="claim-details">
    <p class="details-title">${m.relation[c.relation]}</p>
    <p>${m.claimBy(c.assertedBy, c.assertion)}</p>
    <dl>
      ${statusRows(c.status ?? 'reported', c.confidence, m)}
      ${event ? html`<dt>${m.claimedIn}</dt><dd>${formatEventDate(event, locale, zone, m)}: ${event.event.title}</dd>` : nothing}
    </dl>
    ${c.caveats?.length ? html`<p class="section-label">${m.caveats}</p><ul>${c.caveats.map((k) => html`<li class="caveat">${k}</li>`)}</ul>` : nothing}
    <p class="section-label">${m.sources}</p>
    ${sourceList(sources, ctx)}
  </div>`;
}
