/**
 * Where an element's data comes from and where it is in its journey: the `incident` property,
 * a document another element parsed (a story's, for its parts), an inline
 * `<script type="application/json">` or `<script type="text/csv">`, or `src`, fetched when the
 * host is ready (a story waits until it nears the viewport). Requests are aborted on removal
 * and started again on reattach; a load that was overtaken is ignored.
 *
 * Which input shows: the one set most recently of `src` and `incident` (or a story's parsed
 * document). `src` is state the markup keeps, `incident` an assignment, so withdrawing the
 * input that shows falls back to what the markup still says:
 * - removing `src` (or setting it empty) while it provided the data clears that data; the
 *   element shows an inline script if it has one, else its empty state and fallback content.
 *   An `incident` set before `src` is not brought back: `src` replaced it, and `incident` has
 *   returned the document from `src` since;
 * - setting `incident` to null or undefined while it provided the data loads `src` again if
 *   the element still has one, else reads the inline script, else shows the empty state.
 * Withdrawing an input that does not show (a null `incident` while `src` shows) changes nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isLarge, parseIncident, parseIncidentInSlices } from '../model/parse.js';
import type { Issue, ParseResult } from '../model/types.js';
import { convertText, isOwnJson, readOwnJson, type Format } from '../internal/convert.js';
import { LoadError, loadText, type LoadLimits } from '../internal/load.js';

/** Where the data is in its journey. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** What provides the data shown (or on its way). */
type Origin = 'none' | 'incident' | 'parsed' | 'inline' | 'src';

export interface DataHost extends ReactiveControllerHost, HTMLElement {
  readonly src: string | null;
  readonly format: Format;
  readonly timeZone: string | null;
  /** `timeout` and `max-bytes`, checked. */
  readonly loadLimits: LoadLimits;
  /** Refuse a `src` not served as a JSON or CSV type. */
  readonly strictType: boolean;
  /** False while `src` should wait. */
  readonly readyToLoad: boolean;
  /** New data (or none): called once per document, before the update that shows it. */
  dataChanged(result: ParseResult | null): void;
  /** The data loaded, or failed to: fire the element's events after the update. */
  dataNotice(): void;
}

export class DataController implements ReactiveController {
  state: LoadState = 'idle';
  result: ParseResult | null = null;
  /** Problems fetching `src`, before any parsing. */
  loadErrors: Issue[] = [];

  private loader: AbortController | null = null;
  private origin: Origin = 'none';
  private input: unknown = undefined;
  /** The `src` that shows, or is waiting to load. */
  private srcShown: string | null = null;
  private srcWaiting = false;
  private notice = false;

  constructor(private readonly host: DataHost) {
    host.addController(this);
  }

  /** A document given as a value (parsed here). The same value again is not read again. */
  setIncident(value: unknown): void {
    const given = value !== null && value !== undefined;
    if (this.origin === 'incident' ? value === this.input : !given) return;
    this.input = value;
    this.abort();
    this.srcWaiting = false;
    if (!given) return this.fromMarkup();
    this.origin = 'incident';
    if (isLarge(value)) {
      // Tens of thousands of events: read in slices, so the page is never held in one long task.
      const loader = this.beginLoading();
      this.host.requestUpdate();
      void parseIncidentInSlices(value).then((result) => {
        if (this.loader !== loader) return;
        this.loader = null;
        this.accept(result);
      });
      return;
    }
    this.accept(parseIncident(value));
  }

  /** A document another element parsed: shown as it is. */
  setParsed(result: ParseResult | null): void {
    if (this.origin === 'parsed' ? result === this.result : result === null) return;
    this.abort();
    this.srcWaiting = false;
    this.input = result?.incident;
    if (!result) return this.fromMarkup();
    this.origin = 'parsed';
    this.accept(result);
  }

