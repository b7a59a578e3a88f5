import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AttackErrorDetail, AttackLoadDetail, AttackSelectDetail } from '../events.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { isValidTimeZone } from '../model/dates.js';
import { parseIncident, parseIncidentJson } from '../model/parse.js';
import type { Incident, Issue, ParseResult, ResolvedIncident } from '../model/types.js';
import { LoadError, loadText } from './load.js';

const FORMATS = ['incident', 'timelinejs', 'csv', 'stix'];

/**
 * True when text is our incident JSON (or forced to be), read without the importers: a JSON
 * object with no TimelineJS3 `start_date` and no STIX `"type": "bundle"`.
 */
function isOwnJson(text: string, format: string): boolean {
  if (format === 'incident') return true;
  if (FORMATS.includes(format)) return false;
  return /^\s*\{/.test(text.replace(/^\ufeff/, '')) && !/"start_date"\s*:|"type"\s*:\s*"bundle"/.test(text);
}

/** Where the data is in its journey. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * What the three elements share: data from `src`, the `incident` property or an inline
 * `<script type="application/json">`; locale and time zone; selection; and the
 * `attack-load` / `attack-error` / `attack-select` events. Internal: not exported.
 *
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
 * @cssproperty --attack-claim - Claim arcs and area outlines on the map.
 * @cssproperty --attack-area - Fill of uncertainty areas.
 * @cssproperty --attack-land - Land fill.
 */
export class AttackElement extends LitElement {
  /** URL of an incident JSON document. Fetched without credentials. */
  @property() src: string | null = null;

  /** Id of the selected event. Reflected; setting it gives no `attack-select`. */
  @property({ reflect: true }) selected: string | null = null;

  /** BCP 47 locale for labels and dates. Default: the nearest `lang` up the tree, else `en-IN`. */
  @property() locale: string | null = null;

  /** IANA zone dates are shown in. Default: the incident's `timeZone`. */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;

  /** `auto` follows the reader's colour scheme. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  /**
   * Elements with the same `link` follow each other's selections. Without it, elements showing
   * the same incident (same `id`, else same `src`) are linked.
   */
  @property() link: string | null = null;

  /** How long to wait for `src`, in ms. */
  @property({ type: Number }) timeout = 10_000;

  /**
   * The format of `src` or the inline script: `auto` (default) detects it from the content;
   * `incident` (our JSON), `timelinejs` (TimelineJS3 JSON), `csv` (our template or the
   * TimelineJS3 sheet) or `stix` (a STIX 2.1 bundle) forces one.
   */
  @property() format: 'auto' | 'incident' | 'timelinejs' | 'csv' | 'stix' = 'auto';

  /** Largest `src` body accepted, in bytes. */
  @property({ type: Number, attribute: 'max-bytes' }) maxBytes = 5_000_000;

  @state() protected loadState: LoadState = 'idle';
  @state() protected result: ParseResult | null = null;
  @state() protected loadErrors: Issue[] = [];

  /** Transparent background, for pages with their own colour. */
  @property({ type: Boolean, reflect: true }) transparent = false;

  private loader: AbortController | null = null;
  private pendingNotice = false;
  private hasInput = false;
  private srcWaiting = false;

  /** The incident as loaded (cleaned of anything invalid), or null. Set it to show a document. */
  @property({ attribute: false })
  get incident(): Incident | null {
    return this.result?.incident ?? null;
  }
  set incident(value: unknown) {
    this.loader?.abort();
    this.loader = null;
    this.hasInput = value !== null && value !== undefined;
    this.accept(this.hasInput ? parseIncident(value) : null);
  }

  /** Every problem found in the data: errors left something out, warnings did not. */
  get issues(): { errors: Issue[]; warnings: Issue[] } {
    return { errors: [...this.loadErrors, ...(this.result?.errors ?? [])], warnings: this.result?.warnings ?? [] };
  }

  /** The key that links this element to others telling the same story. */
  get linkKey(): string {
    if (this.link) return this.link;
    const id = this.incident?.id;
    if (id) return `incident:${id}`;
    if (!this.src) return '';
    try {
      return `src:${new URL(this.src, document.baseURI).href}`;
    } catch {
      return `src:${this.src}`;
    }
  }

  /** The resolved incident the element draws from. */
  protected get resolved(): ResolvedIncident | null {
    return this.result?.resolved ?? null;
  }

  /** The locale in force, resolved once per update (see `willUpdate`). */
  private localeInForce: string | null = null;

  /** The locale in force: the attribute, else the nearest `lang`, crossing shadow roots. */
  protected get effectiveLocale(): string {
    return (this.localeInForce ??= this.resolveLocale());
  }

  private resolveLocale(): string {
    let tag: string | null = this.locale;
    let node: Node | null = this;
    while (!tag && node) {
      if (node instanceof Element && node.getAttribute('lang')) tag = node.getAttribute('lang');
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    // A malformed tag from the page (lang="en_IN!") must not break formatting.
    try {
      return tag ? Intl.getCanonicalLocales(tag)[0] ?? 'en-IN' : 'en-IN';
    } catch {
      return 'en-IN';
    }
  }

  protected get messages(): Messages {
    return messagesFor(this.effectiveLocale);
  }

  /** The zone dates are shown in: the attribute when valid, else the incident's. */
  protected get effectiveTimeZone(): string {
    if (this.timeZone && isValidTimeZone(this.timeZone)) return this.timeZone;
    return this.resolved?.timeZone ?? 'UTC';
  }

  /** Selects an event by id without firing `attack-select`. Unknown ids clear the selection. */
  select(id: string | null): void {
    this.selected = id && this.resolved?.eventById.has(id) ? id : null;
  }

  /** Selects the next event in time order (the first when none is selected). */
  next(): void {
    this.step(1);
  }

  /** Selects the previous event in time order (the last when none is selected). */
  previous(): void {
    this.step(-1);
  }

  private step(delta: 1 | -1) {
    const events = this.resolved?.events ?? [];
    if (!events.length) return;
    const i = events.findIndex((e) => e.id === this.selected);
    const j = i === -1 ? (delta === 1 ? 0 : events.length - 1) : Math.min(events.length - 1, Math.max(0, i + delta));
    this.selected = events[j].id;
  }

  /** Selection by the reader: when it changes, sets `selected` and fires one `attack-select`. */
  protected userSelect(id: string | null): void {
    if (id !== this.selected) this.announce({ id });
  }

  /** Sets `selected` from a reader's action and fires one `attack-select` with `detail`. */
  protected announce(detail: AttackSelectDetail): void {
    this.selected = detail.id;
    this.dispatchEvent(new CustomEvent<AttackSelectDetail>('attack-select', { detail, bubbles: true, composed: true }));
  }

  /** Every error, each with its path, in the `role="alert"` box; nothing when all is well. */
  protected renderErrors(): TemplateResult | typeof nothing {
    const { errors } = this.issues;
    if (!errors.length) return nothing;
    const m = this.messages;
    return html`<div class="alert" role="alert" part="alert">
      <strong>${this.incident ? m.partialErrorTitle(errors.length) : m.errorTitle}</strong>
      <ul>${errors.slice(0, 20).map((e) => html`<li>${e.path ? html`<code>${e.path}</code>: ` : ''}${e.message}</li>`)}</ul>
    </div>`;
  }

  /** Before there is anything to draw: loading status, errors, and the author's fallback content. */
  protected renderPending(): TemplateResult {
    return html`${this.loadState === 'loading' ? html`<p class="status" role="status">${this.messages.loading}</p>` : nothing}
      ${this.renderErrors()}<slot></slot>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasInput && !this.src) this.readInlineData();
    // A removal while loading aborted the request; start again on reattach.
    if (this.src && this.loadState === 'loading' && !this.loader) this.load(this.src);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loader?.abort();
    this.loader = null;
  }

  /** False while `src` should wait (a story far from the viewport); see `readyToLoad` callers. */
  protected get readyToLoad(): boolean {
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The page's lang may have changed since the last update; look again, once.
    this.localeInForce = this.resolveLocale();
    if (changed.has('src')) this.srcWaiting = Boolean(this.src) && !this.hasInput;
    if (this.srcWaiting && this.readyToLoad) {
      this.srcWaiting = false;
      this.load(this.src!);
    }
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Children parsed after the element upgraded (a streaming page) are read here.
    if (!this.hasInput && !this.src) this.readInlineData();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.pendingNotice) {
      this.pendingNotice = false;
      this.notify();
    }
  }

  private readInlineData() {
    const script = this.querySelector(':scope > script[type="application/json"], :scope > script[type="text/csv"]');
    if (!script) return;
    this.hasInput = true;
    const text = script.textContent ?? '';
    const format = script.getAttribute('type') === 'text/csv' && this.format === 'auto' ? 'csv' : this.format;
    if (isOwnJson(text, format)) return this.accept(parseIncidentJson(text.replace(/^\ufeff/, ''), 'script'));
    const loader = new AbortController();
    this.loader = loader;
    this.convert(text, 'script', format).then((result) => {
      if (this.loader !== loader) {
        // Removed before the importer came: read the script again when it is back.
        if (!this.isConnected && this.loader === null) this.hasInput = false;
        return;
      }
      this.loader = null;
      this.accept(result);
    });
  }

  /**
   * Our JSON is read at once; any other format (or a forced one) loads the importers, a lazy
   * chunk, first. Syntax errors keep the path of where the text came from (`src`, `script`).
   */
  private async convert(text: string, path: string, format: string): Promise<ParseResult> {
    const auto = !FORMATS.includes(format);
    if (isOwnJson(text, format)) return parseIncidentJson(text.replace(/^\ufeff/, ''), path);
    try {
      const { importIncident } = await import('../model/formats/index.js');
      const zone = this.timeZone && isValidTimeZone(this.timeZone) ? this.timeZone : undefined;
      const r = importIncident(text, { format: auto ? 'auto' : (format as 'csv'), timeZone: zone });
      const located = (i: Issue): Issue =>
        i.path === '' ? { ...i, path } : i.line !== undefined && /^line \d+/.test(i.path) ? { ...i, path, message: `${i.path}: ${i.message}` } : i;
      return { ...r, errors: r.errors.map(located), warnings: r.warnings.map(located) };
    } catch {
      return { incident: null, resolved: null, errors: [{ path, message: 'the importer for this format could not be loaded' }], warnings: [] };
    }
  }

  private load(url: string) {
    this.loader?.abort();
    const loader = new AbortController();
    this.loader = loader;
    this.loadState = 'loading';
    this.loadErrors = [];
    this.result = null;
    loadText(url, { timeout: this.timeout, maxBytes: this.maxBytes, signal: loader.signal })
      .then((text) => this.convert(text, 'src', this.format))
      .then((result) => {
        if (this.loader !== loader) return;
        this.loader = null;
        this.accept(result);
      })
      .catch((err: unknown) => {
        if (this.loader !== loader) return;
        this.loader = null;
        this.loadErrors = [err instanceof LoadError ? err.issue : { path: 'src', message: String(err) }];
        this.loadState = 'error';
        this.pendingNotice = true;
      });
  }

  private accept(result: ParseResult | null) {
    this.result = result;
    this.loadErrors = [];
    this.loadState = result === null ? 'idle' : result.incident ? 'ready' : 'error';
    if (this.selected && !result?.resolved?.eventById.has(this.selected)) this.selected = null;
    this.pendingNotice = result !== null;
    this.requestUpdate();
  }

  /** Fires `attack-load` when something can be drawn, and `attack-error` when anything was wrong. */
  private notify() {
    const { errors } = this.issues;
    const incident = this.incident;
    if (incident) this.dispatchEvent(new CustomEvent<AttackLoadDetail>('attack-load', { detail: { incident }, bubbles: true, composed: true }));
    if (errors.length) this.dispatchEvent(new CustomEvent<AttackErrorDetail>('attack-error', { detail: { errors }, bubbles: true, composed: true }));
  }
}
