import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property } from 'lit/decorators.js';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import { formatResolvedDate, zoneName } from '../../i18n/format.js';
import { AttackElement } from '../../internal/attack-element.js';
import { heading } from '../../internal/chrome.js';
import { incidentDescription, langOf } from '../../internal/describe.js';
import { clipText, SHOWN_MAX } from '../../layout/text.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { resolveDate } from '../../model/dates.js';
import { selection } from '../../model/selection.js';
import type { ParseResult } from '../../model/types.js';
import { readHashParam, writeHashParam } from './hash.js';
import { styles } from './attack-story.styles.js';

let stories = 0;

/** On a phone (the timeline's vertical layout), a story lists this many events before "Show all N events". */
const FIRST_EVENTS = 6;

/** The parts' own parts, re-exposed with a prefix: `timeline-chart`, `map-legend`, … */
const exported = (prefix: string, parts: string[]) => parts.map((p) => `${p}: ${prefix}-${p}`).join(', ');
const TIMELINE_PARTS = exported('timeline', ['base', 'title', 'toolbar', 'chart', 'legend', 'details', 'alert']);
const MAP_PARTS = exported('map', ['base', 'title', 'chart', 'legend', 'details', 'claims', 'credit', 'alert']);

/**
 * The one-snippet news embed: title, summary and last update, the timeline and the map linked
 * by selection (side by side when wide, stacked when narrow), details with sources, and
 * previous/next through the events. The selected event is kept in the page's URL hash
 * (`#<story key>=<event id>`, other keys left alone) so a link opens on it; paragraphs of the
 * article marked `data-attack-event="<id>"` select their event as they scroll into view. It
 * renders, and fetches `src`, only when near the viewport.
 *
 * @fires attack-select - The reader selected an event, a place or a claim, in any part (`detail.id`, `detail.place`, `detail.claim`).
 * @fires attack-load - The incident loaded (`detail.incident`).
 * @fires attack-error - Something in the data, its loading or the boundary layer was wrong (`detail.errors`).
 *
 * @slot - Fallback content (heading, an `<ol>` of events with dates and sources): shown before the element upgrades, until it nears the viewport, and on error.
 *
 * @csspart base - The article around everything.
 * @csspart title - The incident title.
 * @csspart timeline - The `<attack-timeline>`.
 * @csspart map - The `<attack-map>`, drawn only when the incident has places.
 * @csspart stepper - Previous / next.
 * @csspart alert - The error message.
 * @csspart timeline-base - The timeline's figure.
 * @csspart timeline-title - The timeline's title (visually hidden in a story).
 * @csspart timeline-toolbar - The timeline's zoom buttons.
 * @csspart timeline-chart - The timeline's chart area.
 * @csspart timeline-legend - The timeline's legend.
 * @csspart timeline-details - The details panel of the selected event.
 * @csspart timeline-alert - The timeline's error message.
 * @csspart map-base - The map's figure.
 * @csspart map-title - The map's title.
 * @csspart map-chart - The map drawing.
 * @csspart map-legend - The map's legend.
 * @csspart map-details - Details of the chosen place or claim.
 * @csspart map-claims - The list of every claim, in words.
 * @csspart map-credit - The map's data credit.
 * @csspart map-alert - The map's error message.
 *
 * @cssproperty --attack-story-min-height - Height held for the story until it draws (the fallback content shows in it).
 * @cssproperty --attack-story-min-height-wide - The same for a story 980 px or wider (timeline and map side by side); defaults to `--attack-story-min-height`.
 */
export class AttackStory extends AttackElement {
  static override styles = [sharedStyles, styles];

  /** URL of a publisher-supplied boundary layer for the map. */
  @property() boundaries: string | null = null;

  /** Draw denied claims on the map too. */
  @property({ type: Boolean, attribute: 'show-denied' }) showDenied = false;

  /** Keep the selection out of the page's URL hash. */
  @property({ type: Boolean, attribute: 'no-deep-link' }) noDeepLink = false;

  private readonly visibility = new VisibilityController(this);
  /** Watches the sticky stepper's height, so a phone's docked details sit just above it. */
  private dockObserver: ResizeObserver | null = null;
  private docked: Element | null = null;
  private dockFrame = 0;
  private readonly uid = `attack-story-${++stories}`;
  private linkedIn = false;
  /** The story's document for its parts: parsed once, its errors shown once, by the story. */
  private partResult: { for: ParseResult | null; value: ParseResult | null } = { for: null, value: null };

  /**
   * The key of this story in the URL hash: its `id`, else the incident's.
   * @internal
   */
  get hashKey(): string {
    return this.id || this.incident?.id || 'attack';
  }

  /**
   * The story and its parts are one channel: its `link`, else its own.
   * @internal
   */
  override get linkKey(): string {
    return `link:${this.partLink}`;
  }

