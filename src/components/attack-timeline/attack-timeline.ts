/**
 * `<attack-timeline>`: the element that draws an incident's timeline from the layout, and
 * handles the reader's zoom, pan, keyboard and selection. Geometry comes from
 * src/layout/timeline-layout.ts, mark templates from attack-timeline.marks.ts.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { property, state } from 'lit/decorators.js';
import { ResizeController } from '../../controllers/resize-controller.js';
import { RovingFocusController, type FocusItem } from '../../controllers/roving-focus-controller.js';
import { SoundController } from '../../controllers/sound-controller.js';
import { ZoomController } from '../../controllers/zoom-controller.js';
import { formatEventDate, formatResolvedDate, zoneName } from '../../i18n/format.js';
import { AttackElement } from '../../internal/attack-element.js';
import { heading } from '../../internal/chrome.js';
import { applyDescribe, DESCRIPTION_MAX, eventText, incidentDescription, langOf } from '../../internal/describe.js';
import { eventDetails, eventPage, sourceName } from '../../internal/details.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { clipText, SHOWN_MAX, type SizedMeasure } from '../../layout/text.js';
import { laneLevels, layoutTimeline, SIZES, type BinLayout, type HorizontalLayout, type TimelineLayout } from '../../layout/timeline-layout.js';
import { emphasisFor, type Selection } from '../../model/selection.js';
import type { ResolvedEvent, ResolvedIncident, ResolvedSource } from '../../model/types.js';
import { backdrop, bin, legendItems, mark } from './attack-timeline.marks.js';
import { styles } from './attack-timeline.styles.js';

const VERTICAL_WINDOW = 200;
/** How long a cut label's tip stays after the pointer leaves its mark for anything but the tip. */
const TIP_GRACE_MS = 300;
/** Above this many events the text list holds those in view, not all. */
const LIST_LIMIT = 1000;

