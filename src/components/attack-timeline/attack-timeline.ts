import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ResizeController } from '../../controllers/resize-controller.js';
import { ZoomController } from '../../controllers/zoom-controller.js';
import { formatEventDate, formatResolvedDate, zoneName } from '../../i18n/format.js';
import type { AttackSelectDetail } from '../../events.js';
import { AttackElement } from '../../internal/attack-element.js';
import { rovingIndex } from '../../internal/keys.js';
import { LinkController } from '../../internal/link.js';
import { eventDetails } from '../../internal/details.js';
import { canvasMeasure } from '../../internal/measure.js';
import type { SizedMeasure } from '../../layout/text.js';
import {
  baseDomain,
  laneLevels,
  layoutTimeline,
  SIZES,
  type BinLayout,
  type HorizontalLayout,
  type MarkLayout,
  type TimelineLayout,
  type VerticalLayout,
} from '../../layout/timeline-layout.js';
import type { ResolvedEvent, ResolvedIncident } from '../../model/types.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { styles } from './attack-timeline.styles.js';

const VERTICAL_WINDOW = 200;
/** Above this many events the text list holds those in view, not all. */
const LIST_LIMIT = 1000;

/**
 * The timeline of an incident: a time axis in the incident's zone, one band per lane, point
 * and range events, milestones, zoom and pan, and details with sources. Narrow containers get
 * a vertical reading layout. One tab stop into the chart; arrow keys move through events in
 * time order.
 *
 * @fires attack-select - The reader selected an event (`detail.id`), or cleared it (`null`).
 * @fires attack-load - The incident loaded (`detail.incident`).
 * @fires attack-error - Something in the data or its loading was wrong (`detail.errors`, each `{path, message}`).
 *
 * @slot - Fallback content (e.g. an `<ol>` of events), shown before the element upgrades, while loading and on error.
 *
 * @csspart base - The figure around everything.
 * @csspart title - The incident title.
 * @csspart toolbar - The zoom buttons.
 * @csspart chart - The chart area.
 * @csspart legend - The legend explaining marks.
 * @csspart details - The details panel of the selected event.
 * @csspart alert - The error message.
 *
 * @cssproperty --attack-timeline-min-height - Space reserved before data arrives (default 320px).
 */
export class AttackTimeline extends AttackElement {
  static override styles = [sharedStyles, styles];

  private readonly size = new ResizeController(this);
  private readonly zoomer = new ZoomController(this);
  protected readonly linker = new LinkController(this);

  /** Events a linked map lit up (those naming the place chosen there). */
  @state() private highlighted: ReadonlySet<string> = new Set();

  /** Leaves out the title and summary (a story shows them once for all its parts). */
  @property({ type: Boolean, attribute: 'no-caption' }) noCaption = false;

  /** The event (or bin key) holding the chart's one tab stop. */
  @state() private focusedId: string | null = null;
  /** First event drawn by the vertical layout when a long list is windowed. */
  @state() private windowStart = 0;

  private measure: SizedMeasure | null = null;
  private levels: { for: ResolvedIncident; width: number; locale: string; value: number[] } | null = null;
  private layout: TimelineLayout | null = null;
  private layoutInputs: unknown[] = [];
  private focusAfterUpdate = false;

