/**
 * `<attack-map>`: the element that draws the attribution map from the map layout (loaded,
 * with d3-geo and land, only when a map is drawn), and handles the reader's keyboard, hover
 * and choice of a place or a claim. Templates are in attack-map.marks.ts.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ResizeController } from '../../controllers/resize-controller.js';
import { RovingFocusController, type FocusItem } from '../../controllers/roving-focus-controller.js';
import { boundaryGeometry, loadLand, resolutionFor, type Land, type Resolution } from '../../geo/basemap.js';
import { isolate } from '../../i18n/bidi.js';
import { formatConfidence } from '../../i18n/format.js';
import { AttackElement } from '../../internal/attack-element.js';
import { heading } from '../../internal/chrome.js';
import { applyDescribe, claimText, langOf, placeText, precisionText, shorten, type OptionText } from '../../internal/describe.js';
import { claimDetails, eventPage, sourceList } from '../../internal/details.js';
import { LoadError, loadText } from '../../internal/load.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import type { Box, MapLayout, PlaceLayout } from '../../layout/map-layout.js';
import { mapHeight } from '../../layout/map-size.js';
import { placeTip } from '../../layout/tip-placement.js';
import { placeRole } from '../../model/keywords.js';
import { emphasisFor, selection, type Emphasis, type Selection } from '../../model/selection.js';
import type { Issue, ResolvedClaim, ResolvedIncident, ResolvedSource } from '../../model/types.js';
import { arc, backdrop, legendItems, place, pointerTargets } from './attack-map.marks.js';
import { styles } from './attack-map.styles.js';

type MapGeo = typeof import('../../layout/map-layout.js');
type Kind = 'place' | 'claim';

const ROLE_ORDER = { target: 0, origin: 1, infrastructure: 2, reference: 3 };

/** The selection a place or claim item stands for. */
function selectionOf(item: FocusItem | null, claimEvent?: string): Selection {
  if (!item) return {};
  return item.kind === 'place' ? selection(null, item.id) : selection(claimEvent, null, item.id);
}

/** The tip keeps to a sentence or two; the details hold the rest. */
const shortTip = (text: string) => (text.length > 160 ? `${text.slice(0, text.lastIndexOf(' ', 159))}…` : text);

/** How long the pointer rests on another place or claim before the tip moves to it. */
const SWITCH_AFTER_MS = 300;

/**
 * The attribution map: where the attack was said to come from, and who says so. The target
 * is a marker; origins are areas (an outline, or a circle as wide as the place's precision);
 * claims are great-circle arcs whose line says their sourcing status and whose strength says
 * their likelihood. Land only: no international boundaries unless the publisher supplies a
 * layer. Geometry (d3-geo, Natural Earth land) loads only when a map is drawn.
 *
 * @fires attack-select - The reader chose a place (`detail.place`) or a claim (`detail.claim`, with `detail.id` its event), or cleared the choice.
 * @fires attack-load - The incident loaded (`detail.incident`).
 * @fires attack-error - Something in the data, its loading or the boundary layer was wrong (`detail.errors`).
 *
 * @slot - Fallback content, shown before the element upgrades, while loading and on error.
 *
 * @csspart base - The figure around everything.
 * @csspart title - The map's title.
 * @csspart chart - The map drawing.
 * @csspart legend - The legend.
 * @csspart details - Details of the chosen place or claim.
 * @csspart claims - The list of every claim, in words.
 * @csspart credit - The data credit and boundary note.
 * @csspart alert - The error message.
 *
 * @cssproperty --attack-map-min-height - Space reserved before data arrives (default 240px).
 */
export class AttackMap extends AttackElement {
  static override styles = [sharedStyles, styles];

  /** URL of a publisher-supplied TopoJSON or GeoJSON boundary layer. None is drawn by default. */
  @property() boundaries: string | null = null;

