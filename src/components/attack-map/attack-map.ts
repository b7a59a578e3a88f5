import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ResizeController } from '../../controllers/resize-controller.js';
import type { AttackErrorDetail, AttackSelectDetail } from '../../events.js';
import { boundaryGeometry, loadLand, resolutionFor, type Land, type Resolution } from '../../geo/basemap.js';
import { formatConfidence, formatEventDate } from '../../i18n/format.js';
import { AttackElement } from '../../internal/attack-element.js';
import { rovingIndex } from '../../internal/keys.js';
import { LinkController } from '../../internal/link.js';
import { LoadError, loadText } from '../../internal/load.js';
import { claimDetails } from '../../internal/details.js';
import { canvasMeasure } from '../../internal/measure.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import type { ArcLayout, MapLayout, PlaceLayout } from '../../layout/map-layout.js';
import { mapHeight } from '../../layout/map-size.js';
import type { SizedMeasure } from '../../layout/text.js';
import type { Claim, Issue, Place } from '../../model/types.js';
import { styles } from './attack-map.styles.js';

type MapGeo = typeof import('../../layout/map-layout.js');
type Item = { kind: 'place' | 'claim'; id: string };

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
  protected readonly linker = new LinkController(this);

  /** The place or claim the reader chose on the map. */
  @state() private item: Item | null = null;
  /** The place or claim under a mouse pointer: previewed in the details until it leaves. */
  @state() private preview: Item | null = null;
  /** The place or claim holding the chart's one tab stop. */
  @state() private focusKey: string | null = null;
  @state() private geo: MapGeo | null = null;
  @state() private land: Land | null = null;
  @state() private boundaryLayer: ReturnType<typeof boundaryGeometry> | null = null;
  @state() private boundaryErrors: Issue[] = [];

  private landResolution: Resolution | null = null;
  private geoLoading = false;
  private boundaryLoader: AbortController | null = null;
  private measure: SizedMeasure | null = null;
  private layout: MapLayout | null = null;
  private layoutInputs: unknown[] = [];
  private focusAfterUpdate = false;

  override get issues(): { errors: Issue[]; warnings: Issue[] } {
    const base = super.issues;
    return { errors: [...base.errors, ...this.boundaryErrors], warnings: base.warnings };
  }

  /** Follows a linked element's selection without announcing one of its own. */
  followSelection(detail: AttackSelectDetail): void {
    if (detail.place) this.item = { kind: 'place', id: detail.place };
    else if (detail.claim) this.item = { kind: 'claim', id: detail.claim };
    else this.item = null;
    this.select(detail.id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.boundaryLoader?.abort();
    this.boundaryLoader = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('boundaries')) this.loadBoundaries();
    const r = this.resolved;
    const width = this.size.width;
    if (!r || width <= 0) {
      this.layout = null;
      return;
    }
    // Geometry code and land load only now, when a map is about to be drawn.
    if (!this.geo && !this.geoLoading) {
      this.geoLoading = true;
      import('../../layout/map-layout.js').then((m) => (this.geo = m), () => (this.geoLoading = false));
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
    const inputs = [r, width, this.land, this.boundaryLayer, this.showDenied, this.effectiveLocale];
    if (this.layout && inputs.every((v, i) => v === this.layoutInputs[i])) return;
    this.layoutInputs = inputs;
    this.measure ??= canvasMeasure(getComputedStyle(this).fontFamily || 'sans-serif');
    this.layout = this.geo.layoutMap(r, {
      width,
      height: mapHeight(width),
      measure: this.measure,
      land: this.land,
      boundaries: this.boundaryLayer,
      showDenied: this.showDenied,
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAfterUpdate && this.focusKey) {
      const [kind, id] = this.focusKey.split(':', 2) as ['place' | 'claim', string];
      const target = this.renderRoot.querySelector<SVGGElement>(`svg.plot [data-${kind}-id="${CSS.escape(id)}"]`);
      if (target) {
        this.focusAfterUpdate = false;
        target.focus();
      }
    }
  }

  private loadBoundaries() {
    this.boundaryLoader?.abort();
    this.boundaryLayer = null;
    this.boundaryErrors = [];
    const url = this.boundaries;
    if (!url) return;
    const loader = new AbortController();
    this.boundaryLoader = loader;
    loadText(url, { timeout: this.timeout, maxBytes: this.maxBytes, signal: loader.signal })
      .then((text) => boundaryGeometry(JSON.parse(text)))
      .then(
        (layer) => {
          if (this.boundaryLoader === loader) this.boundaryLayer = layer;
        },
        (err: unknown) => {
          if (this.boundaryLoader !== loader || loader.signal.aborted) return;
          const message = err instanceof LoadError ? err.issue.message : err instanceof SyntaxError ? 'is not valid JSON' : err instanceof Error ? err.message : String(err);
          this.boundaryErrors = [{ path: 'boundaries', message }];
          this.dispatchEvent(new CustomEvent<AttackErrorDetail>('attack-error', { detail: { errors: this.boundaryErrors }, bubbles: true, composed: true }));
        },
      )
      .finally(() => {
        if (this.boundaryLoader === loader) this.boundaryLoader = null;
      });
  }

  // What is chosen and what it lights up

  private claimsOf(place: string): Claim[] {
    return (this.incident?.claims ?? []).filter((c) => c.from === place || c.to === place);
  }

  /** Places and claims to emphasise: the hovered or chosen item's, else the selected event's. */
  private emphasis(): { places: Set<string>; claims: Set<string> } {
    const places = new Set<string>();
    const claims = new Set<string>();
    const all = this.incident?.claims ?? [];
    const addClaim = (c: Claim) => {
      claims.add(c.id);
      if (c.from) places.add(c.from);
      places.add(c.to);
    };
    const item = this.preview ?? this.item;
    if (item?.kind === 'place') {
      places.add(item.id);
      this.claimsOf(item.id).forEach((c) => claims.add(c.id));
    } else if (item?.kind === 'claim') {
      const c = all.find((k) => k.id === item.id);
      if (c) addClaim(c);
    } else if (this.selected) {
      const e = this.resolved?.eventById.get(this.selected);
      e?.event.places?.forEach((p) => places.add(p));
      all.filter((c) => c.event === this.selected).forEach(addClaim);
    }
    return { places, claims };
  }

  private choose(item: Item | null) {
    this.item = item;
    if (!item) {
      this.announce({ id: null });
      return;
    }
    this.focusKey = `${item.kind}:${item.id}`;
    if (item.kind === 'place') this.announce({ id: null, place: item.id });
    else this.announce({ id: this.incident?.claims?.find((c) => c.id === item.id)?.event ?? null, claim: item.id });
  }

  // Keyboard

  private order(): string[] {
    const l = this.layout;
    if (!l) return [];
    const rank = { target: 0, origin: 1, infrastructure: 2, reference: 3 };
    return [...[...l.places].sort((a, b) => rank[a.role] - rank[b.role]).map((p) => `place:${p.id}`), ...l.arcs.map((a) => `claim:${a.id}`)];
  }

  private keyOf(el: Element | null): string | null {
    const item = el?.closest('[data-place-id], [data-claim-id]');
    if (!item) return null;
    const place = item.getAttribute('data-place-id');
    return place ? `place:${place}` : `claim:${item.getAttribute('data-claim-id')}`;
  }

  private handleKeydown(event: KeyboardEvent) {
    const key = this.keyOf(event.target as Element);
    if (!key) return;
    const order = this.order();
    const i = order.indexOf(key);
    const to = rovingIndex(event.key, i, order.length);
    if (to !== null) {
      event.preventDefault();
      this.focusKey = order[to];
      this.focusAfterUpdate = true;
      this.requestUpdate();
      return;
    }
    let handled = true;
    switch (event.key) {
      case 'Enter':
      case ' ': {
        const [kind, id] = key.split(':', 2) as Item['kind'][];
        this.choose({ kind, id });
        break;
      }
      case 'Escape':
        this.preview = null;
        if (this.item || this.selected) this.choose(null);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  private handleClick(event: MouseEvent) {
    const key = this.keyOf(event.target as Element);
    if (!key) return;
    const [kind, id] = key.split(':', 2) as Item['kind'][];
    this.choose({ kind, id });
  }

  private handlePointerOver(event: PointerEvent) {
    if (event.pointerType !== 'mouse') return; // touch and pen choose by tapping
    const key = this.keyOf(event.target as Element);
    const [kind, id] = (key?.split(':', 2) ?? []) as Item['kind'][];
    const next = key ? { kind, id } : null;
    if (next?.kind !== this.preview?.kind || next?.id !== this.preview?.id) this.preview = next;
  }

  private handleFocusIn(event: FocusEvent) {
    const key = this.keyOf(event.target as Element);
    if (key) this.focusKey = key;
  }

  // Words

  private precisionText(p: Place): string {
    if (p.precisionMeters === undefined || p.precisionMeters < 1000) return '';
    const km = new Intl.NumberFormat(this.effectiveLocale, { maximumFractionDigits: 0 }).format(p.precisionMeters / 1000);
    return this.messages.withinAbout(km);
  }

  private claimText(c: Claim): string {
    const m = this.messages;
    const parts = [
      m.relation[c.relation],
      m.claimBy(c.assertedBy, c.assertion),
      m.status[c.status ?? 'reported'],
      c.confidence !== undefined ? formatConfidence(c.confidence, m) : '',
      c.caveats?.length ? `${m.caveats}: ${c.caveats.join(' ')}` : '',
    ];
    return parts.filter(Boolean).join('. ');
  }

  private placeText(p: PlaceLayout): string {
    const m = this.messages;
    const n = this.claimsOf(p.id).length;
    return [p.place.name, m.role[p.role], this.precisionText(p.place), n ? `${m.claims}: ${n}` : ''].filter(Boolean).join('. ');
  }

  // Rendering

  private renderBackdrop(l: MapLayout, emphasis: ReturnType<AttackMap['emphasis']>): SVGTemplateResult {
    return svg`
      ${l.land ? svg`<path class="land" d=${l.land}></path>` : nothing}
      ${l.boundaries ? svg`<path class="boundary" d=${l.boundaries}></path>` : nothing}
      ${l.places.filter((p) => p.area).map((p) => svg`<path class=${emphasis.places.has(p.id) ? 'area highlight' : 'area'} ?data-outline=${Boolean(p.place.shape)} d=${p.area}></path>`)}
      ${l.arcs.map((a) => svg`<path class=${emphasis.claims.has(a.id) ? 'arc highlight' : 'arc'} data-status=${a.status} stroke-opacity=${a.opacity.toFixed(2)} d=${a.d}></path>`)}
      ${l.places.filter((p) => !p.area).map((p) => p.role === 'target'
        ? svg`<circle class="target-ring" cx=${p.x} cy=${p.y} r=${p.marker + 4}></circle><circle class="target" cx=${p.x} cy=${p.y} r=${p.marker}></circle>`
        : svg`<circle class="reference" cx=${p.x} cy=${p.y} r=${p.marker}></circle>`)}
      ${l.places.map((p) => p.label
        ? svg`<text class="place-label" data-role=${p.role} x=${p.label.x} y=${p.label.y} text-anchor=${p.label.anchor}>${p.label.lines.map((line, i) => svg`<tspan x=${p.label!.x} dy=${i ? 16 : 0}>${line}</tspan>`)}</text>`
        : nothing)}`;
  }

  private renderPlace(p: PlaceLayout, tabStop: string | null): SVGTemplateResult {
    const key = `place:${p.id}`;
    const selected = this.item?.kind === 'place' && this.item.id === p.id;
    return svg`<g class="place" role="option" data-place-id=${p.id} tabindex=${key === tabStop ? 0 : -1}
        aria-selected=${selected ? 'true' : 'false'} aria-label=${this.placeText(p)}>
      ${p.area ? svg`<path class="hit" d=${p.area}></path>` : svg`<circle class="hit" cx=${p.x} cy=${p.y} r=${Math.max(12, p.marker + 6)}></circle>`}
    </g>`;
  }

  private renderArc(a: ArcLayout, tabStop: string | null): SVGTemplateResult {
    const key = `claim:${a.id}`;
    const selected = this.item?.kind === 'claim' && this.item.id === a.id;
    return svg`<g class="claim" role="option" data-claim-id=${a.id} tabindex=${key === tabStop ? 0 : -1}
        aria-selected=${selected ? 'true' : 'false'} aria-label=${this.claimText(a.claim)}>
      <path class="hit" d=${a.d}></path>
    </g>`;
  }

  private renderLegend(): TemplateResult {
    const m = this.messages;
    const line = (status: string) => svg`<path class="arc" data-status=${status} d="M2,8L30,8"></path>`;
    const item = (glyph: SVGTemplateResult, text: string) => html`<li><svg width="32" height="16" aria-hidden="true">${glyph}</svg><span>${text}</span></li>`;
    return html`<ul class="legend" part="legend" aria-label=${m.legendTitle}>
      <li class="legend-title" aria-hidden="true">${m.legendTitle}</li>
      ${(['confirmed', 'reported', 'single-source', 'disputed', 'denied'] as const).map((s) => item(line(s), `${m.status[s]}: ${m.statusMeaning[s]}`))}
      ${item(svg`<path class="arc" data-status="confirmed" stroke-opacity="0.55" d="M2,8L30,8"></path>`, m.legendStrength)}
      ${item(svg`<circle class="area" cx="16" cy="8" r="7"></circle>`, m.legendArea)}
      ${item(svg`<circle class="target" cx="16" cy="8" r="5"></circle>`, m.legendTarget)}
    </ul>`;
  }

  private renderClaimDetails(c: Claim): TemplateResult {
    return claimDetails(c, { resolved: this.resolved!, locale: this.effectiveLocale, zone: this.effectiveTimeZone, messages: this.messages });
  }

  private renderDetails(emphasis: ReturnType<AttackMap['emphasis']>): TemplateResult | typeof nothing {
    const m = this.messages;
    const r = this.resolved;
    if (!r) return nothing;
    const claims = (this.incident?.claims ?? []).filter((c) => emphasis.claims.has(c.id));
    let body: TemplateResult | null = null;
    const item = this.preview ?? this.item;
    if (item?.kind === 'place') {
      const place = r.placeById.get(item.id);
      if (!place) return nothing;
      const events = r.events.filter((e) => e.event.places?.includes(place.id));
      body = html`<p class="details-title">${place.name}</p>
        <p>${[m.role[place.role ?? 'reference'], this.precisionText(place)].filter(Boolean).join('. ')}</p>
        ${claims.map((c) => this.renderClaimDetails(c))}
        ${events.length
          ? html`<p class="section-label">${m.eventsHere}</p>
              <ul class="events">${events.map((e) => html`<li><button type="button" @click=${() => this.showEvent(e.id)}>${formatEventDate(e, this.effectiveLocale, this.effectiveTimeZone, m)}: ${e.event.title}</button></li>`)}</ul>`
          : nothing}`;
    } else if (claims.length) {
      body = html`${claims.map((c) => this.renderClaimDetails(c))}`;
    }
    if (!body) return nothing;
    return html`<section class="details" part="details" aria-label=${m.details}>
      <button type="button" class="close" aria-label=${m.close} @click=${() => this.choose(null)}>×</button>
      ${body}
    </section>`;
  }

  private showEvent(id: string) {
    this.item = null;
    this.userSelect(id);
  }

  /** Every claim in words; the entry is the claim's hook when its arc is not drawn. */
  private renderClaimsList(l: MapLayout | null): TemplateResult | typeof nothing {
    const claims = this.incident?.claims ?? [];
    if (!claims.length) return nothing;
    const m = this.messages;
    const drawn = new Set(l?.arcs.map((a) => a.id));
    return html`<section class="claims" part="claims" aria-label=${m.claims}>
      <p class="section-label">${m.claims}</p>
      <ol>${claims.map((c) => {
        const text = html`<strong>${m.relation[c.relation]}</strong>. ${m.claimBy(c.assertedBy, c.assertion)} ${m.status[c.status ?? 'reported']}${c.confidence !== undefined ? `; ${formatConfidence(c.confidence, m)}` : ''}.${c.caveats?.length ? html` <span class="caveat">${c.caveats.join(' ')}</span>` : nothing}`;
        return drawn.has(c.id)
          ? html`<li data-claim=${c.id}>${text}</li>`
          : html`<li data-claim-id=${c.id}>${text} (${m.notOnMap})</li>`;
      })}</ol>
    </section>`;
  }


  protected override render(): TemplateResult {
    const m = this.messages;
    const incident = this.incident;
    if (!this.resolved || !incident) {
      return this.renderPending();
    }
    const width = this.size.width;
    const height = mapHeight(width);
    const l = this.layout;
    const emphasis = this.emphasis();
    const order = this.order();
    const tabStop = this.focusKey && order.includes(this.focusKey) ? this.focusKey : order[0] ?? null;
    return html`<figure part="base">
      <figcaption>
        <p class="caption-title" part="title">${m.mapTitle}</p>
        <p class="summary">${m.mapSummary}</p>
      </figcaption>
      ${this.renderErrors()}
      <div class="chart" part="chart" @keydown=${this.handleKeydown} @click=${this.handleClick} @focusin=${this.handleFocusIn}
        @pointerover=${this.handlePointerOver} @pointerleave=${() => (this.preview = null)}>
        ${l
          ? html`<svg class="layer" aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">${this.renderBackdrop(l, emphasis)}</svg>
              <svg class="plot" role="listbox" aria-label=${m.mapLabel(incident.title)} aria-describedby="map-help" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
                ${l.places.map((p) => this.renderPlace(p, tabStop))}
                ${l.arcs.map((a) => this.renderArc(a, tabStop))}
              </svg>`
          : html`<svg class="plot" aria-hidden="true" width=${width} height=${height}></svg>`}
      </div>
      <p id="map-help" class="sr-only">${m.mapKeyboardHelp}</p>
      ${this.renderLegend()}
      ${this.renderDetails(emphasis)}
      ${this.renderClaimsList(l)}
      <p class="credit" part="credit">${m.credit}${this.boundaryLayer ? ` ${m.boundaryCredit}` : ''}</p>
    </figure>`;
  }
}