  /** `horizontal` or `vertical` once drawn; null before. */
  get orientation(): 'horizontal' | 'vertical' | null {
    return this.layout?.orientation ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const r = this.resolved;
    const width = this.size.width;
    if (!r || !r.events.length || width <= 0) {
      this.layout = null;
      return;
    }
    this.measure ??= canvasMeasure(getComputedStyle(this).fontFamily || 'sans-serif');
    const locale = this.effectiveLocale;
    // Lane heights are fixed per data and width so zooming never moves the page.
    if (!this.levels || this.levels.for !== r || this.levels.width !== width || this.levels.locale !== locale) {
      this.levels = { for: r, width, locale, value: laneLevels(r, width, this.measure) };
    }
    // Selection and focus do not move anything: lay out again only when an input changed.
    const transform = this.zoomer.transform;
    const inputs = [r, width, locale, this.effectiveTimeZone, transform.k, transform.x, this.levels.value, this.windowStart];
    if (this.layout && inputs.every((v, i) => v === this.layoutInputs[i])) return;
    this.layoutInputs = inputs;
    this.layout = layoutTimeline(r, {
      width,
      locale,
      timeZone: this.effectiveTimeZone,
      messages: this.messages,
      measure: this.measure,
      transform,
      levels: this.levels.value,
      windowStart: this.windowStart,
      windowSize: VERTICAL_WINDOW,
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const layout = this.layout;
    const plot = this.renderRoot.querySelector<SVGSVGElement>('svg.plot');
    if (layout?.orientation === 'horizontal' && plot) {
      const span = baseDomain(this.resolved!);
      const maxScale = (span[1] - span[0]) / (30 * 60_000);
      this.zoomer.attach(plot, layout.plot.left, layout.plot.right, layout.height, maxScale);
    }
    if (changed.has('selected') && this.selected && layout && !this.isDrawn(this.selected)) this.bringIntoView(this.selected);
    if (this.focusAfterUpdate && this.focusedId) {
      const target = this.renderRoot.querySelector<SVGGElement>(`[data-event-id="${CSS.escape(this.focusedId)}"], [data-bin="${CSS.escape(this.focusedId)}"]`);
      if (target) {
        this.focusAfterUpdate = false;
        target.focus();
      }
    }
  }

  /** Follows a linked element's selection without announcing one of its own. */
  followSelection(detail: AttackSelectDetail): void {
    const r = this.resolved;
    if (!r) return;
    if (detail.place) {
      const events = r.events.filter((e) => e.event.places?.includes(detail.place!));
      this.highlighted = new Set(events.map((e) => e.id));
      this.select(null);
      if (events[0] && !this.isDrawn(events[0].id)) this.bringIntoView(events[0].id);
      return;
    }
    this.highlighted = new Set();
    this.select(detail.id);
  }

  // Focus and selection

  private isDrawn(id: string): boolean {
    return Boolean(this.layout?.marks.some((m) => m.id === id));
  }

  /** Pans (horizontal) or moves the window (vertical) so the event is drawn. */
  private bringIntoView(id: string) {
    const r = this.resolved;
    const layout = this.layout;
    const e = r?.eventById.get(id);
    if (!r || !e || !layout) return;
    if (layout.orientation === 'vertical') {
      const index = r.events.indexOf(e);
      this.windowStart = Math.max(0, index - Math.floor(VERTICAL_WINDOW / 2));
      return;
    }
    const [d0, d1] = baseDomain(r);
    const { left, right } = layout.plot;
    const x = left + ((e.start.start + e.start.end) / 2 - d0) / (d1 - d0) * (right - left);
    this.zoomer.centerOn(x);
  }

  private moveFocus(id: string) {
    this.focusedId = id;
    this.focusAfterUpdate = true;
    if (!this.isDrawn(id)) this.bringIntoView(id);
    this.requestUpdate();
  }

  /** Ids in keyboard order: events in time order, or bins left to right. */
  private focusOrder(): string[] {
    const layout = this.layout;
    if (layout?.orientation === 'horizontal' && layout.bins.length) {
      return [...layout.bins].sort((a, b) => a.start - b.start || a.x0 - b.x0).map((b) => b.key);
    }
    return this.resolved?.events.map((e) => e.id) ?? [];
  }

  /** The element holding the tab stop: the focused, else the selected, else the first drawn. */
  private tabStop(layout: TimelineLayout): string | null {
    const drawn = new Set([...layout.marks.map((m) => m.id), ...(layout.orientation === 'horizontal' ? layout.bins.map((b) => b.key) : [])]);
    for (const id of [this.focusedId, this.selected]) if (id && drawn.has(id)) return id;
    const order = this.focusOrder();
    return order.find((id) => drawn.has(id)) ?? null;
  }

  private handleKeydown(event: KeyboardEvent) {
    const item = (event.target as Element).closest('[data-event-id], [data-bin]');
    if (!item) return;
    const id = item.getAttribute('data-event-id') ?? item.getAttribute('data-bin')!;
    const order = this.focusOrder();
    const i = order.indexOf(id);
    const horizontal = this.layout?.orientation === 'horizontal';
    const to = rovingIndex(event.key, i, order.length);
    if (to !== null) {
      event.preventDefault();
      if (to !== i) this.moveFocus(order[to]);
      return;
    }
    let handled = true;
    switch (event.key) {
      case 'Enter':
      case ' ':
        this.activate(item);
        break;
      case 'Escape':
        if (this.selected) this.userSelect(null);
        else handled = false;
        break;
      case '+':
      case '=':
        if (horizontal) this.zoomer.scaleBy(2);
        else handled = false;
        break;
      case '-':
        if (horizontal) this.zoomer.scaleBy(0.5);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  private activate(item: Element) {
    const binKey = item.getAttribute('data-bin');
    if (binKey) {
      this.zoomIntoBin(binKey);
      return;
    }
    const id = item.getAttribute('data-event-id');
    if (id) {
      this.focusedId = id;
      this.userSelect(id);
    }
  }

  private zoomIntoBin(key: string) {
    const layout = this.layout;
    const r = this.resolved;
    if (layout?.orientation !== 'horizontal' || !r) return;
    const bin = layout.bins.find((b) => b.key === key);
    if (!bin) return;
    const [d0, d1] = baseDomain(r);
    const { left, right } = layout.plot;
    const toX = (t: number) => left + ((t - d0) / (d1 - d0)) * (right - left);
    const pad = (bin.end - bin.start) * 0.05 + 60_000;
    this.zoomer.zoomTo(toX(bin.start - pad), toX(bin.end + pad), left, right);
    const first = r.events.find((e) => e.lane === bin.lane && e.start.start >= bin.start);
    if (first) this.moveFocus(first.id);
  }

  private handleClick(event: MouseEvent) {
    const item = (event.target as Element).closest('[data-event-id], [data-bin]');
    if (item) this.activate(item);
  }

  private handleFocusIn(event: FocusEvent) {
    const item = (event.target as Element).closest('[data-event-id], [data-bin]');
    const id = item?.getAttribute('data-event-id') ?? item?.getAttribute('data-bin');
    if (id && id !== this.focusedId) this.focusedId = id;
  }

  private closeDetails() {
    const id = this.selected;
    this.userSelect(null);
    if (id && this.isDrawn(id)) this.moveFocus(id);
  }

  // Rendering

  private eventLabel(e: ResolvedEvent): string {
    const m = this.messages;
    const lane = this.resolved?.lanes.find((l) => l.id === e.lane)?.label ?? e.lane;
    const date = formatEventDate(e, this.effectiveLocale, this.effectiveTimeZone, m);
    return [`${date}: ${e.event.title}`, m.status[e.status], e.milestone ? m.milestone : '', lane].filter(Boolean).join('. ');
  }

  private renderShape(m: MarkLayout, vertical = true): SVGTemplateResult {
    const { x, y } = m;
    const cross = m.status === 'denied'
      ? svg`<path class="cross" d="M${x - 4},${y - 4}L${x + 4},${y + 4}M${x + 4},${y - 4}L${x - 4},${y + 4}"></path>`
      : nothing;
    if (m.shape === 'range') {
      const x1 = m.x1 ?? x + 8;
      const h = vertical ? 14 : 22;
      return svg`<rect class="range shape" x=${x} y=${y - h / 2} width=${Math.max(8, x1 - x)} height=${h} rx="3"></rect>${cross}`;
    }
    if (m.shape === 'milestone') {
      const r = SIZES.milestoneRadius;
      return svg`<path class="shape" d="M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z"></path>${cross}`;
    }
    return svg`<circle class="shape" cx=${x} cy=${y} r=${SIZES.radius}></circle>${cross}`;
  }

  /**
   * The focusable mark: hit area, focus ring and shape. Its accessible name carries the full
   * date and title; the visible (possibly shortened) label is drawn in the backdrop.
   */
  private renderMark(m: MarkLayout, tabStop: string | null, vertical: boolean): SVGTemplateResult {
    const { box } = m;
    return svg`<g class=${this.highlighted.has(m.id) ? 'mark highlight' : 'mark'} role="option" data-event-id=${m.id} data-status=${m.status}
        tabindex=${m.id === tabStop ? 0 : -1} aria-selected=${m.id === this.selected ? 'true' : 'false'} aria-label=${this.eventLabel(m.event)}>
      <rect class="hit" x=${box.x0} y=${box.y0} width=${Math.max(24, box.x1 - box.x0)} height=${Math.max(24, box.y1 - box.y0)}></rect>
      ${this.renderShape(m, vertical)}
    </g>`;
  }

  private renderLabel(m: MarkLayout, vertical: boolean): SVGTemplateResult | typeof nothing {
    const label = m.label;
    if (!label) return nothing;
    if (vertical) {
      const meta = (m as VerticalLayout['marks'][number]).meta;
      return svg`<g class="text" data-status=${m.status}>
        <text class="meta" x=${label.x} y=${m.y - 12 - (meta.length - 1) * 16}>${meta.map((line, i) => svg`<tspan x=${label.x} dy=${i ? 16 : 0}>${line}</tspan>`)}</text>
        <text class="label row-title" x=${label.x} y=${m.y + 5}>${label.lines.map((line, i) => svg`<tspan x=${label.x} dy=${i ? 20 : 0}>${line}</tspan>`)}</text>
      </g>`;
    }
    return svg`<g class="text" data-status=${m.status}><text class="label" x=${label.x} y=${m.y + 4.5} text-anchor=${label.anchor}>${label.lines.map((line, i) => svg`<tspan x=${label.x} dy=${i ? SIZES.labelLine : 0}>${line}</tspan>`)}</text></g>`;
  }

  private renderBin(b: BinLayout, tabStop: string | null): SVGTemplateResult {
    const locale = this.effectiveLocale;
    const zone = this.effectiveTimeZone;
    const fmt = (t: number) => formatResolvedDate({ text: '', start: t, end: t, unit: 'minute', approximate: false, hasOffset: true }, locale, zone);
    const count = new Intl.NumberFormat(locale).format(b.count);
    return svg`<g class="bin" role="option" aria-selected="false" data-bin=${b.key} tabindex=${b.key === tabStop ? 0 : -1}
        aria-label=${this.messages.binLabel(b.count, fmt(b.start), fmt(b.end))}>
      <rect x=${b.x0 + 1} y=${b.y - 12} width=${Math.max(24, b.x1 - b.x0 - 2)} height="26" rx="4"></rect>
      <text x=${(b.x0 + b.x1) / 2} y=${b.y + 5}>${count}</text>
    </g>`;
  }

  /** Axis, lanes, guides and uncertainty marks: drawn, but hidden from assistive technology. */
  private renderBackdrop(l: TimelineLayout): SVGTemplateResult {
    if (l.orientation === 'vertical') {
      const first = l.marks[0]?.y ?? 0;
      const last = l.marks[l.marks.length - 1]?.y ?? 0;
      return svg`
        <line class="spine" x1=${l.spineX} x2=${l.spineX} y1=${first} y2=${last}></line>
        ${l.headings.map((h) => svg`<text class="heading" x=${l.spineX - 6} y=${h.y}>${h.label}</text>`)}
        ${l.marks.map((m) => this.renderLabel(m, true))}`;
    }
    const { plot } = l;
    return svg`
      ${l.lanes.map((lane) => svg`<g class="lane"><rect x="0" y=${lane.y} width=${l.width} height=${lane.height - 4} rx="4"></rect>
        <text x=${plot.left} y=${lane.y + 15}>${lane.label}</text></g>`)}
      ${l.ticks.map((t) => svg`<g class=${t.major ? 'tick major' : 'tick'}>
        <line x1=${t.x} x2=${t.x} y1=${plot.top - 8} y2=${plot.bottom - 4}></line>
        <text x=${t.x + 4} y=${plot.top - 12}>${t.label}</text></g>`)}
      ${l.marks.filter((m) => m.shape === 'milestone').map((m) => svg`<line class="guide" x1=${m.x} x2=${m.x} y1=${plot.top} y2=${plot.bottom - 4}></line>`)}
      ${l.marks.map((m) => svg`
        ${m.extent ? svg`<line class="extent" x1=${m.extent.x0} x2=${m.extent.x1} y1=${m.y + 11} y2=${m.y + 11}></line>` : nothing}
        ${m.conflicts.map((cx) => svg`<path class="conflict" d="M${cx},${m.y}L${m.x},${m.y}"></path><circle class="conflict-dot" cx=${cx} cy=${m.y} r="5"></circle>`)}`)}
      ${l.marks.map((m) => this.renderLabel(m, false))}`;
  }

  private renderChart(l: TimelineLayout): TemplateResult {
    const m = this.messages;
    const tabStop = this.tabStop(l);
    const vertical = l.orientation === 'vertical';
    const title = this.incident?.title ?? '';
    return html`
      <div class="chart" part="chart" @keydown=${this.handleKeydown} @click=${this.handleClick} @focusin=${this.handleFocusIn}>
        <svg class="layer" aria-hidden="true" width=${l.width} height=${l.height} viewBox="0 0 ${l.width} ${l.height}">${this.renderBackdrop(l)}</svg>
        <svg class=${vertical ? 'plot vertical' : 'plot'} role="listbox" aria-label=${m.chartLabel(title)} aria-describedby="help"
          width=${l.width} height=${l.height} viewBox="0 0 ${l.width} ${l.height}">
          ${l.marks.map((mark) => this.renderMark(mark, tabStop, vertical))}
          ${l.orientation === 'horizontal' ? l.bins.map((b) => this.renderBin(b, tabStop)) : nothing}
        </svg>
      </div>
      <p id="help" class="sr-only">${m.keyboardHelp}</p>`;
  }

  private renderToolbar(l: HorizontalLayout): TemplateResult {
    const m = this.messages;
    const zoomed = this.zoomer.transform.k > 1.001;
    return html`<div class="toolbar" part="toolbar">
      <div role="group" aria-label=${m.zoomControls}>
        <button type="button" @click=${() => this.zoomer.scaleBy(0.5)} ?disabled=${!zoomed} aria-label=${m.zoomOut}>−</button>
        <button type="button" @click=${() => this.zoomer.scaleBy(2)} aria-label=${m.zoomIn}>+</button>
        <button type="button" @click=${() => this.zoomer.reset()} ?disabled=${!zoomed}>${m.showAll}</button>
      </div>
      <span class="hint">${l.bins.length ? m.events(l.inView) + ' · ' : ''}${m.wheelHint}</span>
    </div>`;
  }

  private renderLegend(): TemplateResult {
    const m = this.messages;
    const glyph = (status: string, shape: 'point' | 'milestone' | 'range' = 'point') =>
      svg`<g class="mark" data-status=${status}>${this.renderShape({ x: 8, y: 8, x1: 24, shape } as MarkLayout)}${status === 'denied' ? svg`<path class="cross" d="M4,4L12,12M12,4L4,12"></path>` : nothing}</g>`;
    const item = (g: SVGTemplateResult, text: string, width = 16) =>
      html`<li><svg width=${width} height="16" aria-hidden="true">${g}</svg><span>${text}</span></li>`;
    return html`<ul class="legend" part="legend" aria-label=${m.legendTitle}>
      <li class="legend-title" aria-hidden="true">${m.legendTitle}</li>
      ${(['confirmed', 'reported', 'single-source', 'disputed', 'denied'] as const).map((s) => item(glyph(s), `${m.status[s]}: ${m.statusMeaning[s]}`))}
      ${item(glyph('confirmed', 'milestone'), m.milestone)}
      ${item(glyph('reported', 'range'), m.range_, 26)}
      ${item(svg`<line class="extent" x1="1" x2="23" y1="8" y2="8"></line>`, m.dateUncertain, 24)}
      ${item(svg`<path class="conflict" d="M4,8L22,8"></path><circle class="conflict-dot" cx="4" cy="8" r="4"></circle>`, m.conflictingDate, 24)}
    </ul>`;
  }

  private renderDetails(e: ResolvedEvent): TemplateResult {
    return html`<section class="details" part="details" aria-labelledby="details-title">
      <button type="button" class="close" aria-label=${this.messages.close} @click=${this.closeDetails}>×</button>
      ${eventDetails(e, { resolved: this.resolved!, locale: this.effectiveLocale, zone: this.effectiveTimeZone, messages: this.messages })}
    </section>`;
  }

  /**
   * Every event as text, in order: the data table for assistive technology and print. At
   * forensic scale it lists the events in view (at most LIST_LIMIT) and says so.
   */
  private renderList(r: ResolvedIncident): TemplateResult {
    const m = this.messages;
    const locale = this.effectiveLocale;
    const zone = this.effectiveTimeZone;
    let events = r.events;
    if (events.length > LIST_LIMIT) {
      const l = this.layout;
      const [d0, d1] = l?.orientation === 'horizontal' ? l.domain : [-Infinity, Infinity];
      const from = l?.orientation === 'vertical' ? l.window.from : 0;
      events = events.filter((e) => e.start.start <= d1 && (e.end ?? e.start).end >= d0).slice(from, from + LIST_LIMIT);
    }
    const limited = events.length < r.events.length;
    return html`${limited ? html`<p class="sr-only">${m.listLimited(events.length, r.events.length)}</p>` : nothing}
      <ol class="sr-only print-list" aria-label=${m.allEvents}>
        ${events.map((e) => html`<li>${formatEventDate(e, locale, zone, m)}: <bdi>${e.event.title}</bdi>. ${m.status[e.status]}.${e.sources.length ? html` ${m.sources}: <bdi>${e.sources.map((s) => s.publisher || s.title || s.id).join('; ')}</bdi>.` : ''}</li>`)}
      </ol>`;
  }


  protected override render(): TemplateResult {
    const m = this.messages;
    const r = this.resolved;
    const incident = this.incident;
    if (!r || !incident) {
      return this.renderPending();
    }
    const l = this.layout;
    const selected = this.selected ? r.eventById.get(this.selected) : undefined;
    const zone = this.effectiveTimeZone;
    const locale = this.effectiveLocale;
    const summary = r.extent
      ? m.summary(r.events.length, formatResolvedDate(r.events[0].start, locale, zone),
          formatResolvedDate(r.events[r.events.length - 1].end ?? r.events[r.events.length - 1].start, locale, zone), zoneName(locale, zone, r.extent[0]))
      : '';
    const vertical = l?.orientation === 'vertical' ? l : null;
    return html`<figure part="base" data-layout=${l?.orientation ?? 'none'}>
      <figcaption class=${this.noCaption ? 'sr-only' : ''}>
        <p class="caption-title" part="title">${incident.title}</p>
        ${summary ? html`<p class="summary">${summary}</p>` : nothing}
      </figcaption>
      ${this.renderErrors()}
      ${r.events.length === 0 ? html`<p class="status" role="status">${m.empty}</p>` : nothing}
      ${l?.orientation === 'horizontal' ? this.renderToolbar(l) : nothing}
      ${vertical && vertical.window.from > 0
        ? html`<button type="button" class="more" @click=${() => (this.windowStart = Math.max(0, vertical.window.from - VERTICAL_WINDOW))}>↑ ${m.events(vertical.window.from)}</button>`
        : nothing}
      ${l ? this.renderChart(l) : nothing}
      ${vertical && vertical.window.to < vertical.window.total
        ? html`<button type="button" class="more" @click=${() => (this.windowStart = vertical.window.to)}>↓ ${m.events(vertical.window.total - vertical.window.to)}</button>`
        : nothing}
      ${r.events.length ? this.renderLegend() : nothing}
      ${selected ? this.renderDetails(selected) : nothing}
      ${this.renderList(r)}
    </figure>`;
  }
}