const eventItem = (id: string): FocusItem => ({ kind: 'event', id });

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
 * @csspart toolbar - The zoom, pan (Earlier, Later) and sound buttons.
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
  private readonly sound = new SoundController(this, () => this.sayStatus(this.messages.timeline.stopped));
  private readonly roving = new RovingFocusController(this, {
    order: () => this.focusOrder(),
    itemOf: (node) => {
      const el = node.closest('[data-event-id], [data-bin]');
      const id = el?.getAttribute('data-event-id');
      if (id != null) return eventItem(id);
      const key = el?.getAttribute('data-bin');
      return key != null ? { kind: 'bin', id: key } : null;
    },
    element: (item) => this.markElement(item),
    preferred: () => (this.selected ? [eventItem(this.selected)] : []),
    reveal: (item) => item.kind === 'event' && this.bringIntoView(item.id),
    activate: (item) => this.activate(item),
    escape: () => {
      if (this.stopSound()) return true;
      if (!this.selected && !this.selection.place) return false;
      this.userSelect(null);
      return true;
    },
    key: (event, item) => {
      const l = this.layout;
      if (l?.orientation !== 'horizontal') return false;
      // Zoom about the focused event, so it stays where it is, and focused.
      const at = item.kind === 'event' ? l.marks.find((k) => k.id === item.id)?.x : undefined;
      if (event.key === '+' || event.key === '=') this.zoomer.scaleBy(2, at);
      else if (event.key === '-') this.zoomer.scaleBy(0.5, at);
      else return false;
      return true;
    },
  });

  /** First event drawn by the vertical layout when a long list is windowed. */
  @state() private windowStart = 0;

  /**
   * In a story: how many of the first events the vertical (phone) layout lists before a
   * "Show all N events" button; 0 lists them all. Choosing an event further on, and printing,
   * show them all.
   * @internal
   */
  @property({ attribute: false }) collapseTo = 0;
  /**
   * The event whose whole title shows in a tip over the chart: a mark whose label is cut short
   * (or left out), under a mouse pointer or focused. Escape hides it wherever focus is.
   */
  @state() private tipFor: string | null = null;
  /** One Escape, one thing closed: with a tip shown, Escape hides the tip and goes no further. */
  private readonly escapeTip = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.tipFor) return;
    this.tipFor = null;
    event.preventDefault();
    event.stopPropagation();
  };
  /** A short wait before the tip goes, so the pointer can cross onto it. */
  private tipTimer = 0;
  /** An event chosen while not yet drawn (a shortened phone list): kept above the details once it is. */
  private keepPending: string | null = null;

  /** The data whose whole list the reader asked for (new data is cut again). */
  @state() private expandedFor: ResolvedIncident | null = null;

  /** Whether the vertical list is cut to {@link collapseTo} events now. */
  private get collapsed(): boolean {
    return this.collapseTo > 0 && this.expandedFor !== this.resolved && !this.printing && (this.resolved?.events.length ?? 0) > this.collapseTo + 2;
  }
  /** The reader asked for the events as a table. */
  @state() private tableOpen = false;
  /** The page is being printed: the table is drawn whatever the toggle says. */
  @state() private printing = false;
  private printQuery: MediaQueryList | null = null;
  private readonly onPrint = () => (this.printing = Boolean(this.printQuery?.matches));
  private readonly beforePrint = () => (this.printing = true);
  private readonly afterPrint = () => this.onPrint();

  private levels: { for: ResolvedIncident; width: number; locale: string; measure: SizedMeasure; value: number[] } | null = null;
  private layout: TimelineLayout | null = null;
  /** The text scale the layout was made at: its units times this are CSS px. */
  private scale = 1;
  private layoutInputs: unknown[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.printQuery = window.matchMedia('print');
    this.printQuery.addEventListener('change', this.onPrint);
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printQuery?.removeEventListener('change', this.onPrint);
    this.printQuery = null;
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    document.removeEventListener('keydown', this.escapeTip, true);
    window.clearTimeout(this.tipTimer);
    this.tipFor = null;
  }

  /** `horizontal` or `vertical` once drawn; null before. */
  get orientation(): 'horizontal' | 'vertical' | null {
    return this.layout?.orientation ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const r = this.resolved;
    // Laid out at a 15 px text base and drawn scaled by `--attack-font-size` (see textScale).
    const scale = (this.scale = this.textScale);
    const width = this.size.width / scale;
    // New data: what was playing is no longer what is shown.
    if (this.sound.playing && this.sound.playingFrom !== r) this.stopSound();
    if (!r || !r.events.length || width <= 0) {
      this.layout = null;
      return;
    }
    const locale = this.effectiveLocale;
    // Lane heights are fixed per data and width so zooming never moves the page.
    const measure = this.measure;
    if (!this.levels || this.levels.for !== r || this.levels.width !== width || this.levels.locale !== locale || this.levels.measure !== measure) {
      this.levels = { for: r, width, locale, measure, value: laneLevels(r, width, measure) };
    }
    // Selection and focus do not move anything: lay out again only when an input changed.
    const transform = this.zoomer.transform;
    const collapsed = this.collapsed;
    const inputs = [r, width, locale, this.effectiveTimeZone, transform.k, transform.x, this.levels.value, this.windowStart, measure, collapsed];
    if (this.layout && inputs.every((v, i) => v === this.layoutInputs[i])) return;
    this.layoutInputs = inputs;
    this.layout = layoutTimeline(r, {
      width,
      locale,
      timeZone: this.effectiveTimeZone,
      messages: this.messages,
      measure,
      transform,
      levels: this.levels.value,
      windowStart: collapsed ? 0 : this.windowStart,
      windowSize: collapsed ? this.collapseTo : VERTICAL_WINDOW,
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncToolbarStop();
    const layout = this.layout;
    const plot = this.renderRoot.querySelector<SVGSVGElement>('svg.plot');
    if (layout?.orientation === 'horizontal' && plot) this.zoomer.attach(plot, layout.plot.left, layout.plot.right, layout.height, layout.maxScale);
    const id = this.shown.event;
    if (changed.has('selected') && id && layout && !this.isDrawn(id)) this.bringIntoView(id);
    if (changed.has('selected') && id && layout?.orientation === 'vertical') {
      if (this.isDrawn(id)) this.keepAboveDetails(id);
      else this.keepPending = id;
    } else if (this.keepPending && this.keepPending === id && this.isDrawn(id)) {
      this.keepPending = null;
      this.keepAboveDetails(id);
    }
    if (this.tipFor && this.isConnected) document.addEventListener('keydown', this.escapeTip, true);
    else document.removeEventListener('keydown', this.escapeTip, true);
    this.placeTip();
  }

  /** A drawn horizontal mark whose label does not show its whole title. */
  private cutMark(id: string | undefined) {
    const l = this.layout;
    const m = id && l?.orientation === 'horizontal' ? l.marks.find((k) => k.id === id) : undefined;
    return m && (!m.label || m.label.lines.join(' ').endsWith('…')) ? m : null;
  }

  private readonly handlePointerOver = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return; // a tap opens the details
    const target = event.target instanceof Element ? event.target : null;
    window.clearTimeout(this.tipTimer);
    if (target?.closest('.tip')) return; // the pointer may rest on the tip
    const item = target ? this.roving.options.itemOf(target) : null;
    if (item?.kind === 'event' && this.cutMark(item.id)) this.tipFor = item.id;
    else if (this.tipFor) this.tipTimer = window.setTimeout(() => (this.tipFor = null), TIP_GRACE_MS);
  };

  /** The pointer left the chart: the tip goes back to the focused mark's, if it has one. */
  private readonly leaveChart = () => {
    window.clearTimeout(this.tipTimer);
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const item = active ? this.roving.options.itemOf(active) : null;
    this.tipFor = item?.kind === 'event' && this.cutMark(item.id) ? item.id : null;
  };

  private readonly handleFocusIn = (event: FocusEvent) => {
    this.roving.handleFocusIn(event);
    const item = event.target instanceof Element ? this.roving.options.itemOf(event.target) : null;
    this.tipFor = item?.kind === 'event' && this.cutMark(item.id) ? item.id : null;
  };

  private readonly handleFocusOut = (event: FocusEvent) => {
    const chart = this.renderRoot.querySelector('.chart');
    if (!(event.relatedTarget instanceof Node && chart?.contains(event.relatedTarget))) this.tipFor = null;
  };

  /** Puts the tip under its mark's label (above it near the foot), inside the chart (CSSOM: a strict CSP allows it). */
  private placeTip() {
    const tip = this.renderRoot.querySelector<HTMLElement>('.chart > .tip');
    const m = this.cutMark(this.tipFor ?? undefined);
    const chart = this.renderRoot.querySelector<HTMLElement>('.chart');
    const mark = m && this.markElement(eventItem(m.id));
    if (!tip || !chart) return;
    if (!mark) {
      tip.hidden = true;
      return;
    }
    tip.hidden = false;
    const c = chart.getBoundingClientRect();
    const b = mark.getBoundingClientRect();
    const left = Math.max(0, Math.min(b.left - c.left, c.width - tip.offsetWidth));
    // Touching the mark's box, so the pointer can move onto it without leaving both.
    const below = b.bottom - c.top;
    const top = below + tip.offsetHeight > c.height ? Math.max(0, b.top - c.top - tip.offsetHeight) : below;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  /**
   * On a phone the details stay at the bottom of the window (sticky): when they open over the
   * chosen event, the page scrolls just enough to show the event above them.
   */
  private keepAboveDetails(id: string): void {
    const panel = this.renderRoot.querySelector('.details');
    const mark = [...this.renderRoot.querySelectorAll<SVGGElement>('[data-event-id]')].find((m) => m.getAttribute('data-event-id') === id);
    if (!panel || !mark) return;
    const p = panel.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    const overlap = m.bottom + 8 - p.top;
    // Only when the event is on screen and under the panel; never past the top of the window.
    if (overlap > 0 && m.top < innerHeight && m.bottom > 0) window.scrollBy({ top: Math.min(overlap, Math.max(0, m.top - 8)) });
  }

  /**
   * A place chosen on a linked map: its first event comes into view.
   * @internal
   */
  override selectionChanged(value: Selection, previous: Selection): void {
    super.selectionChanged(value, previous);
    // Any new choice replaces a dense bin's list in the details panel.
    if (this.binList && (value.event !== previous.event || value.place !== previous.place || value.claim !== previous.claim)) this.binList = null;
    const r = this.resolved;
    if (!r || value.place === undefined || value.place === previous.place) return;
    const first = r.eventsByPlace.get(value.place)?.[0];
    if (first && this.layout && !this.isDrawn(first.id)) this.bringIntoView(first.id);
  }

  // Focus and selection

  private isDrawn(id: string): boolean {
    return Boolean(this.layout?.marks.some((m) => m.id === id));
  }

  private markElement(item: FocusItem): SVGGElement | null {
    const attr = item.kind === 'bin' ? 'data-bin' : 'data-event-id';
    for (const el of this.renderRoot.querySelectorAll<SVGGElement>(`svg.plot [${attr}]`)) if (el.getAttribute(attr) === item.id) return el;
    return null;
  }

  /** Pans (horizontal) or moves the window (vertical) so the event is drawn. */
  private bringIntoView(id: string) {
    const r = this.resolved;
    const layout = this.layout;
    const e = r?.eventById.get(id);
    if (!r || !e || !layout) return;
    if (layout.orientation === 'vertical') {
      this.expandedFor = r;
      this.windowStart = Math.max(0, r.events.indexOf(e) - Math.floor(VERTICAL_WINDOW / 2));
    } else {
      // Zoomed in as far as it takes for the event's own mark to be drawn, not a bin.
      const k = this.zoomer.transform.k;
      const needed = layout.revealScale(e, k);
      if (needed > k * 1.0001) this.zoomer.zoomAbout(layout.centreOf(e), needed, layout.plot.left, layout.plot.right);
      else this.zoomer.centerOn(layout.centreOf(e));
    }
  }

  /** Items in keyboard order: events in time order, or bins left to right. */
  private focusOrder(): FocusItem[] {
    const layout = this.layout;
    if (layout?.orientation === 'horizontal' && layout.bins.length) {
      return [...layout.bins].sort((a, b) => a.start - b.start || a.x0 - b.x0).map((b) => ({ kind: 'bin', id: b.key }));
    }
    return this.resolved?.events.map((e) => eventItem(e.id)) ?? [];
  }

  private activate(item: FocusItem) {
    if (item.kind === 'bin') this.zoomIntoBin(item.id);
    else this.userSelect(item.id);
  }

  /**
   * True when zooming cannot open the bin: already at the deepest zoom, or its events are so
   * close in time that even the deepest zoom leaves them in one bin.
   */
  private cannotSplit(layout: HorizontalLayout, b: BinLayout): boolean {
    const deepest = this.zoomer.transform.k >= layout.maxScale * 0.98;
    const perMsAtDeepest = (layout.plot.right - layout.plot.left) / (30 * 60_000);
    return deepest || (b.end - b.start) * perMsAtDeepest < SIZES.binWidth;
  }

  private zoomIntoBin(key: string) {
    const layout = this.layout;
    const r = this.resolved;
    if (layout?.orientation !== 'horizontal' || !r) return;
    const b = layout.bins.find((x) => x.key === key);
    if (!b) return;
    if (this.cannotSplit(layout, b)) {
      // Listed instead, a page at a time: each event can still be reached and read.
      const events = r.events.filter((e) => {
        if (e.lane !== b.lane) return false;
        const mid = layout.x((e.start.start + e.start.end) / 2);
        return mid >= b.x0 && mid < b.x1 + (b.x1 === layout.plot.right ? 0.5 : 0);
      });
      if (events.length === 1) {
        this.userSelect(events[0]!.id);
        return;
      }
      this.binList = { key, count: b.count, start: b.start, end: b.end, events, page: 0 };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="details"] .events button')?.focus());
      return;
    }
    const [x0, x1] = layout.spanOf(b);
    this.zoomer.zoomTo(x0, x1, layout.plot.left, layout.plot.right);
    const first = r.events.find((e) => e.lane === b.lane && e.start.start >= b.start);
    if (first) this.roving.focus(eventItem(first.id));
  }

  private handleClick(event: MouseEvent) {
    const item = event.target instanceof Element ? this.roving.options.itemOf(event.target) : null;
    if (item) {
      this.roving.focused = item;
      this.activate(item);
    }
  }

  /** Closes the details; focus goes back to the event they were about. */
  private closeDetails() {
    const id = this.selected;
    this.userSelect(null);
    if (id) this.roving.focus(eventItem(id));
  }

  protected override dismiss(): boolean {
    if (this.stopSound()) return true;
    if (this.binList) {
      this.closeBinList();
      return true;
    }
    if (!this.shown.event) return false;
    this.closeDetails();
    return true;
  }

  /** @internal */
  /** "Show all N events": the whole list, and focus on the first event it adds (the button is gone). */
  private readonly showAllEvents = async () => {
    const next = this.resolved?.events[this.collapseTo];
    this.expandedFor = this.resolved;
    await this.updateComplete;
    if (next) this.roving.focus(eventItem(next.id), true);
  };

  override focusEvent(id: string): boolean {
    if (!this.resolved?.eventById.has(id)) return false;
    this.roving.focus(eventItem(id), true);
    return true;
  }

  // Sound

  /** The reader's click on Play as sound / Stop sound. The AudioContext is made here, in the click. */
  private readonly toggleSound = () => {
    if (this.stopSound()) return;
    const r = this.resolved;
    if (!r?.events.length) return;
    this.sound.play(r);
    if (this.sound.playing) this.sayStatus(this.messages.timeline.playing);
  };

  /** Stops the sound, saying so; false when none was playing. */
  private stopSound(): boolean {
    if (!this.sound.stop()) return false;
    this.sayStatus(this.messages.timeline.stopped);
    this.requestUpdate();
    return true;
  }

  // Rendering

  /** An event's accessible name (date and title) and description (status, lane, sources). */
  private eventText(e: ResolvedEvent) {
    return applyDescribe(this.describe, eventText(e, this.textContext));
  }

  private renderChart(l: TimelineLayout): TemplateResult {
    const m = this.messages;
    const drawn: FocusItem[] = l.marks.map((k) => eventItem(k.id));
    if (l.orientation === 'horizontal') for (const b of l.bins) drawn.push({ kind: 'bin', id: b.key });
    const stop = this.roving.tabStop(drawn);
    const vertical = l.orientation === 'vertical';
    const shown = this.shown;
    const lit = this.resolved ? emphasisFor(this.resolved, shown).events : new Set<string>();
    const locale = this.effectiveLocale;
    const fmt = (t: number) => this.instantText(t);
    const k = this.scale;
    return html`
      <div class="chart" part="chart" @keydown=${this.roving.handleKeydown} @click=${this.handleClick} @focusin=${this.handleFocusIn}
        @focusout=${this.handleFocusOut} @pointerover=${this.handlePointerOver} @pointerleave=${this.leaveChart}>
        <svg class="layer" aria-hidden="true" width=${l.width * k} height=${l.height * k} viewBox="0 0 ${l.width} ${l.height}">${backdrop(l)}</svg>
        <svg class=${vertical ? 'plot vertical' : 'plot'} role="listbox" aria-label=${m.timeline.label(this.incident?.title ?? '')} aria-describedby="help"
          width=${l.width * k} height=${l.height * k} viewBox="0 0 ${l.width} ${l.height}">
          ${repeat(
            l.marks,
            (k) => k.id,
            (k) =>
              mark(
                k,
                {
                  tabStop: stop?.kind === 'event' && stop.id === k.id,
                  selected: k.id === shown.event,
                  highlighted: lit.has(k.id),
                  ...this.eventText(k.event),
                },
                vertical,
              ),
          )}
          ${
            l.orientation === 'horizontal'
              ? repeat(
                  l.bins,
                  (b) => b.key,
                  (b) =>
                    bin(
                      b,
                      stop?.kind === 'bin' && stop.id === b.key,
                      (this.cannotSplit(l, b) ? m.timeline.binListLabel : m.timeline.binLabel)(b.count, fmt(b.start), fmt(b.end)),
                      new Intl.NumberFormat(locale).format(b.count),
                    ),
                )
              : nothing
          }
        </svg>
        ${this.renderTip()}
      </div>
      <p id="help" hidden>${m.timeline.keyboardHelp}</p>`;
  }

  /** A cut label's whole title, for the eye only: the mark's accessible name already holds it. */
  private renderTip(): TemplateResult | typeof nothing {
    const m = this.cutMark(this.tipFor ?? undefined);
    if (!m) return nothing;
    const lang = langOf(this.incident?.lang, this.effectiveLocale);
    return html`<div class="tip" aria-hidden="true" hidden><bdi lang=${ifDefined(lang)}>${clipText(m.event.event.title, SHOWN_MAX)}</bdi></div>`;
  }

  /**
   * Where the zoom buttons zoom about: the selected event, else the last focused one (a
   * bin's middle), when drawn in view; else undefined, the middle of the view.
   */
  private zoomAnchor(l: HorizontalLayout): number | undefined {
    const { left, right } = l.plot;
    const inView = (x: number) => (x >= left && x <= right ? x : undefined);
    const xOf = (item: FocusItem | null): number | undefined => {
      if (item?.kind === 'bin') {
        const b = l.bins.find((x) => x.key === item.id);
        return b && inView((b.x0 + b.x1) / 2);
      }
      const k = item ? l.marks.find((x) => x.id === item.id) : undefined;
      if (!k) return undefined;
      // A range bar: the middle of the part in view.
      return k.x1 === undefined ? inView(k.x) : inView((Math.max(k.x, left) + Math.min(k.x1, right)) / 2);
    };
    const id = this.shown.event;
    return (id !== undefined ? xOf(eventItem(id)) : undefined) ?? xOf(this.roving.focused);
  }

  /**
   * Zoom in, zoom out, show all, then earlier and later. Buttons with nothing to do are
   * aria-disabled, not disabled: they stay in the tab order, are read as unavailable, and
   * keep focus when they reach an end.
   */
  private renderToolbar(l: HorizontalLayout): TemplateResult {
    const m = this.messages;
    const t = this.zoomer.transform;
    const { left, right } = l.plot;
    const zoomed = t.k > 1.001;
    const deepest = t.k >= l.maxScale * 0.999;
    // The zoomed x of the unzoomed view's ends: at the plot's edges, nothing lies beyond.
    const atStart = t.k * left + t.x >= left - 0.5;
    const atEnd = t.k * right + t.x <= right + 0.5;
    const step = (right - left) / 2;
    const off = (b: boolean) => (b ? 'true' : 'false');
    return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${m.timeline.controls} @keydown=${this.toolbarKeydown} @focusin=${this.toolbarFocusin}>
      <div role="group" aria-label=${m.timeline.zoomControls}>
        <button type="button" aria-disabled=${off(!zoomed)} @click=${() => zoomed && this.zoomer.scaleBy(0.5, this.zoomAnchor(l))} aria-label=${m.timeline.zoomOut}>−</button>
        <button type="button" aria-disabled=${off(deepest)} @click=${() => deepest || this.zoomer.scaleBy(2, this.zoomAnchor(l))} aria-label=${m.timeline.zoomIn}>+</button>
        <button type="button" aria-disabled=${off(!zoomed)} @click=${() => zoomed && this.zoomer.reset()}>${m.timeline.showAll}</button>
      </div>
      <div role="group" aria-label=${m.timeline.panControls}>
        <button type="button" aria-disabled=${off(atStart)} @click=${() => atStart || this.zoomer.panBy(step)} aria-label=${m.timeline.panEarlier}>
          <span aria-hidden="true">←</span> ${m.timeline.panEarlier}
        </button>
        <button type="button" aria-disabled=${off(atEnd)} @click=${() => atEnd || this.zoomer.panBy(-step)} aria-label=${m.timeline.panLater}>
          ${m.timeline.panLater} <span aria-hidden="true">→</span>
        </button>
      </div>
      ${this.renderSoundButton()}
      <span class="hint">${l.bins.length ? m.common.events(l.inView) + ' · ' : ''}${m.timeline.wheelHint}</span>
    </div>`;
  }

  /** The toolbar's buttons, in order. */
  private toolbarButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar button')];
  }

  /** The toolbar is one tab stop (the button used last); arrow keys, Home and End move within it. */
  private readonly toolbarKeydown = (event: KeyboardEvent) => {
    const buttons = this.toolbarButtons();
    const i = buttons.indexOf(event.target as HTMLButtonElement);
    if (i < 0) return;
    const to =
      event.key === 'ArrowRight'
        ? (i + 1) % buttons.length
        : event.key === 'ArrowLeft'
          ? (i - 1 + buttons.length) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    buttons[to]!.focus();
  };

  private readonly toolbarFocusin = (event: FocusEvent) => {
    const buttons = this.toolbarButtons();
    const i = buttons.indexOf(event.target as HTMLButtonElement);
    if (i >= 0) this.toolbarStop = i;
    this.syncToolbarStop();
  };

  /** Which toolbar button holds the tab stop. */
  private toolbarStop = -1;

  /** A bin that zooming cannot open, listed in the details panel; its events and page. */
  @state() private binList: { key: string; count: number; start: number; end: number; events: ResolvedEvent[]; page: number } | null = null;

  private closeBinList() {
    const key = this.binList?.key;
    this.binList = null;
    if (key) this.roving.focus({ kind: 'bin', id: key });
  }

  private syncToolbarStop() {
    const buttons = this.toolbarButtons();
    // By default the first button that can act (Zoom in, before anything is zoomed).
    const stop = buttons[this.toolbarStop]
      ? this.toolbarStop
      : Math.max(
          0,
          buttons.findIndex((b) => b.getAttribute('aria-disabled') !== 'true'),
        );
    buttons.forEach((b, i) => (b.tabIndex = i === stop ? 0 : -1));
  }

  /**
   * Play as sound, which reads Stop sound while playing: one button whose name changes, so
   * focus stays on it. Absent where the browser has no Web Audio.
   */
  private renderSoundButton(): TemplateResult | typeof nothing {
    if (!this.sound.supported) return nothing;
    const m = this.messages;
    return html`<button type="button" class="sound" @click=${this.toggleSound}>${this.sound.playing ? m.timeline.stopSound : m.timeline.playSound}</button>`;
  }

  /** Every event as a table, in time order, behind a toggle (and always in print). */
  /** A moment as the axis would say it, to the minute. */
  private instantText(t: number): string {
    return formatResolvedDate({ text: '', start: t, end: t, unit: 'minute', approximate: false, hasOffset: true }, this.effectiveLocale, this.effectiveTimeZone);
  }

  /** A dense bin's events, a page at a time; choosing one opens its details. */
  private renderBinList(list: NonNullable<AttackTimeline['binList']>): TemplateResult {
    const ctx = this.detailsContext;
    const fmt = (t: number) => this.instantText(t);
    const body = html`${heading(ctx.level, this.messages.timeline.binListTitle(list.count, fmt(list.start), fmt(list.end)), 'details-title', 'details-title')}
    ${eventPage(
      list.events,
      list.page,
      ctx,
      (id) => {
        this.binList = null;
        this.userSelect(id);
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="details"] .close')?.focus());
      },
      (page) => (this.binList = { ...list, page }),
    )}`;
    return this.renderDetailsPanel(body, () => this.closeBinList(), { labelledBy: 'details-title' });
  }

  private renderTableToggle(): TemplateResult {
    const m = this.messages;
    return html`<button type="button" class="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="events-table"
      @click=${() => (this.tableOpen = !this.tableOpen)}>${this.tableOpen ? m.common.hideTable : m.common.showTable}</button>`;
  }

  /**
   * The data table: every event as text, for readers who want the chronology without the
   * chart, and for print. At forensic scale it lists the events in view (at most LIST_LIMIT)
   * and says so. Drawn only when asked for.
   */
  private renderTable(r: ResolvedIncident): TemplateResult {
    const m = this.messages;
    const locale = this.effectiveLocale;
    const zone = this.effectiveTimeZone;
    const open = this.tableOpen || this.printing;
    if (!open) return html`<div id="events-table" class="events-table" hidden></div>`;
    let events = r.events;
    if (events.length > LIST_LIMIT) {
      const l = this.layout;
      const [d0, d1] = l?.orientation === 'horizontal' ? l.domain : [-Infinity, Infinity];
      const from = l?.orientation === 'vertical' ? l.window.from : 0;
      events = events.filter((e) => e.start.start <= d1 && (e.end ?? e.start).end >= d0).slice(from, from + LIST_LIMIT);
    }
    const limited = events.length < r.events.length;
    const lang = langOf(r.incident.lang, locale);
    // On paper each source is listed once, under the table, and rows cite it by number: the
    // same outlets back many events, and naming them in every row took pages.
    const numbers = new Map<string, number>();
    const cited: ResolvedSource[] = [];
    for (const e of events) for (const s of e.sources) if (!numbers.has(s.id)) numbers.set(s.id, cited.push(s));
    const nf = new Intl.NumberFormat(locale);
    const refs = (e: ResolvedEvent) => [...new Set(e.sources.map((s) => numbers.get(s.id)!))].map((n) => nf.format(n)).join(', ');
    // A named region with a tab stop: the table scrolls sideways on a phone, and a keyboard
    // reader can scroll it only if it can be focused.
    return html`<div id="events-table" class="events-table" role="region" tabindex="0" aria-labelledby="events-table-caption">
      ${limited ? html`<p>${m.timeline.listLimited(events.length, r.events.length)}</p>` : nothing}
      <table>
        <caption id="events-table-caption">${m.timeline.allEvents}</caption>
        <thead><tr><th scope="col">${m.common.columns.date}</th><th scope="col">${m.common.columns.event}</th><th scope="col">${m.common.columns.status}</th><th scope="col">${m.common.lane}</th><th scope="col">${m.common.sources}</th></tr></thead>
        <tbody>${events.map(
          (
            e,
          ) => html`<tr><td>${formatEventDate(e, locale, zone, m, true)}</td><th scope="row" lang=${ifDefined(lang)}><bdi>${clipText(e.event.title, DESCRIPTION_MAX)}</bdi></th><td>${m.common.status[e.status]}</td>
            <td lang=${ifDefined(lang)}>${r.laneById.get(e.lane)?.label ?? e.lane}</td><td><span class="on-screen">${e.sources.map((s, i) => html`${i ? '; ' : ''}<bdi lang=${ifDefined(langOf(s.lang ?? 'en', locale))}>${sourceName(s)}</bdi>`)}</span><span class="on-paper" aria-hidden="true">${e.sources.length ? `[${refs(e)}]` : ''}</span></td></tr>`,
        )}</tbody>
      </table>
      ${
        cited.length
          ? html`<ol class="on-paper paper-sources" aria-hidden="true">${cited.map((s) => {
              const date = s.publishedDate ? formatResolvedDate(s.publishedDate, locale, zone) : '';
              return html`<li><bdi lang=${ifDefined(langOf(s.lang ?? 'en', locale))}>${sourceName(s)}</bdi>${date ? `, ${date}` : ''}${s.href ? html` <span class="url">${s.href}</span>` : nothing}</li>`;
            })}</ol>`
          : nothing
      }
    </div>`;
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const r = this.resolved;
    const incident = this.incident;
    if (!r || !incident) return this.renderPending();
    const l = this.layout;
    const id = this.shown.event;
    const selected = id !== undefined ? r.eventById.get(id) : undefined;
    const zone = this.effectiveTimeZone;
    const locale = this.effectiveLocale;
    const last = r.events[r.events.length - 1];
    const summary =
      r.extent && r.events[0] && last
        ? m.timeline.summary(
            r.events.length,
            formatResolvedDate(r.events[0].start, locale, zone),
            formatResolvedDate(last.end ?? last.start, locale, zone),
            zoneName(locale, zone, r.extent[0]),
          )
        : '';
    const vertical = l?.orientation === 'vertical' ? l : null;
    // In a story the story's heading names the incident and says what it holds.
    const inStory = this.quiet;
    const lang = langOf(incident.lang, locale);
    return html`<figure part="base" data-layout=${l?.orientation ?? 'none'} aria-labelledby="title">
      <figcaption class=${this.noCaption || inStory ? 'sr-only' : ''}>
        ${heading(this.level, inStory ? m.timeline.title : html`<bdi lang=${ifDefined(lang)}>${clipText(incident.title, SHOWN_MAX)}</bdi>`, 'caption-title', 'title', 'title')}
        ${
          summary && !inStory
            ? html`<p class="summary" aria-hidden="true">${summary}</p>
              <p class="sr-only">${m.common.sentences([incidentDescription(this.textContext), m.common.timesIn(zoneName(locale, zone, r.extent![0]))])}${m.common.stop}</p>`
            : nothing
        }
      </figcaption>
      ${this.renderErrors()}
      ${r.events.length === 0 ? html`<p class="status" role="status">${m.timeline.empty}</p>` : nothing}
      ${
        l?.orientation === 'horizontal'
          ? this.renderToolbar(l)
          : vertical && this.sound.supported
            ? // A phone pans by scrolling: only the sound button.
              html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${m.timeline.controls}>${this.renderSoundButton()}</div>`
            : nothing
      }
      ${
        vertical && vertical.window.from > 0
          ? html`<button type="button" class="more" @click=${() => (this.windowStart = Math.max(0, vertical.window.from - VERTICAL_WINDOW))}>↑ ${m.common.events(vertical.window.from)}</button>`
          : nothing
      }
      ${l ? this.renderChart(l) : nothing}
      ${
        vertical && this.collapsed
          ? html`<button type="button" class="more show-all" @click=${this.showAllEvents}>${m.timeline.showAllEvents(vertical.window.total)}</button>`
          : vertical && vertical.window.to < vertical.window.total
            ? html`<button type="button" class="more" @click=${() => (this.windowStart = vertical.window.to)}>↓ ${m.common.events(vertical.window.total - vertical.window.to)}</button>`
            : nothing
      }
      ${r.events.length ? this.renderLegend(legendItems(m)) : nothing}
      ${
        this.binList
          ? this.renderBinList(this.binList)
          : selected
            ? this.renderDetailsPanel(eventDetails(selected, this.detailsContext), () => this.closeDetails(), { labelledBy: 'details-title' })
            : nothing
      }
      ${r.events.length ? html`${this.renderTableToggle()}${this.renderTable(r)}` : nothing}
      ${this.renderLive()}
    </figure>`;
  }
}
