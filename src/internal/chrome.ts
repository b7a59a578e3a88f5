/**
 * What every element draws the same way around its chart: the error box, the loading status,
 * the legend and the details panel. Templates only; the element passes its messages and state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { Issue } from '../model/types.js';

/** One row of a legend: a glyph (drawn in a 16 px high SVG) and its meaning. */
export interface LegendItem {
  glyph: unknown;
  text: string;
  width: number;
}

/**
 * The `role="alert"` box; nothing when all is well. Readers get one plain sentence; with
 * `debug` (an editor's preview, a developer) every error is listed with its path.
 */
export function errorBox(errors: readonly Issue[], somethingShown: boolean, debug: boolean, m: Messages): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  if (!debug) return html`<div class="alert" role="alert" part="alert"><p>${somethingShown ? m.common.someNotShown : `${m.common.errorTitle}${m.common.stop}`}</p></div>`;
  return html`<div class="alert" role="alert" part="alert">
    <strong>${somethingShown ? m.common.partialErrorTitle(errors.length) : m.common.errorTitle}</strong>
    <ul>${errors.slice(0, 20).map((e) => html`<li>${e.path ? html`<code>${e.path}</code>: ` : ''}${e.message}</li>`)}</ul>
  </div>`;
}

/** The loading status while data is on its way. */
export function loadingStatus(loading: boolean, m: Messages): TemplateResult | typeof nothing {
  return loading ? html`<p class="status" role="status">${m.common.loading}</p>` : nothing;
}

/** The legend: what each mark means, in words. */
export function legend(items: readonly LegendItem[], m: Messages): TemplateResult {
  return html`<ul class="legend" part="legend" aria-label=${m.common.legendTitle}>
    <li class="legend-title" aria-hidden="true">${m.common.legendTitle}</li>
    ${items.map((i) => html`<li><svg width=${i.width} height="16" aria-hidden="true">${i.glyph}</svg><span>${i.text}</span></li>`)}
  </ul>`;
}

/** The details panel, with its close button. */
export function detailsPanel(body: unknown, onClose: () => void, label: { labelledBy: string } | { label: string }, m: Messages): TemplateResult {
  return html`<section class="details" part="details" aria-labelledby=${'labelledBy' in label ? label.labelledBy : nothing}
      aria-label=${'label' in label ? label.label : nothing}>
    <button type="button" class="close" aria-label=${m.common.close} @click=${onClose}>×</button>
    ${body}
  </section>`;
}
