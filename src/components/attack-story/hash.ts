/**
 * The page's URL hash as a set of `key=value` pairs, so several stories on one page each keep
 * their own selection without touching the others' (or the page's own anchor).
 */

/** The value of `key` in a hash like `#a=1&b=2`; null when absent or the hash is an anchor. */
export function readHashParam(hash: string, key: string): string | null {
  const text = hash.replace(/^#/, '');
  if (!text.includes('=')) return null;
  return new URLSearchParams(text).get(key);
}

/**
 * Sets (or removes, for null) `key` in the page's hash with history.replaceState, so
 * selections never flood the back button. A hash that is a plain anchor (`#section-2`) is
 * the page's own and is left alone.
 */
export function writeHashParam(key: string, value: string | null): void {
  const text = location.hash.replace(/^#/, '');
  if (text && !text.includes('=')) return;
  const params = new URLSearchParams(text);
  if ((params.get(key) ?? null) === value) return;
  if (value === null) params.delete(key);
  else params.set(key, value);
  const next = params.toString();
  const url = `${location.pathname}${location.search}${next ? `#${next}` : ''}`;
  history.replaceState(history.state, '', url);
}
