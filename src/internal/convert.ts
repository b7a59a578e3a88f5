/**
 * Reading text in any format into a parse result for the elements: our JSON at once, every
 * other format through the importers, a lazy chunk loaded only when needed. Syntax errors keep
 * the path of where the text came from (`src`, `script`).
 */
import { isValidTimeZone } from '../model/dates.js';
import { readJson } from '../model/formats/json-text.js';
import { isLarge, parseIncident, parseIncidentInSlices, parseIncidentJson } from '../model/parse.js';
import type { Issue, ParseResult } from '../model/types.js';

export const FORMATS = ['incident', 'timelinejs', 'csv', 'stix'] as const;
export type Format = 'auto' | (typeof FORMATS)[number];

const forced = (format: string) => (FORMATS as readonly string[]).includes(format);

/**
 * True when text is our incident JSON (or forced to be), read without the importers: a JSON
 * object with no TimelineJS3 `start_date` and no STIX `"type": "bundle"`.
 */
export function isOwnJson(text: string, format: string): boolean {
  if (format === 'incident') return true;
  if (forced(format)) return false;
  return /^\s*\{/.test(text.replace(/^\ufeff/, '')) && !/"start_date"\s*:|"type"\s*:\s*"bundle"/.test(text);
}

/** Our JSON, read at once (no importer chunk). */
export const readOwnJson = (text: string, path: string): ParseResult => parseIncidentJson(text.replace(/^\ufeff/, ''), path);

/** Any format; `timeZone` is used for dates the data gives no zone for, when valid. */
export async function convertText(text: string, path: string, format: string, timeZone: string | null): Promise<ParseResult> {
  if (isOwnJson(text, format)) {
    const json = readJson(text.replace(/^\ufeff/, ''));
    // A large document is read in slices, after the text itself.
    if (!json.ok) return readOwnJson(text, path);
    return isLarge(json.value) ? parseIncidentInSlices(json.value) : parseIncident(json.value);
  }
  try {
    const { importIncident } = await import('../model/formats/index.js');
    const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : undefined;
    const r = importIncident(text, { format: forced(format) ? (format as 'csv') : 'auto', timeZone: zone });
    const located = (i: Issue): Issue =>
      i.path === '' ? { ...i, path } : i.line !== undefined && /^line \d+/.test(i.path) ? { ...i, path, message: `${i.path}: ${i.message}` } : i;
    return { ...r, errors: r.errors.map(located), warnings: r.warnings.map(located) };
  } catch {
    return { incident: null, resolved: null, errors: [{ path, message: 'the importer for this format could not be loaded' }], warnings: [] };
  }
}