  private get partLink(): string {
    return this.link || this.uid;
  }

  /** @internal */
  override get readyToLoad(): boolean {
    return this.visibility.near;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A link naming this story opens it at once, wherever it is on the page.
    if (!this.noDeepLink && this.id && readHashParam(location.hash, this.id)) this.visibility.approach();
    // Moved or re-added: look at the article again.
    if (this.linkedIn) {
      this.linkedIn = false;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dockObserver?.disconnect();
    this.dockObserver = null;
    this.docked = null;
    cancelAnimationFrame(this.dockFrame);
  }

  /** Keeps `--_dock` on the panes at the stepper's height (CSSOM, so a strict CSP allows it). */
  private watchDock() {
    const stepper = this.renderRoot.querySelector('.stepper');
    const panes = this.renderRoot.querySelector<HTMLElement>('.panes');
    if (!this.isConnected || stepper === this.docked || typeof ResizeObserver === 'undefined') return;
    this.dockObserver?.disconnect();
    this.docked = stepper;
    if (!stepper || !panes) return;
    // Set on the next frame, not in the observer's own turn (a ResizeObserver loop error on the page).
    this.dockObserver = new ResizeObserver(() => {
      cancelAnimationFrame(this.dockFrame);
      this.dockFrame = requestAnimationFrame(() => panes.style.setProperty('--_dock', `${Math.ceil(stepper.getBoundingClientRect().height)}px`));
    });
    this.dockObserver.observe(stepper);
  }

  /** @internal */
  hashChanged(): void {
    if (this.noDeepLink || !this.resolved) return;
    const id = readHashParam(location.hash, this.hashKey);
    if (id && this.resolved.eventById.has(id) && id !== this.selected) this.select(id);
  }

  /** @internal */
  stepReached(step: HTMLElement): void {
    // While the reader drives the story itself (focus inside it: the stepper, a chart), the
    // article scrolling past a step, as keeping a pressed button in view does, chooses nothing.
    if (this.matches(':focus-within')) return;
    const id = step.dataset.attackEvent;
    if (id !== undefined && id !== this.selected) this.announce(selection(id));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.watchDock();
    const r = this.resolved;
    if (!r || !this.visibility.near) return;
    if (!this.linkedIn) {
      // First render with data: open on the event the link names, and watch the article.
      this.linkedIn = true;
      const id = this.noDeepLink ? null : readHashParam(location.hash, this.hashKey);
      if (id && r.eventById.has(id)) {
        this.select(id);
        void this.updateComplete.then(() => this.scrollIntoView({ block: 'start' }));
      }
      this.visibility.watchSteps(
        [...document.querySelectorAll<HTMLElement>('[data-attack-event]')].filter((p) => {
          const story = p.dataset.attackStory;
          return (story ? story === this.hashKey : true) && r.eventById.has(p.dataset.attackEvent!);
        }),
      );
    }
    // Only an event the data holds reaches the page's URL.
    if (changed.has('selected') && !this.noDeepLink) writeHashParam(this.hashKey, this.shown.event ?? null);
  }

  /** A choice in a part is said once, by the story, whose parts are quiet. */
  private handlePartSelect() {
    this.say(this.selection);
  }

  /** Escape anywhere in the story (the stepper included) clears the choice. */
  protected override dismiss(): boolean {
    const s = this.selection;
    if (s.event === undefined && s.place === undefined && s.claim === undefined) return false;
    const stepper = this.renderRoot.querySelector('.stepper');
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    this.announce(selection(null));
    // Closing the details changes the height above the stepper: keep a focused button in view.
    if (focused instanceof HTMLElement && stepper?.contains(focused)) void this.keepInView(focused);
    return true;
  }

  /** Previous / Next: a step, then the pressed button is kept in view however the details above it changed. */
  private async stepFrom(delta: 1 | -1, button: HTMLElement) {
    this.step(delta, true);
    await this.keepInView(button);
  }

  /** After the story and its parts have updated, scrolls `el` into view if it left it. */
  private async keepInView(el: HTMLElement) {
    await this.updateComplete;
    await Promise.all([...this.renderRoot.querySelectorAll<AttackElement>('attack-timeline, attack-map')].map((p) => p.updateComplete));
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > (window.innerHeight || document.documentElement.clientHeight)) el.scrollIntoView({ block: 'nearest' });
  }

  /** Parts report their own load; the story reports once for all (boundary errors pass). */
  private handlePartNotice(event: Event) {
    const errors = (event as CustomEvent<{ errors?: { path: string }[] }>).detail.errors;
    if (event.type === 'attack-error' && errors?.every((e) => e.path === 'boundaries')) return;
    event.stopPropagation();
  }

  /** @internal */
  override chartsForExport(): SVGSVGElement[] {
    const parts = [...this.renderRoot.querySelectorAll<AttackElement>('attack-timeline, attack-map')];
    return parts.flatMap((p) => p.chartsForExport());
  }

