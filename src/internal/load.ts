import type { Issue } from '../model/types.js';

/**
 * Fetches incident text from an untrusted URL: no credentials, a timeout, a size cap counted
 * on the bytes actually streamed (a body may carry no Content-Length), a check of the type it
 * was served as, and an outside signal so a removed element stops its request.
 */

export interface LoadOptions {
  timeout: number;
  maxBytes: number;
  /** Refuse a body not served as a JSON or CSV type, before reading it. */
  strictType?: boolean;
  signal: AbortSignal;
}

/** The text, and a warning when it was not served as a JSON or CSV type. */
export interface Loaded {
  text: string;
  typeWarning: Issue | null;
}

export class LoadError extends Error {
  readonly issue: Issue;
  constructor(message: string) {
    super(message);
    this.issue = { path: 'src', message };
  }
}

export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_MAX_BYTES = 5_000_000;
/** setTimeout's longest delay: a longer one overflows and fires at once. */
export const MAX_TIMEOUT = 2 ** 31 - 1;

/** The limits in force, and a warning for each value that was not usable. */
export interface LoadLimits {
  timeout: number;
  maxBytes: number;
  warnings: Issue[];
}

const count = (n: number) => n.toLocaleString('en');

/**
 * What the author wrote, for a warning: the attribute's own text when the value came from it
 * (Lit turns `max-bytes="5MB"` into NaN), else the value given.
 */
const written = (value: unknown, attribute: string | null) => (attribute !== null && Object.is(Number(attribute), value) ? attribute : String(value));

/**
 * `timeout` and `max-bytes` as usable numbers. Valid: a whole number above 0 (bytes, ms; a
 * numeric string counts, as the attribute gives one). An unset value (null, undefined, the
 * attribute removed) is the default without a warning; any other invalid one (`5MB`, `NaN`,
 * `-1`, `0`, `1.5`, `Infinity`) is the default with a warning. A timeout above 2^31−1 ms
 * (about 24.8 days) is clamped to it, with a warning, rather than overflowing setTimeout into
 * an immediate timeout.
 */
export function loadLimits(
  given: { timeout: unknown; maxBytes: unknown },
  attributes: { timeout: string | null; maxBytes: string | null } = { timeout: null, maxBytes: null },
): LoadLimits {
  const warnings: Issue[] = [];
  const read = (value: unknown, attribute: string | null, path: string, unit: string, fallback: number, max: number): number => {
    if (value === null || value === undefined) return fallback;
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isInteger(n) && n > 0 && n <= max) return n;
    const shown = written(value, attribute);
    if (Number.isInteger(n) && n > max) {
      warnings.push({ path, message: `"${shown}" is longer than a browser can wait (${count(max)} ms, about 24.8 days); using ${count(max)}` });
      return max;
    }
    warnings.push({ path, message: `"${shown}" is not a number of ${unit} (a whole number above 0); using ${count(fallback)}` });
    return fallback;
  };
  const timeout = read(given.timeout, attributes.timeout, 'timeout', 'milliseconds', DEFAULT_TIMEOUT, MAX_TIMEOUT);
  const maxBytes = read(given.maxBytes, attributes.maxBytes, 'max-bytes', 'bytes', DEFAULT_MAX_BYTES, Number.MAX_SAFE_INTEGER);
  return { timeout, maxBytes, warnings };
}

/** The media types data is expected as: JSON (`application/json`, `text/json`, any `…+json`) and CSV. */
export function isDataType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return /^(application|text)\/json$|^[a-z0-9.-]+\/[a-z0-9.!#$&^_-]+\+json$|^(text|application)\/csv$/.test(type);
}

/** How a response's Content-Type is told in a message. */
const servedAs = (contentType: string | null) => (contentType ? `was served as "${contentType.split(';')[0]!.trim()}"` : 'was served without a Content-Type');

const kb = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`);

export async function loadText(url: string, options: LoadOptions): Promise<Loaded> {
  // Callers pass checked limits; checked again so that no caller can disable them.
  const { timeout, maxBytes } = loadLimits(options);
  const o = { ...options, timeout, maxBytes };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeout);
  const forward = () => controller.abort();
  o.signal.addEventListener('abort', forward);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'omit',
        referrerPolicy: 'strict-origin-when-cross-origin',
        headers: { accept: 'application/json, text/csv;q=0.9, */*;q=0.5' },
        signal: controller.signal,
      });
    } catch {
      if (timedOut) throw new LoadError(`no answer from ${url} within ${o.timeout / 1000} s`);
      if (o.signal.aborted) throw new LoadError('loading was stopped');
      throw new LoadError(`could not fetch ${url} (network error, blocked by the page's security policy, or not allowed by CORS)`);
    }
    if (!response.ok) throw new LoadError(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}`);
    // By default any body that parses is read (static hosts serve JSON as text/plain or worse),
    // with a warning; strict-type refuses it before a byte of the body is read.
    const contentType = response.headers.get('content-type');
    let typeWarning: Issue | null = null;
    if (!isDataType(contentType)) {
      if (o.strictType) {
        await response.body?.cancel().catch(() => undefined);
        throw new LoadError(`${url} ${servedAs(contentType)}, not as JSON or CSV; strict-type accepts only application/json, a +json type or text/csv`);
      }
      typeWarning = { path: 'src', message: `${url} ${servedAs(contentType)}, not as JSON or CSV; read as data anyway (strict-type would refuse it)` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > o.maxBytes) throw new LoadError(`the file is ${kb(declared)}, larger than the limit of ${kb(o.maxBytes)} (max-bytes)`);
    if (!response.body) return { text: await response.text(), typeWarning };
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let received = 0;
    let text = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > o.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new LoadError(`the file is larger than the limit of ${kb(o.maxBytes)} (max-bytes)`);
        }
        text += decoder.decode(value, { stream: true });
      }
    } catch (err) {
      if (err instanceof LoadError) throw err;
      if (timedOut) throw new LoadError(`no answer from ${url} within ${o.timeout / 1000} s`);
      if (o.signal.aborted) throw new LoadError('loading was stopped');
      throw new LoadError(`the download from ${url} broke off`);
    }
    return { text: text + decoder.decode(), typeWarning };
  } finally {
    clearTimeout(timer);
    o.signal.removeEventListener('abort', forward);
  }
}
