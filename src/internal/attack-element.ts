/**
 * The base class of the three elements: data from `src`, the `incident` property or an inline
 * script, in any format; locale and time zone; the one selection, shared with linked elements;
 * the `attack-*` events; and what every element draws the same way (errors, legend, details
 * panel). Internal: not exported from the package.
 */
import { html, LitElement, type nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataController, type LoadState } from '../controllers/data-controller.js';
import { LinkController } from '../controllers/link-controller.js';
import { attackEvent, type AttackEventMap, type AttackSelectDetail } from '../events.js';
import { zoneName } from '../i18n/format.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import type { SizedMeasure } from '../layout/text.js';
import { isValidTimeZone } from '../model/dates.js';
import { placeRole } from '../model/keywords.js';
import { sourceLabel } from '../model/resolve.js';
import { NO_SELECTION, sameSelection, selection, validSelection, type Selection } from '../model/selection.js';
import type { Incident, Issue, ParseResult, ResolvedIncident } from '../model/types.js';
import type { Format } from './convert.js';
import { detailsPanel, errorBox, legend, loadingStatus, type LegendItem } from './chrome.js';
import type { DetailsContext } from './details.js';
import { claimText, eventAnnouncement, placeText, type Describe, type TextContext } from './describe.js';
import type { PngOptions } from './image-export.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, loadLimits, type LoadLimits } from './load.js';
import { nearestLocale } from './locale.js';
import { PageSchemeController } from './page-scheme.js';
import { BASE_FONT_PX, canvasMeasure, MAX_TEXT_SCALE, MIN_TEXT_SCALE, spacingOf, SpacingWatcher } from './measure.js';
import { nextSlice, overBudget } from './slices.js';

export type { LoadState };

export type { LegendItem };

/**
 * @cssproperty --attack-ink - Text colour.
 * @cssproperty --attack-muted - Secondary text colour.
 * @cssproperty --attack-bg - Background colour.
 * @cssproperty --attack-surface - Lane bands, buttons and panels.
 * @cssproperty --attack-line - Grid lines and borders.
 * @cssproperty --attack-accent - Event marks, the target and links.
 * @cssproperty --attack-accent-soft - Range bars, hover and selection fills.
 * @cssproperty --attack-denied - Marks of denied claims.
 * @cssproperty --attack-focus - Focus ring and error border.
 * @cssproperty --attack-font - Font family.
 * @cssproperty --attack-font-size - Base text size, an absolute length (px or rem; default 15px). Every text scales with it, chart labels included (the charts are drawn larger, within the same width). Honoured from 0.75× to 3× the default. No page rule changes the elements' text otherwise.
 * @cssproperty --attack-claim - Claim arcs and area outlines on the map.
 * @cssproperty --attack-area - Fill of uncertainty areas.
 * @cssproperty --attack-land - Land fill.
 */
export class AttackElement extends LitElement {
  /**
   * URL of the incident data (our JSON, TimelineJS3 JSON, CSV or a STIX 2.1 bundle). Fetched
   * without credentials. Of `src` and `incident`, the one set last shows; removing `src` clears
   * what it loaded.
   */
  @property()
  get src(): string | null {
    return this.srcValue;
  }
  set src(value: string | null) {
    this.srcValue = value;
    // Told at once, not at the next update: the order of `src` and `incident` in one task counts.
    this.data.setSrc(value);
  }
  private srcValue: string | null = null;

  /** BCP 47 locale for labels and dates. Default: the nearest `lang` up the tree, else `en-IN`. */
  @property() locale: string | null = null;

  /** IANA zone dates are shown in. Default: the incident's `timeZone`. */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;

  /**
   * `auto` follows the page around the element: its `color-scheme`, else the background behind
   * it (a dark article gets a dark element, a white one a light element, whatever the reader's
   * OS says). `system` follows the reader's OS setting (`prefers-color-scheme`). `light`, `dark`.
   */
  @property({ reflect: true }) theme: 'auto' | 'system' | 'light' | 'dark' = 'auto';

  /**
   * Elements with the same `link` share one selection. Without it, elements showing the same
   * incident (same `id`, else same `src`) are linked.
   */
  @property() link: string | null = null;

  /**
   * How long to wait for `src`, in ms: a whole number above 0 (default 10000). Anything else
   * (`10s`, `NaN`, `Infinity`, `-1`) is a warning in `issues` and the default is used; above
   * 2147483647 (about 24.8 days, the longest a browser timer can wait) it is clamped to that.
   */
  @property({ type: Number }) timeout: number = DEFAULT_TIMEOUT;