  /** Draw denied claims on the map too (they are always in the claims list). */
  @property({ type: Boolean, attribute: 'show-denied' }) showDenied = false;

  private readonly size = new ResizeController(this);
  private readonly roving = new RovingFocusController(this, {
    order: () => this.focusOrder(),
    itemOf: (node) => this.itemOf(node),
    element: (item) => {
      const attr = `data-${item.kind}-id`;
      for (const el of this.renderRoot.querySelectorAll<SVGGElement>(`svg.plot [${attr}]`)) if (el.getAttribute(attr) === item.id) return el;
      return null;
    },
    preferred: () => {
      const s = this.shown;
      return [s.claim !== undefined ? { kind: 'claim', id: s.claim } : null, s.place !== undefined ? { kind: 'place', id: s.place } : null];
    },
    activate: (item) => this.choose(item),
    escape: () => this.dismiss(),
  });

  /**
   * The place or claim last under a mouse pointer: previewed in a tip over the map (which
   * moves nothing on the page) until the pointer leaves the map, another item is hovered, or
   * Escape is pressed anywhere.
   */
  @state() private preview: FocusItem | null = null;

  /**
   * In a story: the claims list opens from a button, so the story stays about as tall as its
   * timeline and a phone reader reaches the stepper and the article sooner (each drawn claim
   * says the same in its details). A claim chosen from the list, and printing, open it.
   * @internal
   */
  @property({ attribute: false }) collapseClaims = false;
  /** The data whose claims list the reader opened (new data folds it again). */
  @state() private claimsOpenFor: ResolvedIncident | null = null;
  /** The page of a place's events being shown (a place may be named by thousands). */
  @state() private eventsPage: { place: string; page: number } | null = null;
  private readonly escapePreview = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.preview) {
      this.preview = null;
      event.preventDefault();
    }
  };
  @state() private geo: MapGeo | null = null;
  @state() private land: Land | null = null;
  @state() private boundaryLayer: ReturnType<typeof boundaryGeometry> | null = null;
  @state() private boundaryErrors: Issue[] = [];

  private landResolution: Resolution | null = null;
  private geoLoading = false;
  private boundaryLoader: AbortController | null = null;
  private layout: MapLayout | null = null;
  /** The text scale the layout was made at: its units times this are CSS px. */
  private scale = 1;
  private layoutInputs: unknown[] = [];

  override get issues(): { errors: Issue[]; warnings: Issue[] } {
    const base = super.issues;
    return { errors: [...base.errors, ...this.boundaryErrors], warnings: base.warnings };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.escapePreview, true);
    window.clearTimeout(this.switchTimer);
    this.preview = null;
    this.boundaryLoader?.abort();
    this.boundaryLoader = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A listed claim chosen from anywhere opens the list it is shown in, and it stays open, so
    // closing its details can give focus back to its button.
    if (this.collapseClaims && this.resolved && this.layout && this.claimsOpenFor !== this.resolved && this.isListedClaim(this.shown.claim)) this.claimsOpenFor = this.resolved;
    if (changed.has('boundaries')) this.loadBoundaries();
    const r = this.resolved;
    // The map keeps its box; inside it, it is laid out at a 15 px text base and drawn scaled by
    // `--attack-font-size` (see textScale), so labels grow with the text.
    const scale = (this.scale = this.textScale);
    const width = this.size.width;
    const noPlaces = Boolean(r && !r.incident.places?.length);
    try {
      // `no-places` frees the height reserved for a map while the data loads.
      if (noPlaces) this.internals.states.add('no-places');
      else this.internals.states.delete('no-places');
    } catch {
      // An engine without custom states keeps the reserved height.
    }
    // No places, no map: neither the geometry code nor the land is fetched.
    if (!r || width <= 0 || noPlaces) {
      this.layout = null;
      return;
    }
    // Geometry code and land load only now, when a map is about to be drawn.
    if (!this.geo && !this.geoLoading) {
      this.geoLoading = true;
      import('../../layout/map-layout.js').then(
        (m) => (this.geo = m),
        () => (this.geoLoading = false),
      );
    }
    const resolution = resolutionFor(width);
    if (resolution !== this.landResolution) {
      this.landResolution = resolution;
      loadLand(resolution).then(
        (land) => this.landResolution === resolution && (this.land = land),
        () => undefined, // The map still reads without land: places, areas and arcs carry it.
      );
    }
    if (!this.geo) {
      this.layout = null;
      return;
    }
    // Projection, paths and labels depend on data and size only: a selection or a hover
    // never reprojects.
    const measure = this.measure;
    const inputs = [r, width, scale, this.land, this.boundaryLayer, this.showDenied, this.effectiveLocale, measure];
    if (this.layout && inputs.every((v, i) => v === this.layoutInputs[i])) return;
    this.layoutInputs = inputs;
    this.layout = this.geo.layoutMap(r, {
      width: width / scale,
      height: mapHeight(width) / scale,
      measure,
      land: this.land,
      boundaries: this.boundaryLayer,
      showDenied: this.showDenied,
    });
  }

  private loadBoundaries() {
    this.boundaryLoader?.abort();
    this.boundaryLayer = null;
    this.boundaryErrors = [];
    const url = this.boundaries;
    if (!url) return;
    const loader = new AbortController();
    this.boundaryLoader = loader;
    const { timeout, maxBytes } = this.loadLimits;
    loadText(url, { timeout, maxBytes, strictType: this.strictType, signal: loader.signal })
      .then(({ text }) => boundaryGeometry(JSON.parse(text)))
      .then(
        (layer) => {
          if (this.boundaryLoader === loader) this.boundaryLayer = layer;
        },
        (err: unknown) => {
          if (this.boundaryLoader !== loader || loader.signal.aborted) return;
          const message = err instanceof LoadError ? err.issue.message : err instanceof SyntaxError ? 'is not valid JSON' : err instanceof Error ? err.message : String(err);
          this.boundaryErrors = [{ path: 'boundaries', message }];
          this.emit('attack-error', { errors: this.boundaryErrors });
        },
      )
      .finally(() => {
        if (this.boundaryLoader === loader) this.boundaryLoader = null;
      });
  }

  // Choosing

  private choose(item: FocusItem | null) {
    if (item) this.roving.focused = item;
    const claim = item?.kind === 'claim' ? this.resolved?.claimById.get(item.id) : undefined;
    this.announce(selectionOf(item, claim?.event?.id));
  }

  /** The place or claim whose details are open. */
  private get chosen(): FocusItem | null {
    const s = this.shown;
    return s.claim !== undefined ? { kind: 'claim', id: s.claim } : s.place !== undefined ? { kind: 'place', id: s.place } : null;
  }

  /** Closes the details; focus goes back to the place or claim they were about. */
  private closeDetails() {
    const item = this.chosen;
    this.choose(null);
    if (!item) return;
    // A claim with no arc is opened from its button in the claims list: focus goes back there.
    if (item.kind === 'claim' && !this.layout?.arcs.some((a) => a.id === item.id)) {
      void this.updateComplete.then(() => this.claimButton(item.id)?.focus());
    } else this.roving.focus(item);
  }

  private claimButton(id: string): HTMLButtonElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('li[data-claim-id] .claim-open')].find((b) => b.closest('li')?.dataset.claimId === id);
  }

  /** Opens an un-drawn claim's details from its button, keeping the button where the reader can see it. */
  private async openClaim(id: string, button: HTMLElement) {
    this.choose({ kind: 'claim', id });
    await this.updateComplete;
    const r = button.getBoundingClientRect();
    if (r.top < 0 || r.bottom > (window.innerHeight || document.documentElement.clientHeight)) button.scrollIntoView({ block: 'nearest' });
  }

  /**
   * A place chosen anew shows its events from the first page.
   * @internal
   */
  override selectionChanged(value: Selection, previous: Selection): void {
    super.selectionChanged(value, previous);
    if (value.place !== previous.place) this.eventsPage = null;
  }

  protected override dismiss(): boolean {
    if (this.preview) {
      this.preview = null;
      return true;
    }
    const s = this.selection;
    if (s.event === undefined && s.place === undefined && s.claim === undefined) return false;
    this.closeDetails();
    return true;
  }

  /** An event named by a place: chosen, and focused where it is drawn (a linked timeline), else focus stays on the place. */
  private chooseEvent(id: string, from: FocusItem) {
    this.userSelect(id);
    if (!this.focusEventInPeers(id)) this.roving.focus(from);
  }

  private focusOrder(): FocusItem[] {
    const l = this.layout;
    if (!l) return [];
    const places = [...l.places].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    return [...places.map((p) => ({ kind: 'place', id: p.id })), ...l.arcs.map((a) => ({ kind: 'claim', id: a.id }))];
  }

  private itemOf(node: Element | null): FocusItem | null {
    // An option, or the pointer target drawn for it.
    const el = node?.closest('[data-place-id], [data-claim-id], [data-target-place], [data-target-claim]');
    const place = el?.getAttribute('data-place-id') ?? el?.getAttribute('data-target-place');
    if (place != null) return { kind: 'place' satisfies Kind, id: place };
    const claim = el?.getAttribute('data-claim-id') ?? el?.getAttribute('data-target-claim');
    return claim != null ? { kind: 'claim' satisfies Kind, id: claim } : null;
  }

  private handleClick(event: MouseEvent) {
    const item = event.target instanceof Element ? this.itemOf(event.target) : null;
    if (item) this.choose(item);
  }

  /** A switch of preview waiting to see whether the pointer is only passing over (hover intent). */
  private switchTimer = 0;

  private handlePointerOver(event: PointerEvent) {
    if (event.pointerType !== 'mouse') return; // touch and pen choose by tapping
    // Empty map and the tip itself keep the preview: the pointer can move onto it.
    const next = event.target instanceof Element ? this.itemOf(event.target) : null;
    window.clearTimeout(this.switchTimer);
    if (!next || (next.kind === this.preview?.kind && next.id === this.preview.id)) return;
    if (!this.preview) {
      this.preview = next;
      return;
    }
    // Another item while a tip is shown: only if the pointer stays there, so crossing a claim
    // line on the way to the tip does not swap it (WCAG 1.4.13, hoverable).
    this.switchTimer = window.setTimeout(() => (this.preview = next), SWITCH_AFTER_MS);
  }

  private readonly leaveChart = () => {
    window.clearTimeout(this.switchTimer);
    this.preview = null;
  };

  // Words

  /** A claim's accessible name (the places it joins, what and who) and description (what was said, status, caveats). */
  private claimOption(c: ResolvedClaim): OptionText {
    return applyDescribe(this.describe, claimText(c, this.textContext));
  }

  private placeOption(p: PlaceLayout): OptionText {
    return applyDescribe(this.describe, placeText(p.place, p.role, this.textContext));
  }

  // Rendering

  private renderDetails(lit: Emphasis, shown: Selection): TemplateResult | typeof nothing {
    const m = this.messages;
    const r = this.resolved;
    if (!r) return nothing;
    const claims = r.claims.filter((c) => lit.claims.has(c.id));
    const ctx = this.detailsContext;
    const lang = langOf(r.incident.lang, ctx.locale);
    let body: TemplateResult | null = null;
    const p = shown.place !== undefined ? r.placeById.get(shown.place) : undefined;
    if (p) {
      const events = r.eventsByPlace.get(p.id) ?? [];
      const from: FocusItem = { kind: 'place', id: p.id };
      // Claims about one place often cite the same reports: one list of sources for the panel.
      const sources: ResolvedSource[] = claims.flatMap((c) => c.sources);
      const sub = { ...ctx, level: ctx.level + 1 };
      body = html`${heading(ctx.level, html`<bdi lang=${ifDefined(lang)}>${p.name}</bdi>`, 'details-title', 'details-title')}
        <p>${m.common.sentences([m.map.role[placeRole(p)], precisionText(p, this.effectiveLocale, m)])}</p>
        ${claims.map((c) => claimDetails(c, sub, false))}
        ${sources.length ? html`<p class="section-label">${m.common.sources}</p>${sourceList(sources, ctx)}` : nothing}
        ${
          events.length
            ? html`<p class="section-label">${m.map.eventsHere}</p>
              ${eventPage(
                events,
                this.eventsPage?.place === p.id ? this.eventsPage.page : 0,
                ctx,
                (id) => this.chooseEvent(id, from),
                (page) => (this.eventsPage = { place: p.id, page }),
              )}`
            : nothing
        }`;
    } else if (claims.length) body = html`${claims.map((c) => claimDetails(c, ctx))}`;
    return body ? this.renderDetailsPanel(body, () => this.closeDetails(), p ? { labelledBy: 'details-title' } : { label: m.common.details }) : nothing;
  }

  /**
   * Every claim in words. A claim with no arc (no place of its own, or denied) is a button
   * here, so it can be chosen and its sources read like any other.
   */
  /** An incident that names no place: a short status instead of an empty map and its legend; claims are still listed. */
  private renderNoPlaces(): TemplateResult {
    const m = this.messages;
    return html`<figure part="base" aria-labelledby="title">
      <figcaption class=${this.noCaption ? 'sr-only' : ''}>${heading(this.level, m.map.title, 'caption-title', 'title', 'title')}</figcaption>
      ${this.renderErrors()}
      <p class="no-places" part="chart">${m.map.noPlaces}</p>
      ${this.renderClaimsList(null)}
      ${this.isListedClaim(this.shown.claim) ? nothing : this.renderDetails(emphasisFor(this.resolved!, this.shown), this.shown)}
      ${this.renderLive()}
    </figure>`;
  }

  private renderClaimsList(l: MapLayout | null): TemplateResult | typeof nothing {
    const r = this.resolved;
    const claims = r?.claims ?? [];
    if (!r || !claims.length) return nothing;
    const m = this.messages;
    const lang = langOf(r.incident.lang, this.effectiveLocale);
    const drawn = new Set(l?.arcs.map((a) => a.id));
    const chosen = this.shown.claim;
    const folds = this.collapseClaims;
    const open = !folds || this.claimsOpenFor === r;
    return html`<section class="claims" part="claims" aria-labelledby="claims-title">
      ${heading(this.level + 1, m.map.claims, 'section-label', 'claims-title')}
      ${
        folds
          ? html`<button type="button" class="claims-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="claims-list"
              @click=${() => this.toggleClaims(open)}>${open ? m.map.hideClaims : m.map.showClaims(claims.length)}</button>`
          : nothing
      }
      <ol id="claims-list" ?hidden=${!open}>${claims.map((c) => {
        const k = c.claim;
        const stop = m.common.stop;
        const said = m.common.sentences([
          m.map.claimBy(isolate(k.assertedBy), isolate(k.assertion)),
          `${m.common.status[c.status]}${c.confidence !== undefined ? `; ${formatConfidence(c.confidence, m)}` : ''}`,
        ]);
        const text = html`<strong>${m.map.relation[c.relation]}</strong>${stop} <bdi lang=${ifDefined(lang)}>${said}</bdi>${stop}${k.caveats?.length ? html` <span class="caveat" lang=${ifDefined(lang)}>${k.caveats.map(isolate).join(' ')}</span>` : nothing}`;
        if (drawn.has(c.id)) return html`<li data-claim=${c.id}>${text}</li>`;
        // Its details open right after its button, where "details below" sends the reader.
        return html`<li data-claim-id=${c.id}>${text} (${m.map.notOnMap})
          <button type="button" class="claim-open" aria-label=${`${m.common.sources}: ${this.claimOption(c).name}`} aria-expanded=${chosen === c.id ? 'true' : 'false'}
            aria-controls=${chosen === c.id ? 'details' : nothing} aria-details=${chosen === c.id ? 'details' : nothing}
            @click=${(e: Event) => (chosen === c.id ? this.closeDetails() : void this.openClaim(c.id, e.currentTarget as HTMLElement))}>${m.common.sources}</button>
          ${chosen === c.id ? this.renderDetails(emphasisFor(r, this.shown), this.shown) : nothing}</li>`;
      })}</ol>
    </section>`;
  }

  /** The claims button: closing the list closes a listed claim's details in it too. */
  private toggleClaims(open: boolean) {
    this.claimsOpenFor = open ? null : (this.resolved ?? null);
    if (open && this.isListedClaim(this.shown.claim)) this.closeDetails();
  }

  /** True for a claim that is listed but not drawn (no place of its own, or denied). */
  private isListedClaim(id: string | undefined): boolean {
    return id !== undefined && !this.layout?.arcs.some((a) => a.id === id);
  }

  /** The hover preview: a short tip over the map, beside the item. */
  private renderTip(): TemplateResult | typeof nothing {
    const r = this.resolved;
    const item = this.preview;
    if (!r || !item) return nothing;
    const lang = langOf(r.incident.lang, this.effectiveLocale);
    const l = this.layout;
    let text: OptionText | null = null;
    if (item.kind === 'place') {
      const p = l?.places.find((x) => x.id === item.id);
      if (p) text = this.placeOption(p);
    } else {
      const c = r.claimById.get(item.id);
      if (c) text = this.claimOption(c);
    }
    if (!text) return nothing;
    return html`<div class="tip" role="tooltip" id="tip"><strong lang=${ifDefined(lang)}>${text.name}</strong>${text.description ? html`<bdi lang=${ifDefined(lang)}>${shortTip(text.description)}</bdi>` : nothing}</div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Escape dismisses the preview wherever focus is (adding the same listener twice is a no-op).
    if (this.preview && this.isConnected) document.addEventListener('keydown', this.escapePreview, true);
    else document.removeEventListener('keydown', this.escapePreview, true);
    this.placeTip();
  }

  /**
   * Puts the tip beside its item, inside the map, over none of the other places and claim
   * lines when it can (CSSOM, allowed under a strict CSP).
   */
  private placeTip() {
    const tip = this.renderRoot.querySelector<HTMLElement>('.tip');
    const item = this.preview;
    const l = this.layout;
    if (!tip || !item || !l) return;
    const chart = this.renderRoot.querySelector<HTMLElement>('.chart');
    const target = this.roving.options.element(item);
    if (!chart || !target) return;
    const c = chart.getBoundingClientRect();
    const t = target.getBoundingClientRect();
    const box = { x0: t.left - c.left, y0: t.top - c.top, x1: t.right - c.left, y1: t.bottom - c.top };
    const avoid: Box[] = [];
    const prefer: Box[] = [];
    // The layout's units times the text scale are CSS px.
    const k = this.scale;
    const around = (x: number, y: number, r: number): Box => ({ x0: (x - r) * k, x1: (x + r) * k, y0: (y - r) * k, y1: (y + r) * k });
    for (const p of l.places) {
      if (item.kind === 'place' && p.id === item.id) continue;
      avoid.push(around(p.x, p.y, Math.max(p.target, p.radius)));
    }
    for (const a of l.arcs) {
      if (item.kind === 'claim' && a.id === item.id) continue;
      for (const [x, y] of a.points) prefer.push(around(x, y, 6));
    }
    const spot = placeTip(box, tip.offsetWidth, tip.offsetHeight, c.width, c.height, avoid, prefer);
    tip.style.left = `${spot.left}px`;
    tip.style.top = `${spot.top}px`;
  }

  protected override exportText(): { subtitle: string[]; footer: string[] } {
    const { subtitle, footer } = super.exportText();
    const m = this.messages;
    return { subtitle: [m.map.title, ...subtitle], footer: [...footer, `${m.map.credit}${this.boundaryLayer ? ` ${m.map.boundaryCredit}` : ''}`] };
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const r = this.resolved;
    const incident = this.incident;
    if (!r || !incident) return this.renderPending();
    if (!incident.places?.length) return this.renderNoPlaces();
    const width = this.size.width;
    const height = mapHeight(width);
    const l = this.layout;
    // The box in CSS px; the drawing in the layout's units (see willUpdate).
    const box = `0 0 ${width / this.scale} ${height / this.scale}`;
    const shown = this.shown;
    const lit = emphasisFor(r, this.preview ? selectionOf(this.preview) : shown);
    const drawn: FocusItem[] = l ? [...l.places.map((p) => ({ kind: 'place', id: p.id })), ...l.arcs.map((a) => ({ kind: 'claim', id: a.id }))] : [];
    const stop = this.roving.tabStop(drawn);
    const isStop = (kind: Kind, id: string) => stop?.kind === kind && stop.id === id;
    const isPreview = (kind: Kind, id: string) => this.preview?.kind === kind && this.preview.id === id;
    const option = (text: OptionText) => ({ label: text.name, description: text.description });
    return html`<figure part="base" aria-labelledby="title">
      <figcaption class=${this.noCaption ? 'sr-only' : ''}>
        ${heading(this.level, m.map.title, 'caption-title', 'title', 'title')}
        <p class="summary">${m.map.summary}</p>
      </figcaption>
      ${this.renderErrors()}
      <div class="chart" part="chart" @keydown=${this.roving.handleKeydown} @click=${this.handleClick} @focusin=${this.roving.handleFocusIn}
        @pointerover=${this.handlePointerOver} @pointerleave=${this.leaveChart}>
        ${
          l
            ? html`<svg class="layer" aria-hidden="true" width=${width} height=${height} viewBox=${box}>${backdrop(l, lit)}</svg>
              <svg class="plot" role="listbox" aria-label=${m.map.label(shorten(incident.title))} aria-describedby="map-help" width=${width} height=${height} viewBox=${box}>
                ${repeat(
                  l.places,
                  (p) => p.id,
                  (p) => place(p, { tabStop: isStop('place', p.id), selected: shown.place === p.id, previewed: isPreview('place', p.id), ...option(this.placeOption(p)) }),
                )}
                ${repeat(
                  l.arcs,
                  (a) => a.id,
                  (a) => {
                    const c = r.claimById.get(a.id);
                    return arc(a, {
                      tabStop: isStop('claim', a.id),
                      selected: shown.claim === a.id,
                      previewed: isPreview('claim', a.id),
                      ...(c ? option(this.claimOption(c)) : { label: '', description: '' }),
                    });
                  },
                )}
              </svg>
              <svg class="targets" aria-hidden="true" width=${width} height=${height} viewBox=${box}>${pointerTargets(l)}</svg>`
            : html`<svg class="plot" aria-hidden="true" width=${width} height=${height}></svg>`
        }
        ${this.renderTip()}
      </div>
      <p id="map-help" hidden>${m.map.keyboardHelp}</p>
      ${this.renderLegend(legendItems(m, this.quiet))}
      ${this.isListedClaim(shown.claim) ? nothing : this.renderDetails(this.preview ? emphasisFor(r, shown) : lit, shown)}
      ${this.renderClaimsList(l)}
      <p class="credit" part="credit">${m.map.credit}${this.boundaryLayer ? ` ${m.map.boundaryCredit}` : ''}</p>
      ${this.renderLive()}
    </figure>`;
  }
}
