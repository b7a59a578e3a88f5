/**
 * SVG templates of the map, from the layout's geometry: the backdrop (land, boundaries,
 * areas, arcs, markers, labels) that assistive technology does not see, the focusable place
 * and claim groups, and the legend's glyphs. Pure functions of the layout and what is lit.
 */
import { nothing, svg, type SVGTemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import type { LegendItem } from '../../internal/chrome.js';
import type { ArcLayout, MapLayout, PlaceLayout } from '../../layout/map-layout.js';
import type { Emphasis } from '../../model/selection.js';
import type { SourcingStatus } from '../../model/types.js';

/** Land, boundaries, areas, arcs, markers and labels; what is lit is emphasised. */
export function backdrop(l: MapLayout, lit: Emphasis): SVGTemplateResult {
  return svg`
    ${l.land ? svg`<path class="land" d=${l.land}></path>` : nothing}
    ${l.boundaries ? svg`<path class="boundary" d=${l.boundaries}></path>` : nothing}
    ${l.places.filter((p) => p.area).map((p) => svg`<path class=${lit.places.has(p.id) ? 'area highlight' : 'area'} ?data-outline=${Boolean(p.place.shape)} d=${p.area}></path>`)}
    ${l.arcs.map((a) => svg`<path class=${lit.claims.has(a.id) ? 'arc highlight' : 'arc'} data-status=${a.status} stroke-opacity=${a.opacity.toFixed(2)} d=${a.d}></path>`)}
    ${l.places
      .filter((p) => !p.area)
      .map((p) =>
        p.role === 'target'
          ? svg`<circle class="target-ring" cx=${p.x} cy=${p.y} r=${p.marker + 4}></circle><circle class="target" cx=${p.x} cy=${p.y} r=${p.marker}></circle>`
          : svg`<circle class="reference" cx=${p.x} cy=${p.y} r=${p.marker}></circle>`,
      )}
    ${l.places.map((p) =>
      p.label
        ? svg`<text class="place-label" data-role=${p.role} x=${p.label.x} y=${p.label.y} text-anchor=${p.label.anchor}>${p.label.lines.map((line, i) => svg`<tspan x=${p.label!.x} dy=${i ? 16 : 0}>${line}</tspan>`)}</text>`
        : nothing,
    )}`;
}

export interface ItemState {
  tabStop: boolean;
  selected: boolean;
  /** The accessible name: what tells the item apart. */
  label: string;
  /** The accessible description: the rest. */
  description: string;
}

/** A place's hit area: its outline, or a circle around its marker. */
export function place(p: PlaceLayout, s: ItemState): SVGTemplateResult {
  return svg`<g class="place" role="option" data-place-id=${p.id} tabindex=${s.tabStop ? 0 : -1} aria-selected=${s.selected ? 'true' : 'false'} aria-label=${s.label}
      aria-description=${s.description || nothing} aria-details=${s.selected ? 'details' : nothing}>
    ${p.area ? svg`<path class="hit" d=${p.area}></path>` : svg`<circle class="hit" cx=${p.x} cy=${p.y} r=${Math.max(12, p.marker + 6)}></circle>`}
  </g>`;
}

/** A claim's hit area along its arc. */
export function arc(a: ArcLayout, s: ItemState): SVGTemplateResult {
  return svg`<g class="claim" role="option" data-claim-id=${a.id} tabindex=${s.tabStop ? 0 : -1} aria-selected=${s.selected ? 'true' : 'false'} aria-label=${s.label}
      aria-description=${s.description || nothing} aria-details=${s.selected ? 'details' : nothing}>
    <path class="hit" d=${a.d}></path>
  </g>`;
}

const STATUSES: readonly SourcingStatus[] = ['confirmed', 'reported', 'single-source', 'disputed', 'denied'];

/** The legend: every status's line, strength, areas and the target. */
export function legendItems(m: Messages, inStory = false): LegendItem[] {
  const line = (status: string, opacity = '') => svg`<path class="arc" data-status=${status} stroke-opacity=${opacity || nothing} d="M2,8L30,8"></path>`;
  return [
    // In a story the timeline's legend has already said what each status means.
    ...STATUSES.map((s) => ({ glyph: line(s), text: `${m.common.status[s]}: ${m.common.statusMeaning[s]}`, width: 32, hidden: inStory })),
    { glyph: line('confirmed', '0.55'), text: m.map.legendStrength, width: 32 },
    { glyph: svg`<circle class="area" cx="16" cy="8" r="7"></circle>`, text: m.map.legendArea, width: 32 },
    { glyph: svg`<circle class="target" cx="16" cy="8" r="5"></circle>`, text: m.map.legendTarget, width: 32 },
  ];
}
