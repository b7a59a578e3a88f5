// The messages both sides of the iframe embed speak: pym.js's format
// ("pymxPYMx<childId>xPYMx<type>xPYMx<value>"), and for a deep link the value
// `<key>=<event id>` with key and id each encodeURIComponent'd, so any event id survives
// ("=", "&", "#", spaces, non-ASCII). Anything of another shape reads as null.
export const PREFIX = 'pymxPYMx';
export const SEPARATOR = 'xPYMx';

/** A pym.js message as { id, type, value }, or null. The value is all after the third separator. */
export function parseMessage(data) {
  if (typeof data !== 'string' || !data.startsWith(PREFIX)) return null;
  const parts = data.slice(PREFIX.length).split(SEPARATOR);
  if (parts.length < 3) return null;
  return { id: parts[0], type: parts[1], value: parts.slice(2).join(SEPARATOR) };
}

/** `<key>=<event id>`, each encoded; null for a string that cannot be (a lone surrogate). */
export function encodeLink(key, event) {
  try {
    return `${encodeURIComponent(key)}=${encodeURIComponent(event)}`;
  } catch {
    return null;
  }
}

/** { key, event } from `<key>=<event id>` split on the first "=", or null if malformed. */
export function decodeLink(value) {
  const at = value.indexOf('=');
  if (at < 0) return null;
  try {
    return { key: decodeURIComponent(value.slice(0, at)), event: decodeURIComponent(value.slice(at + 1)) };
  } catch {
    return null;
  }
}