  /**
   * The format of `src` or the inline script: `auto` (default) detects it from the content;
   * `incident` (our JSON), `timelinejs` (TimelineJS3 JSON), `csv` (our template or the
   * TimelineJS3 sheet) or `stix` (a STIX 2.1 bundle) forces one.
   */
  @property() format: Format = 'auto';

  /**
   * Largest `src` body accepted, in bytes: a whole number above 0 (default 5000000), counted
   * on the bytes received. Anything else (`5MB`, `NaN`, `-1`) is a warning in `issues` and the
   * default is used.
   */
  @property({ type: Number, attribute: 'max-bytes' }) maxBytes: number = DEFAULT_MAX_BYTES;

  /**
   * Refuses a `src` (and a map's `boundaries`) not served as a JSON type (`application/json`,
   * `text/json`, `…+json`) or CSV (`text/csv`, `application/csv`), with an error naming the
   * type received. Without it any body that parses is read, with a warning in `issues`.
   */
  @property({ type: Boolean, attribute: 'strict-type' }) strictType = false;

  /** Transparent background, for pages with their own colour. */
  @property({ type: Boolean, reflect: true }) transparent = false;

  /** Lists every error with its path in the element, as an editor's preview does; readers otherwise see one plain sentence. */
  @property({ type: Boolean }) debug = false;

  /** Leaves the title and summary to assistive technology only (for a page that shows its own). */
  @property({ type: Boolean, attribute: 'no-caption' }) noCaption = false;

  /**
   * The level of the element's heading (1–6; default 2), to fit the page's outline. Headings
   * inside it (details, parts of a story) are one level below.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * Rewords what assistive technology hears for each event, place and claim: a function given
   * `{ kind, id, name, description, parts }` that returns `{ name?, description? }`.
   */
  @property({ attribute: false }) describe: Describe | null = null;

  /**
   * Leaves announcements to a containing story.
   * @internal
   */
  @property({ type: Boolean, attribute: false }) quiet = false;

  /** The polite live region's text: the reader's last choice. */
  @state() private liveText = '';

  /** Custom states for the styles: `page-dark` (see `theme`), and the elements' own. */
  protected readonly internals: ElementInternals = this.attachInternals();
  /** @internal */
  protected readonly pageScheme = new PageSchemeController(this, this.internals.states ?? null);

