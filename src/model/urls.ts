/**
 * Links from incident data are untrusted: only absolute http(s) URLs become links.
 * `new URL` strips leading control characters and tabs the way browsers do, so
 * " JaVaScRiPt:", "java\tscript:" and "\x01javascript:" all resolve to `javascript:` and
 * are refused.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}
