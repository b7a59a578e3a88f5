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
  /** Under the mouse pointer: previewed in the tip. */
  previewed: boolean;
  /** The accessible name: what tells the item apart. */
  label: string;
  /** The accessible description: the rest. */
  description: string;
}

const itemClass = (kind: 'place' | 'claim', s: ItemState) => (s.previewed ? `${kind} preview` : kind);

/**
 * A place as an option: what selection fills and outlines (its area, or its round target),
 * and the focus ring, which is a different shape (a dashed ring outside it). The pointer
 * lands on `pointerTargets`, not here.
 */
export function place(p: PlaceLayout, s: ItemState): SVGTemplateResult {
  const small = !p.area || p.radius < p.target;
  return svg`<g class=${itemClass('place', s)} role="option" data-place-id=${p.id} tabindex=${s.tabStop ? 0 : -1} aria-selected=${s.selected ? 'true' : 'false'} aria-label=${s.label}
      aria-description=${s.description || nothing} aria-details=${s.selected ? 'details' : nothing}>
    ${small ? svg`<circle class="hit" cx=${p.x} cy=${p.y} r=${p.target}></circle>` : svg`<path class="hit" d=${p.area}></path>`}
    ${
      small
        ? svg`<circle class="ring-halo" cx=${p.x} cy=${p.y} r=${p.target + 4}></circle><circle class="ring" cx=${p.x} cy=${p.y} r=${p.target + 4}></circle>`
        : svg`<path class="ring-halo" d=${p.area}></path><path class="ring" d=${p.area}></path>`
    }
  </g>`;
}

/** A claim as an option: a band along its line for selection, a dashed ring farther out for focus. */
export function arc(a: ArcLayout, s: ItemState): SVGTemplateResult {
  return svg`<g class=${itemClass('claim', s)} role="option" data-claim-id=${a.id} tabindex=${s.tabStop ? 0 : -1} aria-selected=${s.selected ? 'true' : 'false'} aria-label=${s.label}
      aria-description=${s.description || nothing} aria-details=${s.selected ? 'details' : nothing}>
    <path class="band" d=${a.band}></path>
    <path class="ring-halo" d=${a.ring}></path><path class="ring" d=${a.ring}></path>
  </g>`;
}

/**
 * Where the pointer lands, drawn above everything else and hidden from assistive technology:
 * claim lines first (each stopped short of its places), then every place's area and round
 * target, so a place is never covered by a line that ends in it or crosses it, and larger
 * areas go under smaller places.
 */
export function pointerTargets(l: MapLayout): SVGTemplateResult {
  return svg`
    ${l.arcs.map((a) => svg`<path class="claim-target" data-target-claim=${a.id} d=${a.hit}></path>`)}
    ${[...l.places]
      // Larger areas first, so a small place inside or beside one stays on top.
      .sort((a, b) => b.radius - a.radius)
      .map(
        (p) => svg`<g class="place-target" data-target-place=${p.id}>
        ${p.area ? svg`<path d=${p.area}></path>` : nothing}<circle cx=${p.x} cy=${p.y} r=${p.target}></circle>
      </g>`,
      )}`;
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