  constructor() {
    super();
    // Escape closes what is open from anywhere inside the element, not only from a chart item.
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented && this.dismiss()) event.preventDefault();
    });
  }

  /** Escape inside the element: closes the preview or the details; true when something was open. */
  protected dismiss(): boolean {
    return false;
  }

  /** The one selection, shared with linked elements. */
  protected readonly links = new LinkController(this);
  /** The data: from `src`, `incident`, a story or an inline script. */
  protected readonly data = new DataController(this);

  private textMeasure: SizedMeasure | null = null;
  private measureKey = '';

  protected get loadState(): LoadState {
    return this.data.state;
  }

  protected get result(): ParseResult | null {
    return this.data.result;
  }

  /**
   * The incident as loaded (cleaned of anything invalid), or null. Set it to show a document:
   * of `src` and `incident`, the one set last shows.
   */
  @property({ attribute: false })
  get incident(): Incident | null {
    return this.result?.incident ?? null;
  }
  set incident(value: unknown) {
    this.data.setIncident(value);
  }

  /**
   * A document another element already parsed (a story's, for its parts): shown without
   * reading it again.
   * @internal
   */
  set parsed(result: ParseResult | null) {
    this.data.setParsed(result);
  }

  /** Id of the selected event. Reflected; setting it gives no `attack-select`. */
  @property({ reflect: true })
  get selected(): string | null {
    return this.links.value.event ?? null;
  }
  set selected(id: string | null) {
    // With data in hand, an id it does not hold clears the selection (and the attribute);
    // before the data, the id waits for it and is checked then (see `dataChanged`).
    const r = this.resolved;
    if (id !== null && r && !r.eventById.has(id)) {
      if (this.selected !== null) this.links.set(NO_SELECTION);
      // Set from the attribute, Lit does not reflect back: remove it here.
      if (this.getAttribute('selected') === id) this.removeAttribute('selected');
      else this.requestUpdate('selected', id);
      return;
    }
    if (id !== this.selected) this.links.set(selection(id));
  }

  /**
   * What the reader has chosen: `{ event?, place?, claim? }`, each an id. Setting it selects
   * a map place or claim as well as an event, in every linked element, with no `attack-select`.
   */
  @property({ attribute: false })
  get selection(): Selection {
    return this.links.value;
  }
  set selection(value: Selection | null | undefined) {
    const v = value ?? NO_SELECTION;
    const next = selection(v.event, v.place, v.claim);
    this.links.set(this.resolved ? validSelection(this.resolved, next) : next);
  }

  /**
   * Every problem found in the data and its loading: errors left something out, warnings did
   * not (an unusable `timeout` or `max-bytes`, a `src` not served as JSON or CSV).
   */
  get issues(): { errors: Issue[]; warnings: Issue[] } {
    return { errors: [...this.data.loadErrors, ...(this.result?.errors ?? [])], warnings: [...this.loadLimits.warnings, ...(this.result?.warnings ?? [])] };
  }

  /**
   * `timeout` and `max-bytes` as used, with a warning for each value that was not usable.
   * @internal
   */
  get loadLimits(): LoadLimits {
    return loadLimits({ timeout: this.timeout, maxBytes: this.maxBytes }, { timeout: this.getAttribute('timeout'), maxBytes: this.getAttribute('max-bytes') });
  }

  /**
   * The key that links this element to others telling the same story.
   * @internal
   */
  get linkKey(): string {
    if (this.link) return `link:${this.link}`;
    const id = this.incident?.id;
    if (id) return `incident:${id}`;
    if (!this.src) return '';
    try {
      return `src:${new URL(this.src, document.baseURI).href}`;
    } catch {
      return `src:${this.src}`;
    }
  }

  /**
   * The selection changed, here or in a linked element.
   * @internal
   */
  selectionChanged(_value: Selection, previous: Selection): void {
    this.requestUpdate('selected', previous.event ?? null);
    this.requestUpdate('selection', previous);
  }

  /** The resolved incident the element draws from. */
  protected get resolved(): ResolvedIncident | null {
    return this.result?.resolved ?? null;
  }

  /** The selection as this element can show it: unknown ids left out. */
  protected get shown(): Selection {
    return this.resolved ? validSelection(this.resolved, this.links.value) : NO_SELECTION;
  }

  /** The locale in force, resolved once per update (see `willUpdate`). */
  private localeInForce: string | null = null;

  /** The locale in force: the attribute, else the nearest `lang`, crossing shadow roots. */
  protected get effectiveLocale(): string {
    return (this.localeInForce ??= this.resolveLocale());
  }

  private resolveLocale(): string {
    return nearestLocale(this, this.locale);
  }

  protected get messages(): Messages {
    return messagesFor(this.effectiveLocale);
  }

  /** The zone dates are shown in: the attribute when valid, else the incident's. */
  protected get effectiveTimeZone(): string {
    if (this.timeZone && isValidTimeZone(this.timeZone)) return this.timeZone;
    return this.resolved?.timeZone ?? 'UTC';
  }

  /** What the details templates need (see details.ts). Only while there is data. */
  protected get detailsContext(): DetailsContext {
    return { resolved: this.resolved!, locale: this.effectiveLocale, zone: this.effectiveTimeZone, messages: this.messages, level: this.level + 1 };
  }

  /** The heading level in force, 1–6. */
  protected get level(): number {
    const n = Math.round(Number(this.headingLevel));
    return Number.isFinite(n) ? Math.min(6, Math.max(1, n)) : 2;
  }

  /** What the accessible-text helpers need (see describe.ts). Only while there is data. */
  protected get textContext(): TextContext {
    return { resolved: this.resolved!, locale: this.effectiveLocale, zone: this.effectiveTimeZone, messages: this.messages };
  }

  /** What the live region says after the reader chose `s`; empty when nothing is chosen. */
  protected selectionSentence(s: Selection): string {
    const r = this.resolved;
    if (!r) return '';
    const ctx = this.textContext;
    const m = this.messages;
    const claim = s.claim !== undefined ? r.claimById.get(s.claim) : undefined;
    if (claim) return m.common.selectedAnnouncement(claimText(claim, ctx).name);
    const place = s.place !== undefined ? r.placeById.get(s.place) : undefined;
    if (place) return m.common.selectedAnnouncement(placeText(place, placeRole(place), ctx).name);
    const event = s.event !== undefined ? r.eventById.get(s.event) : undefined;
    return event ? eventAnnouncement(event, ctx) : '';
  }

  /**
   * Says the reader's choice in the live region, but only while the element is in view or
   * holds focus: scrolling an article past an off-screen story says nothing.
   */
  protected say(s: Selection): void {
    if (this.quiet) return;
    const text = this.selectionSentence(s);
    if (!text) return;
    const rect = this.getBoundingClientRect();
    const inView = rect.width > 0 && rect.bottom > 0 && rect.top < (window.innerHeight || document.documentElement.clientHeight);
    if (!inView && !this.matches(':focus-within')) return;
    this.sayStatus(text);
  }

  /**
   * Says what the reader's own action in this element did (sound playing, stopped) in the
   * live region. Said even in a story: the story says selections, not these.
   */
  protected sayStatus(text: string): void {
    // The same sentence twice is still a new announcement: vary it invisibly.
    this.liveText = text === this.liveText.trimEnd() ? `${text}\u00a0` : text;
  }

  /** The polite live region; present from the first render so that changes to it are read. */
  protected renderLive(): TemplateResult {
    return html`<p class="sr-only live" role="status" aria-live="polite" aria-atomic="true">${this.liveText}</p>
      <span class="spacing-probe" aria-hidden="true">Spacing sample text</span>`;
  }

  /**
   * Puts focus on the selected event's mark, when this element draws it; false otherwise.
   * @internal
   */
  focusEvent(id: string): boolean {
    void id; // Only a timeline draws events.
    return false;
  }

  /** Moves focus to the event in a linked element that draws it; false when none does. */
  protected focusEventInPeers(id: string): boolean {
    return this.links.peers().some((p) => p instanceof AttackElement && p.focusEvent(id));
  }

  /** Watches for text spacing set after the first render, through the live region's sample. */
  private readonly spacing: SpacingWatcher = new SpacingWatcher(this, () => this.renderRoot?.querySelector('.spacing-probe') ?? null);

  /**
   * Updates share a per-task budget with every other element on the page (see
   * `internal/slices.ts`): past it, this update waits for the next turn, so the page can
   * paint and answer input between a story's parts.
   * @internal
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!overBudget()) return super.scheduleUpdate();
    return nextSlice().then(() => {
      overBudget();
      return super.scheduleUpdate();
    });
  }

  /**
   * How much larger the text is than the base of 15 px (`--attack-font-size`, read from the
   * host's own size, which no page rule changes). Charts are laid out at their width divided
   * by this and drawn scaled up by it, so their labels grow with the text and still fit.
   */
  protected get textScale(): number {
    const px = parseFloat(getComputedStyle(this).fontSize);
    return Number.isFinite(px) && px > 0 ? Math.min(MAX_TEXT_SCALE, Math.max(MIN_TEXT_SCALE, px / BASE_FONT_PX)) : 1;
  }

  /**
   * Text widths in the element's own font and spacing, in the units charts are laid out in
   * (a 15 px base: see {@link textScale}); a new measure when either changed.
   */
  protected get measure(): SizedMeasure {
    // Spacing as the element's own text gets it (a rule injected into the shadow root too).
    const probe = this.spacing.probe();
    const cs = getComputedStyle(probe ?? this);
    const key = `${cs.fontFamily}|${cs.letterSpacing}|${cs.wordSpacing}|${cs.fontSize}`;
    if (!this.textMeasure || key !== this.measureKey) {
      this.measureKey = key;
      // The sample is at the scaled size; chart text is at the base size, drawn scaled.
      const k = this.textScale;
      const s = spacingOf(cs);
      this.textMeasure = canvasMeasure(cs.fontFamily || 'sans-serif', { letter: s.letter / k, word: s.word / k, fontSize: s.fontSize / k });
    }
    return this.textMeasure;
  }

  /** Selects an event by id, here and in linked elements, without `attack-select`. Unknown ids clear the selection. */
  select(id: string | null): void {
    this.links.set(selection(id && this.resolved?.eventById.has(id) ? id : null));
  }

  /** Selects the next event in time order (the first when none is selected). */
  next(): void {
    this.step(1, false);
  }

  /** Selects the previous event in time order (the last when none is selected). */
  previous(): void {
    this.step(-1, false);
  }

  /** Moves the event selection by one; by the reader, it is announced. */
  protected step(delta: 1 | -1, byReader: boolean): void {
    const events = this.resolved?.events ?? [];
    if (!events.length) return;
    const i = events.findIndex((e) => e.id === this.selected);
    const j = i === -1 ? (delta === 1 ? 0 : events.length - 1) : Math.min(events.length - 1, Math.max(0, i + delta));
    const next = selection(events[j]?.id);
    if (byReader) this.announce(next);
    else this.links.set(next);
  }

  /** An event chosen by the reader: when it changes, sets the selection and fires `attack-select`. */
  protected userSelect(id: string | null): void {
    if (id !== this.selected || this.links.value.place !== undefined || this.links.value.claim !== undefined) this.announce(selection(id));
  }

  /** Sets the selection from a reader's action and fires one `attack-select`. */
  protected announce(next: Selection): void {
    this.links.set(next);
    this.say(next);
    const detail: AttackSelectDetail = { id: next.event ?? null };
    if (next.place !== undefined) detail.place = next.place;
    if (next.claim !== undefined) detail.claim = next.claim;
    this.emit('attack-select', detail);
  }

  /** Fires one of the element's events; every one bubbles out of shadow roots. */
  protected emit<K extends keyof AttackEventMap>(type: K, detail: AttackEventMap[K]): void {
    this.dispatchEvent(attackEvent(type, detail));
  }

  /** The `role="alert"` box: one plain sentence for readers, every error with `debug`. */
  protected renderErrors(): TemplateResult | typeof nothing {
    return errorBox(this.issues.errors, Boolean(this.incident), this.debug, this.messages);
  }

  /** Before there is anything to draw: loading status, errors, and the author's fallback content. */
  protected renderPending(): TemplateResult {
    return html`${loadingStatus(this.loadState === 'loading', this.messages)} ${this.renderErrors()}<slot></slot>`;
  }

  /** The legend: what each mark means, in words. */
  protected renderLegend(items: readonly LegendItem[]): TemplateResult {
    return legend(items, this.messages);
  }

  /** The details panel, with its close button. */
  protected renderDetailsPanel(body: unknown, onClose: () => void, label: { labelledBy: string } | { label: string }): TemplateResult {
    return detailsPanel(body, onClose, label, this.messages);
  }

  /**
   * The drawn charts an image export copies, in the order drawn.
   * @internal
   */
  chartsForExport(): SVGSVGElement[] {
    return [...(this.renderRoot as ShadowRoot).querySelectorAll<SVGSVGElement>('.chart > svg')];
  }

  /** The lines an image export puts under the title and at its foot. */
  protected exportText(): { subtitle: string[]; footer: string[] } {
    const r = this.resolved;
    const m = this.messages;
    const zone = r?.extent ? m.common.timesIn(zoneName(this.effectiveLocale, this.effectiveTimeZone, r.extent[0])) : '';
    // A headline standing for its source says when it was not verified, as the details do.
    const labels = [
      ...new Set((this.incident?.sources ?? []).map((s) => s.publisher || `${sourceLabel(s)}${s.title && s.titleVerified === false ? ` (${m.common.titleUnverified})` : ''}`)),
    ];
    return { subtitle: [zone], footer: labels.length ? [m.common.sourcesLine(labels.join(', '))] : [] };
  }

  /**
   * A standalone SVG of what the reader sees now (zoom, selection, theme): the title, the
   * time-zone line, the charts and a source line. Styles are inlined as presentation
   * attributes, text stays text, and nothing refers outside the document. Rejects when
   * nothing is drawn yet.
   */
  async toSVG(): Promise<string> {
    await this.updateComplete;
    const charts = this.chartsForExport();
    if (!this.incident || !charts.length) throw new Error(`<${this.localName}> has nothing drawn to export yet`);
    // Rarely used, so loaded only when asked for.
    const { exportSvg } = await import('./image-export.js');
    return exportSvg({ host: this, charts, title: this.incident.title, measure: this.measure, ...this.exportText() });
  }

  /**
   * The same image as a PNG, at `scale` pixels per CSS pixel (2 by default); `width` and
   * `height` fit it into a fixed frame (1200 × 675 for a social card). The page's
   * Content-Security-Policy must allow `img-src blob:`.
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    const svg = await this.toSVG();
    const { rasterise } = await import('./image-export.js');
    return rasterise(svg, options);
  }

  /**
   * False while `src` should wait (a story far from the viewport).
   * @internal
   */
  get readyToLoad(): boolean {
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The page's lang may have changed since the last update; look again, once.
    this.localeInForce = this.resolveLocale();
  }

  /**
   * New data: a selection it cannot show is cleared, here and in linked elements.
   * @internal
   */
  dataChanged(result: ParseResult | null): void {
    const r = result?.resolved;
    if (r) {
      const valid = validSelection(r, this.links.value);
      if (!sameSelection(valid, this.links.value)) this.links.set(valid);
    } else if (result) this.links.set(NO_SELECTION);
  }

  /**
   * Fires `attack-load` when something can be drawn, and `attack-error` when anything was wrong.
   * @internal
   */
  dataNotice(): void {
    const { errors } = this.issues;
    const incident = this.incident;
    if (incident) this.emit('attack-load', { incident });
    if (errors.length) this.emit('attack-error', { errors });
  }
}
