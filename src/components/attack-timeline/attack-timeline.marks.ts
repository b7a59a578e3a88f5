/**
 * SVG templates of the timeline's marks, from the layout's geometry: event shapes, the
 * focusable mark groups, bins, labels, and the backdrop (axis, lanes, guides, uncertainty)
 * that assistive technology does not see. Pure functions of the layout: no element state.
 */
import { nothing, svg, type SVGTemplateResult } from 'lit';
import type { LegendItem } from '../../internal/chrome.js';
import type { Messages } from '../../i18n/messages.js';
import { SIZES, type BinLayout, type MarkLayout, type TimelineLayout, type VerticalLayout } from '../../layout/timeline-layout.js';
import type { SourcingStatus } from '../../model/types.js';

type Shape = Pick<MarkLayout, 'x' | 'y' | 'x1' | 'shape' | 'status'>;

const cross = (x: number, y: number, r = SIZES.crossRadius) => svg`<path class="cross" d="M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}"></path>`;

/** A point, milestone diamond or range bar; denied events are crossed out. */
export function shape(m: Shape, vertical: boolean): SVGTemplateResult {
  const { x, y } = m;
  const denied = m.status === 'denied' ? cross(x, y) : nothing;
  if (m.shape === 'range') {
    const x1 = m.x1 ?? x + SIZES.rangeMin;
    const h = vertical ? SIZES.rangeHeightVertical : SIZES.rangeHeight;
    return svg`<rect class="range shape" x=${x} y=${y - h / 2} width=${Math.max(SIZES.rangeMin, x1 - x)} height=${h} rx="3"></rect>${denied}`;
  }
  if (m.shape === 'milestone') {
    const r = SIZES.milestoneRadius;
    return svg`<path class="shape" d="M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z"></path>${denied}`;
  }
  return svg`<circle class="shape" cx=${x} cy=${y} r=${SIZES.radius}></circle>${denied}`;
}

export interface MarkState {
  tabStop: boolean;
  selected: boolean;
  highlighted: boolean;
  /** The accessible name: the date and title. */
  name: string;
  /** The accessible description: status, lane, sources. */
  description: string;
}

/** The focusable mark: hit area and shape. Its visible label is drawn in the backdrop. */
export function mark(m: MarkLayout, s: MarkState, vertical: boolean): SVGTemplateResult {
  const { box } = m;
  return svg`<g class=${s.highlighted ? 'mark highlight' : 'mark'} role="option" data-event-id=${m.id} data-status=${m.status}
      tabindex=${s.tabStop ? 0 : -1} aria-selected=${s.selected ? 'true' : 'false'} aria-label=${s.name} aria-description=${s.description || nothing}
      aria-details=${s.selected ? 'details' : nothing}>
    <rect class="hit" x=${box.x0} y=${box.y0} width=${Math.max(SIZES.hitMin, box.x1 - box.x0)} height=${Math.max(SIZES.hitMin, box.y1 - box.y0)}></rect>
    ${shape(m, vertical)}
  </g>`;
}

/** A bin of events too dense to draw one by one: its count; Enter zooms into it. */
export function bin(b: BinLayout, tabStop: boolean, label: string, count: string): SVGTemplateResult {
  return svg`<g class="bin" role="option" aria-selected="false" data-bin=${b.key} tabindex=${tabStop ? 0 : -1} aria-label=${label}>
    <rect x=${b.x0 + 1} y=${b.y - SIZES.binHalf} width=${Math.max(SIZES.hitMin, b.x1 - b.x0 - 2)} height=${SIZES.binHalf * 2 + 2} rx="4"></rect>
    <text x=${(b.x0 + b.x1) / 2} y=${b.y + SIZES.binBaseline}>${count}</text>
  </g>`;
}

