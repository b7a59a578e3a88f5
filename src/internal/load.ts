import type { Issue } from '../model/types.js';

/**
 * Fetches incident JSON text from an untrusted URL: no credentials, a timeout, a size cap
 * counted on the bytes actually streamed (a body may carry no Content-Length), and an
 * outside signal so a removed element stops its request.
 */

export interface LoadOptions {
  timeout: number;
  maxBytes: number;
  signal: AbortSignal;
}

export class LoadError extends Error {
  readonly issue: Issue;
  constructor(message: string) {
    super(message);
    this.issue = { path: 'src', message };
  }
}

const kb = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`);

export async function loadText(url: string, o: LoadOptions): Promise<string> {
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
    const declared = Number(response.headers.get('content-length'));
    if (declared > o.maxBytes) throw new LoadError(`the file is ${kb(declared)}, larger than the limit of ${kb(o.maxBytes)} (max-bytes)`);
    if (!response.body) return await response.text();
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
    return text + decoder.decode();
  } finally {
    clearTimeout(timer);
    o.signal.removeEventListener('abort', forward);
  }
}