  /**
   * `src` was set, by attribute or property, even to the value it had: the newest input wins.
   * Called by the host's setter, so the order of `src` and `incident` set in one task counts.
   */
  setSrc(src: string | null): void {
    if (src) {
      if (this.origin === 'src' && src === this.srcShown) return;
      this.abort();
      this.origin = 'src';
      this.srcShown = src;
      this.srcWaiting = true;
      this.host.requestUpdate();
    } else if (this.origin === 'src') {
      this.abort();
      this.srcWaiting = false;
      this.fromMarkup();
    }
  }

  hostConnected(): void {
    if (this.origin === 'none' && !this.host.src) this.readInline();
    // A removal while loading aborted the request; start again on reattach.
    if (this.origin === 'src' && this.state === 'loading' && !this.loader && !this.srcWaiting) this.load(this.srcShown!);
  }

  hostDisconnected(): void {
    this.abort();
  }

  hostUpdate(): void {
    if (this.srcWaiting && this.host.readyToLoad) this.load(this.srcShown!);
  }

  hostUpdated(): void {
    // Children parsed after the element upgraded (a streaming page) are read here.
    if (this.origin === 'none' && !this.host.src && this.state === 'idle') this.readInline();
    if (this.notice) {
      this.notice = false;
      this.host.dataNotice();
    }
  }

  private abort() {
    this.loader?.abort();
    this.loader = null;
  }

  /** The input that showed was withdrawn: what the markup says now (`src`, else an inline script, else nothing). */
  private fromMarkup() {
    this.origin = 'none';
    this.srcShown = null;
    this.accept(null);
    const src = this.host.src;
    if (src) this.setSrc(src);
    else if (this.host.isConnected) this.readInline();
  }

  private readInline() {
    const script = this.host.querySelector(':scope > script[type="application/json"], :scope > script[type="text/csv"]');
    if (!script) return;
    this.origin = 'inline';
    const text = script.textContent ?? '';
    const format = script.getAttribute('type') === 'text/csv' && this.host.format === 'auto' ? 'csv' : this.host.format;
    if (isOwnJson(text, format)) return this.accept(readOwnJson(text, 'script'));
    const loader = new AbortController();
    this.loader = loader;
    void convertText(text, 'script', format, this.host.timeZone).then((result) => {
      if (this.loader !== loader) {
        // Removed before the importer came: read the script again when it is back.
        if (!this.host.isConnected && this.loader === null && this.origin === 'inline') this.origin = 'none';
        return;
      }
      this.loader = null;
      this.accept(result);
    });
  }

  /** Shows nothing but the loading state until what `loader` stands for arrives. */
  private beginLoading(): AbortController {
    const loader = new AbortController();
    this.loader = loader;
    this.state = 'loading';
    this.loadErrors = [];
    this.result = null;
    this.host.dataChanged(null);
    return loader;
  }

  private load(url: string) {
    this.abort();
    this.srcWaiting = false;
    const loader = this.beginLoading();
    const { format, timeZone, strictType } = this.host;
    const { timeout, maxBytes } = this.host.loadLimits;
    loadText(url, { timeout, maxBytes, strictType, signal: loader.signal })
      .then(async ({ text, typeWarning }) => {
        const result = await convertText(text, 'src', format, timeZone);
        return typeWarning ? { ...result, warnings: [typeWarning, ...result.warnings] } : result;
      })
      .then((result) => {
        if (this.loader !== loader) return;
        this.loader = null;
        this.accept(result);
      })
      .catch((err: unknown) => {
        if (this.loader !== loader) return;
        this.loader = null;
        this.loadErrors = [err instanceof LoadError ? err.issue : { path: 'src', message: String(err) }];
        this.state = 'error';
        this.notice = true;
        this.host.requestUpdate();
      });
  }

  private accept(result: ParseResult | null) {
    this.result = result;
    this.loadErrors = [];
    this.state = result === null ? 'idle' : result.incident ? 'ready' : 'error';
    this.notice = result !== null;
    this.host.dataChanged(result);
    this.host.requestUpdate();
  }
}
