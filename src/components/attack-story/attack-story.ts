import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AttackSelectDetail } from '../../events.js';
import { formatResolvedDate, zoneName } from '../../i18n/format.js';
import { AttackElement } from '../../internal/attack-element.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { resolveDate } from '../../model/dates.js';
import { readHashParam, writeHashParam } from './hash.js';
import { styles } from './attack-story.styles.js';

let stories = 0;

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
 *
 * @cssproperty --attack-story-min-height - Space reserved before the story renders.
 */
export class AttackStory extends AttackElement {
  static override styles = [sharedStyles, styles];

  /** URL of a publisher-supplied boundary layer for the map. */
  @property() boundaries: string | null = null;

  /** Draw denied claims on the map too. */
  @property({ type: Boolean, attribute: 'show-denied' }) showDenied = false;

  /** Keep the selection out of the page's URL hash. */
  @property({ type: Boolean, attribute: 'no-deep-link' }) noDeepLink = false;

  /** Near the viewport (or printing): render and fetch. */
  @state() private near = false;

  private readonly uid = `attack-story-${++stories}`;
  private viewport: IntersectionObserver | null = null;
  private steps: IntersectionObserver | null = null;
  private linkedIn = false;

  /** The key of this story in the URL hash: its `id`, else the incident's. */
  get hashKey(): string {
    return this.id || this.incident?.id || 'attack';
  }

  protected override get readyToLoad(): boolean {
    return this.near;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A link naming this story opens it at once, wherever it is on the page.
    const linked = !this.noDeepLink && this.id && readHashParam(location.hash, this.id);
    if (typeof IntersectionObserver === 'undefined' || linked) this.near = true;
    else if (!this.near) {
      this.viewport = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.approach(), { rootMargin: '600px 0px' });
      this.viewport.observe(this);
    }
    window.addEventListener('beforeprint', this.handleBeforePrint);
    window.addEventListener('hashchange', this.handleHashChange);
    // Moved or re-added: look at the article again.
    if (this.linkedIn) {
      this.linkedIn = false;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.viewport?.disconnect();
    this.viewport = null;
    this.steps?.disconnect();
    this.steps = null;
    window.removeEventListener('beforeprint', this.handleBeforePrint);
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  private approach() {
    this.near = true;
    this.viewport?.disconnect();
    this.viewport = null;
  }

  private readonly handleBeforePrint = () => this.approach();

  private readonly handleHashChange = () => {
    if (this.noDeepLink || !this.resolved) return;
    const id = readHashParam(location.hash, this.hashKey);
    if (id && this.resolved.eventById.has(id) && id !== this.selected) this.select(id);
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const r = this.resolved;
    if (!r || !this.near) return;
    if (!this.linkedIn) {
      // First render with data: open on the event the link names, and watch the article.
      this.linkedIn = true;
      const id = this.noDeepLink ? null : readHashParam(location.hash, this.hashKey);
      if (id && r.eventById.has(id)) {
        this.select(id);
        this.updateComplete.then(() => this.scrollIntoView({ block: 'start' }));
      }
      this.watchArticle();
    }
    if (changed.has('selected') && !this.noDeepLink) writeHashParam(this.hashKey, this.selected);
  }

  /** Paragraphs marked data-attack-event select their event while they cross the reading line. */
  private watchArticle() {
    const r = this.resolved;
    if (!r || typeof IntersectionObserver === 'undefined') return;
    const mine = [...document.querySelectorAll<HTMLElement>('[data-attack-event]')].filter((p) => {
      const story = p.dataset.attackStory;
      return (story ? story === this.hashKey : true) && r.eventById.has(p.dataset.attackEvent!);
    });
    if (!mine.length) return;
    this.steps = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.attackEvent!;
          if (entry.isIntersecting && id !== this.selected) this.announce({ id });
        }
      },
      { rootMargin: '-45% 0px -50% 0px' },
    );
    for (const p of mine) this.steps.observe(p);
  }

  /** A selection made inside a part: the part already announced it; the story keeps it. */
  private handlePartSelect(event: Event) {
    const detail = (event as CustomEvent<AttackSelectDetail>).detail;
    this.selected = detail.id;
  }

  /** Parts report their own load; the story reports once for all (boundary errors pass). */
  private handlePartNotice(event: Event) {
    const errors = (event as CustomEvent<{ errors?: { path: string }[] }>).detail.errors;
    if (event.type === 'attack-error' && errors?.every((e) => e.path === 'boundaries')) return;
    event.stopPropagation();
  }

  /** Previous / next by the reader: one `attack-select` from the story. */
  private stepBy(delta: 1 | -1) {
    const events = this.resolved?.events ?? [];
    const i = events.findIndex((e) => e.id === this.selected);
    const j = i === -1 ? (delta === 1 ? 0 : events.length - 1) : i + delta;
    if (events[j]) this.announce({ id: events[j].id });
  }

  private renderStepper(): TemplateResult {
    const m = this.messages;
    const events = this.resolved!.events;
    const i = events.findIndex((e) => e.id === this.selected);
    return html`<nav class="stepper" part="stepper" aria-label=${m.stepper}>
      <button type="button" @click=${() => this.stepBy(-1)} ?disabled=${i <= 0}>← ${m.previous}</button>
      <p class="position" aria-live="polite">${i === -1 ? m.stepStart(events.length) : html`${m.stepPosition(i + 1, events.length)} <bdi>${events[i].event.title}</bdi>`}</p>
      <button type="button" @click=${() => this.stepBy(1)} ?disabled=${i === events.length - 1}>${m.next} →</button>
    </nav>`;
  }


  protected override render(): TemplateResult {
    const m = this.messages;
    const r = this.resolved;
    const incident = this.incident;
    if (!this.near || !r || !incident) {
      return this.renderPending();
    }
    const locale = this.effectiveLocale;
    const zone = this.effectiveTimeZone;
    const updated = incident.updated ? resolveDate(incident.updated, zone) : null;
    const link = this.link || this.uid;
    // Without places there is nothing to map: no empty map beside the timeline.
    const hasMap = Boolean(incident.places?.length);
    return html`<article class="story" part="base" aria-label=${incident.title}>
      <header>
        <p class="story-title" part="title">${incident.title}</p>
        ${incident.summary ? html`<p class="summary">${incident.summary}</p>` : nothing}
        <p class="updated">${[
          updated?.ok ? m.updated(formatResolvedDate(updated.value, locale, zone)) : '',
          r.extent ? m.timesIn(zoneName(locale, zone, r.extent[0])) : '',
        ].filter(Boolean).join(' · ')}</p>
      </header>
      ${this.renderErrors()}
      <div class="panes ${hasMap ? '' : 'timeline-only'}" @attack-select=${this.handlePartSelect} @attack-load=${this.handlePartNotice} @attack-error=${this.handlePartNotice}>
        <attack-timeline part="timeline" no-caption .incident=${incident} .selected=${this.selected} link=${link}
          locale=${locale} time-zone=${zone} theme=${this.theme} ?transparent=${this.transparent}></attack-timeline>
        ${hasMap
          ? html`<attack-map part="map" .incident=${incident} .selected=${this.selected} link=${link} .boundaries=${this.boundaries}
              ?show-denied=${this.showDenied} locale=${locale} time-zone=${zone} theme=${this.theme} ?transparent=${this.transparent}></attack-map>`
          : nothing}
      </div>
      ${r.events.length ? this.renderStepper() : nothing}
    </article>`;
  }
}