function label(m: MarkLayout, vertical: boolean): SVGTemplateResult | typeof nothing {
  const l = m.label;
  if (!l) return nothing;
  if (vertical) {
    const meta = (m as VerticalLayout['marks'][number]).meta;
    const { metaLine, titleLine, metaGap, titleBaseline } = SIZES.vertical;
    return svg`<g class="text" data-status=${m.status}>
      <text class="meta" x=${l.x} y=${m.y - metaGap - (meta.length - 1) * metaLine}>${meta.map((line, i) => svg`<tspan x=${l.x} dy=${i ? metaLine : 0}>${line}</tspan>`)}</text>
      <text class="label row-title" x=${l.x} y=${m.y + titleBaseline}>${l.lines.map((line, i) => svg`<tspan x=${l.x} dy=${i ? titleLine : 0}>${line}</tspan>`)}</text>
    </g>`;
  }
  return svg`<g class="text" data-status=${m.status}><text class="label" x=${l.x} y=${m.y + SIZES.labelBaseline} text-anchor=${l.anchor}>${l.lines.map((line, i) => svg`<tspan x=${l.x} dy=${i ? SIZES.labelLine : 0}>${line}</tspan>`)}</text></g>`;
}

/**
 * Axis, lanes, guides, uncertainty and labels: drawn, but hidden from assistive technology.
 * Text comes last, over every line, each glyph with a halo in the lane's colour.
 */
export function backdrop(l: TimelineLayout): SVGTemplateResult {
  if (l.orientation === 'vertical') {
    const first = l.marks[0]?.y ?? 0;
    const last = l.marks[l.marks.length - 1]?.y ?? 0;
    return svg`
      <line class="spine" x1=${l.spineX} x2=${l.spineX} y1=${first} y2=${last}></line>
      ${l.headings.map((h) => svg`<text class="heading" x=${l.spineX - 6} y=${h.y}>${h.label}</text>`)}
      ${l.marks.map((m) => label(m, true))}`;
  }
  const { plot } = l;
  return svg`
    ${l.lanes.map((lane) => svg`<g class="lane"><rect x="0" y=${lane.y} width=${l.width} height=${lane.height - 4} rx="4"></rect></g>`)}
    ${l.ticks.map(
      (t) => svg`<g class=${t.major ? 'tick major' : 'tick'}>
      <line x1=${t.x} x2=${t.x} y1=${plot.top - 8} y2=${plot.bottom - 4}></line>
      <text x=${t.x + 4} y=${plot.top - 12}>${t.label}</text></g>`,
    )}
    ${l.marks.filter((m) => m.shape === 'milestone').map((m) => svg`<line class="guide" x1=${m.x} x2=${m.x} y1=${plot.top} y2=${plot.bottom - 4}></line>`)}
    ${l.marks.map(
      (m) => svg`
      ${m.extent ? svg`<line class="extent" x1=${m.extent.x0} x2=${m.extent.x1} y1=${m.y + SIZES.extentOffset} y2=${m.y + SIZES.extentOffset}></line>` : nothing}
      ${m.conflicts.map((cx) => svg`<path class="conflict" d="M${cx},${m.y}L${m.x},${m.y}"></path><circle class="conflict-dot" cx=${cx} cy=${m.y} r="5"></circle>`)}`,
    )}
    ${l.lanes.map((lane) => svg`<g class="lane"><text x=${plot.left} y=${lane.y + 15}>${lane.label}</text></g>`)}
    ${l.marks.map((m) => label(m, false))}`;
}

const STATUSES: readonly SourcingStatus[] = ['confirmed', 'reported', 'single-source', 'disputed', 'denied'];

/** The legend: every status, milestone, range, uncertain and conflicting date. */
export function legendItems(m: Messages): LegendItem[] {
  const glyph = (status: SourcingStatus, s: Shape['shape'] = 'point') => svg`<g class="mark" data-status=${status}>${shape({ x: 8, y: 8, x1: 24, shape: s, status }, false)}</g>`;
  return [
    ...STATUSES.map((s) => ({ glyph: glyph(s), text: `${m.common.status[s]}: ${m.common.statusMeaning[s]}`, width: 16 })),
    { glyph: glyph('confirmed', 'milestone'), text: m.timeline.milestone, width: 16 },
    { glyph: glyph('reported', 'range'), text: m.timeline.period, width: 26 },
    { glyph: svg`<line class="extent" x1="1" x2="23" y1="8" y2="8"></line>`, text: m.timeline.dateUncertain, width: 24 },
    { glyph: svg`<path class="conflict" d="M4,8L22,8"></path><circle class="conflict-dot" cx="4" cy="8" r="4"></circle>`, text: m.timeline.conflictingDate, width: 24 },
  ];
}