  protected override exportText(): { subtitle: string[]; footer: string[] } {
    const { subtitle, footer } = super.exportText();
    const incident = this.incident;
    const updated = incident?.updated ? resolveDate(incident.updated, this.effectiveTimeZone) : null;
    const m = this.messages;
    if (updated?.ok) subtitle.unshift(m.story.updated(formatResolvedDate(updated.value, this.effectiveLocale, this.effectiveTimeZone)));
    if (incident?.places?.length) footer.push(m.map.credit);
    return { subtitle: [subtitle.filter(Boolean).join(' · ')], footer };
  }

  private renderStepper(): TemplateResult {
    const m = this.messages;
    const events = this.resolved!.events;
    const i = events.findIndex((e) => e.id === this.selected);
    // The ends are aria-disabled, not disabled: a disabled button would drop focus to the page.
    const atStart = i <= 0;
    const atEnd = i === events.length - 1;
    const lang = langOf(this.incident?.lang, this.effectiveLocale);
    return html`<nav class="stepper" part="stepper" aria-label=${m.story.stepper}>
      <button type="button" aria-disabled=${atStart ? 'true' : 'false'} @click=${(e: Event) => atStart || this.stepFrom(-1, e.currentTarget as HTMLElement)}>← ${m.story.previous}</button>
      <p class="position">${i === -1 ? m.story.stepStart(events.length) : html`${m.story.stepPosition(i + 1, events.length)} <bdi lang=${ifDefined(lang)}>${clipText(events[i]?.event.title ?? '', SHOWN_MAX)}</bdi>`}</p>
      <button type="button" aria-disabled=${atEnd ? 'true' : 'false'} @click=${(e: Event) => atEnd || this.stepFrom(1, e.currentTarget as HTMLElement)}>${m.story.next} →</button>
    </nav>`;
  }

  private get forParts(): ParseResult | null {
    const result = this.result;
    if (this.partResult.for !== result) this.partResult = { for: result, value: result && { ...result, errors: [], warnings: [] } };
    return this.partResult.value;
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const r = this.resolved;
    const incident = this.incident;
    if (!this.visibility.near || !r || !incident) return html`<div class="pending"><div class="reserve">${this.renderPending()}</div></div>`;
    const locale = this.effectiveLocale;
    const zone = this.effectiveTimeZone;
    const updated = incident.updated ? resolveDate(incident.updated, zone) : null;
    const link = this.partLink;
    // Without places there is nothing to map: no empty map beside the timeline.
    const hasMap = Boolean(incident.places?.length);
    const lang = langOf(incident.lang, locale);
    const level = this.level;
    return html`<article class="story" part="base" aria-labelledby="story-title">
      <header class=${this.noCaption ? 'sr-only' : ''}>
        ${heading(level, html`<bdi lang=${ifDefined(lang)}>${clipText(incident.title, SHOWN_MAX)}</bdi>`, 'story-title', 'story-title', 'title')}
        ${incident.summary ? html`<p class="summary" lang=${ifDefined(lang)}>${incident.summary}</p>` : nothing}
        <p class="sr-only">${incidentDescription(this.textContext)}</p>
        <p class="updated">${[
          updated?.ok ? m.story.updated(formatResolvedDate(updated.value, locale, zone)) : '',
          r.extent ? m.common.timesIn(zoneName(locale, zone, r.extent[0])) : '',
        ]
          .filter(Boolean)
          .join(' · ')}</p>
      </header>
      ${this.renderErrors()}
      <div class="body">
      <div class="panes ${hasMap ? '' : 'timeline-only'}" @attack-load=${this.handlePartNotice} @attack-error=${this.handlePartNotice} @attack-select=${this.handlePartSelect}>
        <attack-timeline part="timeline" exportparts=${TIMELINE_PARTS} no-caption ?debug=${this.debug} .parsed=${this.forParts} link=${link}
          .quiet=${true} .collapseTo=${FIRST_EVENTS} heading-level=${level + 1} .describe=${this.describe}
          locale=${locale} time-zone=${zone} theme=${this.theme} ?transparent=${this.transparent}></attack-timeline>
        ${
          hasMap
            ? html`<attack-map part="map" exportparts=${MAP_PARTS} ?debug=${this.debug} .parsed=${this.forParts} link=${link} .boundaries=${this.boundaries}
              .quiet=${true} .collapseClaims=${true} heading-level=${level + 1} .describe=${this.describe}
              ?show-denied=${this.showDenied} locale=${locale} time-zone=${zone} theme=${this.theme} ?transparent=${this.transparent}></attack-map>`
            : nothing
        }
      </div>
      ${r.events.length ? this.renderStepper() : nothing}
      </div>
      ${this.renderLive()}
    </article>`;
  }
}
