/**
 * Where an element's data comes from and where it is in its journey: the `incident` property,
 * a document another element parsed (a story's, for its parts), an inline
 * `<script type="application/json">` or `<script type="text/csv">`, or `src`, fetched when the
 * host is ready (a story waits until it nears the viewport). Requests are aborted on removal
 * and started again on reattach; a load that was overtaken is ignored.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isLarge, parseIncident, parseIncidentInSlices } from '../model/parse.js';
import type { Issue, ParseResult } from '../model/types.js';
import { convertText, isOwnJson, readOwnJson, type Format } from '../internal/convert.js';
import { LoadError, loadText } from '../internal/load.js';

/** Where the data is in its journey. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface DataHost extends ReactiveControllerHost, HTMLElement {
  readonly src: string | null;
  readonly format: Format;
  readonly timeZone: string | null;
  readonly timeout: number;
  readonly maxBytes: number;
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
  private hasInput = false;
  private input: unknown = undefined;
  private srcSeen: string | null = null;
  private srcWaiting = false;
  private notice = false;

  constructor(private readonly host: DataHost) {
    host.addController(this);
  }

  /** A document given as a value (parsed here). The same value again is not read again. */
  setIncident(value: unknown): void {
    if (value === this.input && this.hasInput) return;
    this.input = value;
    this.abort();
    this.hasInput = value !== null && value !== undefined;
    if (this.hasInput && isLarge(value)) {
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
    this.accept(this.hasInput ? parseIncident(value) : null);
  }

  /** A document another element parsed: shown as it is. */
  setParsed(result: ParseResult | null): void {
    if (result === this.result) return;
    this.abort();
    this.hasInput = result !== null;
    this.input = result?.incident;
    this.accept(result);
  }

  hostConnected(): void {
    if (!this.hasInput && !this.host.src) this.readInline();
    // A removal while loading aborted the request; start again on reattach.
    if (this.host.src && this.state === 'loading' && !this.loader) this.load(this.host.src);
  }

  hostDisconnected(): void {
    this.abort();
  }

  hostUpdate(): void {
    const src = this.host.src;
    if (src !== this.srcSeen) {
      this.srcSeen = src;
      this.srcWaiting = Boolean(src) && !this.hasInput;
    }
    if (this.srcWaiting && this.host.readyToLoad) {
      this.srcWaiting = false;
      this.load(src!);
    }
  }

  hostUpdated(): void {
    // Children parsed after the element upgraded (a streaming page) are read here.
    if (!this.hasInput && !this.host.src && this.state === 'idle') this.readInline();
    if (this.notice) {
      this.notice = false;
      this.host.dataNotice();
    }
  }

  private abort() {
    this.loader?.abort();
    this.loader = null;
  }

  private readInline() {
    const script = this.host.querySelector(':scope > script[type="application/json"], :scope > script[type="text/csv"]');
    if (!script) return;
    this.hasInput = true;
    const text = script.textContent ?? '';
    const format = script.getAttribute('type') === 'text/csv' && this.host.format === 'auto' ? 'csv' : this.host.format;
    if (isOwnJson(text, format)) return this.accept(readOwnJson(text, 'script'));
    const loader = new AbortController();
    this.loader = loader;
    void convertText(text, 'script', format, this.host.timeZone).then((result) => {
      if (this.loader !== loader) {
        // Removed before the importer came: read the script again when it is back.
        if (!this.host.isConnected && this.loader === null) this.hasInput = false;
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
    const loader = this.beginLoading();
    const { timeout, maxBytes, format, timeZone } = this.host;
    loadText(url, { timeout, maxBytes, signal: loader.signal })
      .then((text) => convertText(text, 'src', format, timeZone))
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
