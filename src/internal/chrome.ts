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
  /** Said already elsewhere (a story's other legend): drawn, but not read again. */
  hidden?: boolean;
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
    ${items.map((i) => html`<li aria-hidden=${i.hidden ? 'true' : nothing}><svg width=${i.width} height="16" aria-hidden="true">${i.glyph}</svg><span>${i.text}</span></li>`)}
  </ul>`;
}

/**
 * A real heading at a level the page chose (1–6), so that the elements fit the page's
 * outline: `<h2 class="caption-title" id="title">…</h2>`.
 */
export function heading(level: number, content: unknown, cls: string, id?: string, part?: string): TemplateResult {
  const i = id ?? nothing;
  const p = part ?? nothing;
  switch (Math.min(6, Math.max(1, level))) {
    case 1:
      return html`<h1 class=${cls} id=${i} part=${p}>${content}</h1>`;
    case 2:
      return html`<h2 class=${cls} id=${i} part=${p}>${content}</h2>`;
    case 3:
      return html`<h3 class=${cls} id=${i} part=${p}>${content}</h3>`;
    case 4:
      return html`<h4 class=${cls} id=${i} part=${p}>${content}</h4>`;
    case 5:
      return html`<h5 class=${cls} id=${i} part=${p}>${content}</h5>`;
    default:
      return html`<h6 class=${cls} id=${i} part=${p}>${content}</h6>`;
  }
}

/** The details panel, with its close button. Options that open it point to it with `aria-details="details"`. */
export function detailsPanel(body: unknown, onClose: () => void, label: { labelledBy: string } | { label: string }, m: Messages): TemplateResult {
  return html`<section id="details" class="details" part="details" aria-labelledby=${'labelledBy' in label ? label.labelledBy : nothing}
      aria-label=${'label' in label ? label.label : nothing}>
    <button type="button" class="close" aria-label=${m.common.close} @click=${onClose}>×</button>
    ${body}
  </section>`;
}
