/**
 * `<attack-map>`: the element that draws the attribution map from the map layout (loaded,
 * with d3-geo and land, only when a map is drawn), and handles the reader's keyboard, hover
 * and choice of a place or a claim. Templates are in attack-map.marks.ts.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ResizeController } from '../../controllers/resize-controller.js';
import { RovingFocusController, type FocusItem } from '../../controllers/roving-focus-controller.js';
import { boundaryGeometry, loadLand, resolutionFor, type Land, type Resolution } from '../../geo/basemap.js';
import { formatConfidence, formatEventDate } from '../../i18n/format.js';
import { AttackElement } from '../../internal/attack-element.js';
import { claimDetails } from '../../internal/details.js';
import { LoadError, loadText } from '../../internal/load.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import type { MapLayout, PlaceLayout } from '../../layout/map-layout.js';
import { mapHeight } from '../../layout/map-size.js';
import { emphasisFor, selection, type Emphasis, type Selection } from '../../model/selection.js';
import type { Issue, Place, ResolvedClaim } from '../../model/types.js';
import { arc, backdrop, legendItems, place } from './attack-map.marks.js';
import { styles } from './attack-map.styles.js';

type MapGeo = typeof import('../../layout/map-layout.js');
type Kind = 'place' | 'claim';

const ROLE_ORDER = { target: 0, origin: 1, infrastructure: 2, reference: 3 };

/** The selection a place or claim item stands for. */
function selectionOf(item: FocusItem | null, claimEvent?: string): Selection {
  if (!item) return {};
  return item.kind === 'place' ? selection(null, item.id) : selection(claimEvent, null, item.id);
}

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
    escape: () => {
      this.preview = null;
      const s = this.selection;
      if (s.event === undefined && s.place === undefined && s.claim === undefined) return false;
      this.choose(null);
      return true;
    },
  });

  /** The place or claim under a mouse pointer: previewed in the details until it leaves. */
  @state() private preview: FocusItem | null = null;
  @state() private geo: MapGeo | null = null;
  @state() private land: Land | null = null;
  @state() private boundaryLayer: ReturnType<typeof boundaryGeometry> | null = null;
  @state() private boundaryErrors: Issue[] = [];

  private landResolution: Resolution | null = null;
  private geoLoading = false;
  private boundaryLoader: AbortController | null = null;
  private layout: MapLayout | null = null;
  private layoutInputs: unknown[] = [];

  override get issues(): { errors: Issue[]; warnings: Issue[] } {
    const base = super.issues;
    return { errors: [...base.errors, ...this.boundaryErrors], warnings: base.warnings };
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
    const inputs = [r, width, this.land, this.boundaryLayer, this.showDenied, this.effectiveLocale];
    if (this.layout && inputs.every((v, i) => v === this.layoutInputs[i])) return;
    this.layoutInputs = inputs;
    this.layout = this.geo.layoutMap(r, {
      width,
      height: mapHeight(width),
      measure: this.measure,
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

  private focusOrder(): FocusItem[] {
    const l = this.layout;
    if (!l) return [];
    const places = [...l.places].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    return [...places.map((p) => ({ kind: 'place', id: p.id })), ...l.arcs.map((a) => ({ kind: 'claim', id: a.id }))];
  }

  private itemOf(node: Element | null): FocusItem | null {
    const el = node?.closest('[data-place-id], [data-claim-id]');
    const place = el?.getAttribute('data-place-id');
    if (place != null) return { kind: 'place' satisfies Kind, id: place };
    const claim = el?.getAttribute('data-claim-id');
    return claim != null ? { kind: 'claim' satisfies Kind, id: claim } : null;
  }

  private handleClick(event: MouseEvent) {
    const item = event.target instanceof Element ? this.itemOf(event.target) : null;
    if (item) this.choose(item);
  }

  private handlePointerOver(event: PointerEvent) {
    if (event.pointerType !== 'mouse') return; // touch and pen choose by tapping
    const next = event.target instanceof Element ? this.itemOf(event.target) : null;
    if (next?.kind !== this.preview?.kind || next?.id !== this.preview?.id) this.preview = next;
  }

  // Words

  private precisionText(p: Place): string {
    if (p.precisionMeters === undefined || p.precisionMeters < 1000) return '';
    const km = new Intl.NumberFormat(this.effectiveLocale, { maximumFractionDigits: 0 }).format(p.precisionMeters / 1000);
    return this.messages.map.withinAbout(km);
  }

  /** A claim in words: what, by whom, status, likelihood and caveats. */
  private claimText(c: ResolvedClaim): string {
    const m = this.messages;
    const k = c.claim;
    return m.common.sentences([
      m.map.relation[k.relation],
      m.map.claimBy(k.assertedBy, k.assertion),
      m.common.status[c.status],
      c.confidence !== undefined ? formatConfidence(c.confidence, m) : '',
      k.caveats?.length ? `${m.map.caveats}: ${k.caveats.join(' ')}` : '',
    ]);
  }

  private placeText(p: PlaceLayout): string {
    const m = this.messages;
    const n = this.resolved?.claimsByPlace.get(p.id)?.length ?? 0;
    return m.common.sentences([p.place.name, m.map.role[p.role], this.precisionText(p.place), n ? `${m.map.claims}: ${n}` : '']);
  }

  // Rendering

  private renderDetails(lit: Emphasis, shown: Selection): TemplateResult | typeof nothing {
    const m = this.messages;
    const r = this.resolved;
    if (!r) return nothing;
    const claims = r.claims.filter((c) => lit.claims.has(c.id));
    const ctx = this.detailsContext;
    const placeId = this.preview ? (this.preview.kind === 'place' ? this.preview.id : undefined) : shown.place;
    let body: TemplateResult | null = null;
    const p = placeId !== undefined ? r.placeById.get(placeId) : undefined;
    if (p) {
      const events = r.eventsByPlace.get(p.id) ?? [];
      body = html`<p class="details-title">${p.name}</p>
        <p>${m.common.sentences([m.map.role[p.role ?? 'reference'], this.precisionText(p)])}</p>
        ${claims.map((c) => claimDetails(c, ctx))}
        ${
          events.length
            ? html`<p class="section-label">${m.map.eventsHere}</p>
              <ul class="events">${events.map((e) => html`<li><button type="button" @click=${() => this.userSelect(e.id)}>${formatEventDate(e, ctx.locale, ctx.zone, m)}: ${e.event.title}</button></li>`)}</ul>`
            : nothing
        }`;
    } else if (claims.length) body = html`${claims.map((c) => claimDetails(c, ctx))}`;
    return body ? this.renderDetailsPanel(body, () => this.choose(null), { label: m.common.details }) : nothing;
  }

  /** Every claim in words; the entry is the claim's hook when its arc is not drawn. */
  private renderClaimsList(l: MapLayout | null): TemplateResult | typeof nothing {
    const claims = this.resolved?.claims ?? [];
    if (!claims.length) return nothing;
    const m = this.messages;
    const drawn = new Set(l?.arcs.map((a) => a.id));
    return html`<section class="claims" part="claims" aria-label=${m.map.claims}>
      <p class="section-label">${m.map.claims}</p>
      <ol>${claims.map((c) => {
        const k = c.claim;
        const stop = m.common.stop;
        const said = m.common.sentences([
          m.map.claimBy(k.assertedBy, k.assertion),
          `${m.common.status[c.status]}${c.confidence !== undefined ? `; ${formatConfidence(c.confidence, m)}` : ''}`,
        ]);
        const text = html`<strong>${m.map.relation[k.relation]}</strong>${stop} ${said}${stop}${k.caveats?.length ? html` <span class="caveat">${k.caveats.join(' ')}</span>` : nothing}`;
        return drawn.has(c.id) ? html`<li data-claim=${c.id}>${text}</li>` : html`<li data-claim-id=${c.id}>${text} (${m.map.notOnMap})</li>`;
      })}</ol>
    </section>`;
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
    const width = this.size.width;
    const height = mapHeight(width);
    const l = this.layout;
    const shown = this.shown;
    const lit = emphasisFor(r, this.preview ? selectionOf(this.preview) : shown);
    const drawn: FocusItem[] = l ? [...l.places.map((p) => ({ kind: 'place', id: p.id })), ...l.arcs.map((a) => ({ kind: 'claim', id: a.id }))] : [];
    const stop = this.roving.tabStop(drawn);
    const isStop = (kind: Kind, id: string) => stop?.kind === kind && stop.id === id;
    return html`<figure part="base">
      <figcaption class=${this.noCaption ? 'sr-only' : ''}>
        <p class="caption-title" part="title">${m.map.title}</p>
        <p class="summary">${m.map.summary}</p>
      </figcaption>
      ${this.renderErrors()}
      <div class="chart" part="chart" @keydown=${this.roving.handleKeydown} @click=${this.handleClick} @focusin=${this.roving.handleFocusIn}
        @pointerover=${this.handlePointerOver} @pointerleave=${() => (this.preview = null)}>
        ${
          l
            ? html`<svg class="layer" aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">${backdrop(l, lit)}</svg>
              <svg class="plot" role="listbox" aria-label=${m.map.label(incident.title)} aria-describedby="map-help" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
                ${repeat(
                  l.places,
                  (p) => p.id,
                  (p) => place(p, { tabStop: isStop('place', p.id), selected: shown.place === p.id, label: this.placeText(p) }),
                )}
                ${repeat(
                  l.arcs,
                  (a) => a.id,
                  (a) => {
                    const c = r.claimById.get(a.id);
                    return arc(a, { tabStop: isStop('claim', a.id), selected: shown.claim === a.id, label: c ? this.claimText(c) : '' });
                  },
                )}
              </svg>`
            : html`<svg class="plot" aria-hidden="true" width=${width} height=${height}></svg>`
        }
      </div>
      <p id="map-help" class="sr-only">${m.map.keyboardHelp}</p>
      ${this.renderLegend(legendItems(m))}
      ${this.renderDetails(lit, shown)}
      ${this.renderClaimsList(l)}
      <p class="credit" part="credit">${m.map.credit}${this.boundaryLayer ? ` ${m.map.boundaryCredit}` : ''}</p>
    </figure>`;
  }
}
