import { isValidTimeZone } from '../dates.js';
import { parseIncident } from '../parse.js';
import type { Incident, Issue, ParseResult } from '../types.js';
import { parseCsv, trimTable } from './csv.js';
import { fromTemplateCsv, headerKind, toTemplateCsv } from './csv-template.js';
import { Issues } from './issues.js';
import { readJson } from './json-text.js';
import { fromStix, toStix } from './stix.js';
import { convertSlides, fromTimelineJs, headerKey, slidesFromSheet, toTimelineJs } from './timelinejs.js';
import type { Converted, ExportFormat, ImportFormat, ImportOptions } from './types.js';

export type { Converted, ExportFormat, ImportFormat, ImportOptions } from './types.js';
export { parseCsv, formatCsv, detectDelimiter } from './csv.js';
export { htmlToText } from './html-text.js';

/** The concrete formats (not `auto`). */
export const IMPORT_FORMATS = ['incident', 'timelinejs', 'csv', 'stix'] as const;
export const EXPORT_FORMATS: readonly ExportFormat[] = ['incident', 'csv', 'timelinejs', 'stix'];

/** What `importIncident` gives: `parseIncident`'s result and the format it read. */
export interface ImportResult extends ParseResult {
  format: Exclude<ImportFormat, 'auto'> | null;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The format of a parsed JSON value. */
function jsonFormat(value: unknown): 'incident' | 'timelinejs' | 'stix' {
  if (!isObject(value)) return 'incident';
  if (value.type === 'bundle' || (Array.isArray(value.objects) && !Array.isArray(value.events))) return 'stix';
  const events = Array.isArray(value.events) ? value.events : [];
  const tjs = events.some((e) => isObject(e) && ('start_date' in e || 'text' in e || 'unique_id' in e)) || (isObject(value.title) && isObject(value.title.text));
  return tjs ? 'timelinejs' : 'incident';
}

/**
 * Which format text (or a parsed value) is in, by its content: JSON with `type: "bundle"` is
 * STIX, JSON with `events[].start_date` is TimelineJS3, other JSON is ours, anything else CSV.
 */
export function detectFormat(input: unknown): Exclude<ImportFormat, 'auto'> {
  if (typeof input !== 'string') return jsonFormat(input);
  const text = input.replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    const json = readJson(text);
    return json.ok ? jsonFormat(json.value) : 'incident';
  }
  return 'csv';
}

const fail = (issue: Issue, format: ImportResult['format']): ImportResult => ({ incident: null, resolved: null, errors: [issue], warnings: [], format });

/**
 * Reads a story in any supported format into an incident and resolves it, like
 * `parseIncident`. Never throws. Issues name the place in the source's own terms
 * (`events[3].start_date.month`, `row 7, "Year"`, `objects[12] (report--…).published`) and
 * JSON or CSV syntax errors their line and column.
 */
export function importIncident(input: unknown, options: ImportOptions = {}): ImportResult {
  try {
    return importUnsafe(input, options);
  } catch (err) {
    return fail({ path: '', message: `the data could not be read: ${err instanceof Error ? err.message : String(err)}` }, null);
  }
}

function importUnsafe(input: unknown, options: ImportOptions): ImportResult {
  const requested = options.format ?? 'auto';
  if (requested !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(requested)) {
    return fail({ path: 'format', message: `"${String(requested)}" is not a format; use auto, ${IMPORT_FORMATS.join(', ')}` }, null);
  }
  const timeZone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : undefined;
  const zoneWarning: Issue[] = options.timeZone && !timeZone ? [{ path: 'timeZone', message: `"${options.timeZone}" is not an IANA time zone like "Asia/Kolkata"; ignored` }] : [];
  let value: unknown = input;
  let format: Exclude<ImportFormat, 'auto'>;

  if (typeof input === 'string') {
    const text = input.replace(/^\ufeff/, '');
    const start = text.trimStart();
    if (start.startsWith('<')) {
      return fail({ path: '', message: 'this is an HTML page, not data. For a Google Sheet, use File → Share → Publish to web → CSV and use that link' }, null);
    }
    format = requested === 'auto' ? detectFormat(text) : requested;
    if (format === 'csv') return withZone(fromCsv(text, { timeZone }), zoneWarning);
    const json = readJson(text);
    if (!json.ok) return fail(json.error, format);
    value = json.value;
  } else {
    format = requested === 'auto' ? detectFormat(input) : requested;
    if (format === 'csv') return fail({ path: '', message: 'CSV must be given as text' }, 'csv');
  }

  if (format === 'incident') {
    const r = parseIncident(value);
    return withZone({ ...r, format }, zoneWarning);
  }
  const converted = format === 'stix' ? fromStix(value, { timeZone }) : fromTimelineJs(value, { timeZone });
  return withZone(finish(converted, format, (origin, rest) => `${origin}${rest ? ` (${rest})` : ''}`), zoneWarning);
}

function withZone(r: ImportResult, warnings: Issue[]): ImportResult {
  return warnings.length ? { ...r, warnings: [...warnings, ...r.warnings] } : r;
}

/** CSV: our template or the TimelineJS3 sheet, told apart by the header. */
function fromCsv(text: string, options: { timeZone?: string }): ImportResult {
  const table = parseCsv(text);
  if (table.error) return fail(table.error, 'csv');
  const rows = trimTable(table.rows);
  // A row's line is where it starts; rows are numbered as in the spreadsheet.
  const lineOf = new Map(rows.map((r, i) => [`row ${i + 1}`, r.line]));
  const headerAt = rows.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt === -1) return fail({ path: 'row 1', message: 'the sheet is empty' }, 'csv');
  const header = rows[headerAt].cells;
  const keys = header.map(headerKey);
  let converted: Converted;
  let field: (origin: string, rest: string) => string;
  if (headerKind(header)) {
    converted = fromTemplateCsv(rows, options);
    field = (origin, rest) => (rest ? `${origin}, "${rest.replace(/\[\d+\]$/, '')}"` : origin);
  } else if (keys.includes('year') && keys.includes('headline')) {
    const issues = new Issues();
    const body = rows.slice(headerAt + 1).map((r, i) => ({ cells: r.cells, row: headerAt + i + 2 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
    converted = convertSlides(slidesFromSheet(header, body, issues), options, issues, 'A TimelineJS3 sheet');
    field = (origin, rest) => `${origin}${rest ? ` (${rest})` : ''}`;
  } else {
    return fail({ path: `row ${headerAt + 1}`, line: rows[headerAt].line, message: 'the header is neither our CSV template\'s ("id", "start", "title", …) nor the TimelineJS3 sheet\'s ("Year", "Month", "Day", …, "Headline")' }, 'csv');
  }
  const result = finish(converted, 'csv', field);
  // CSV issues carry the line their row starts on.
  const withLine = (i: Issue): Issue => {
    const row = /^row \d+/.exec(i.path)?.[0];
    const line = row ? lineOf.get(row) : undefined;
    return line !== undefined && i.line === undefined ? { ...i, line } : i;
  };
  return { ...result, errors: result.errors.map(withLine), warnings: result.warnings.map(withLine) };
}

/**
 * Checks the converted document and names the parser's findings in the source's terms:
 * `events[4].status` becomes (say) `row 7, "status"`. Repeated findings of one kind (every
 * slide lacks a status) become one.
 */
function finish(c: Converted, format: Exclude<ImportFormat, 'auto'>, field: (origin: string, rest: string) => string): ImportResult {
  if (!c.document) return { incident: null, resolved: null, errors: c.errors, warnings: c.warnings, format };
  const r = parseIncident(c.document);
  const rename = (i: Issue): Issue => {
    const m = /^events\[(\d+)\](?:\.(.*))?$/.exec(i.path);
    const origin = m ? c.origins[Number(m[1])] : undefined;
    return origin ? { ...i, path: field(origin, m![2] ?? '') } : i;
  };
  const errors = [...c.errors, ...r.errors.map(rename)];
  // Group the parser's per-event warnings that say the same thing of the same field.
  const groups = new Map<string, Issue[]>();
  const rest: Issue[] = [];
  // Where the reader already said it in the source's terms, the parser's word is not repeated.
  const said = new Set(c.warnings.map((w) => w.path));
  for (const w of r.warnings) {
    if (said.has(w.path)) continue;
    const m = /^events\[\d+\]\.(status|sources)$/.exec(w.path);
    if (!m) {
      rest.push(rename(w));
      continue;
    }
    const key = `${m[1]}|${w.message}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  for (const [key, list] of groups) {
    if (list.length < 3) {
      rest.push(...list.map(rename));
      continue;
    }
    const [name, message] = key.split('|');
    const first = rename(list[0]).path;
    rest.push({ path: 'events', message: `${list.length} events: ${name} ${message} (first: ${first})` });
  }
  return { ...r, errors, warnings: [...c.warnings, ...rest], format };
}

/**
 * Writes an incident in one of the formats `importIncident` reads. `locale` words the dates
 * TimelineJS3 shows (`display_date`), default `en-IN`.
 */
export function exportIncident(incident: Incident, format: ExportFormat, options: { locale?: string } = {}): string {
  switch (format) {
    case 'incident':
      return `${JSON.stringify(parseIncident(incident).incident ?? incident, null, 2)}\n`;
    case 'csv':
      return toTemplateCsv(incident);
    case 'timelinejs':
      return `${toTimelineJs(incident, options.locale)}\n`;
    case 'stix':
      return `${toStix(incident)}\n`;
    default:
      throw new TypeError(`"${String(format)}" is not a format to export; use ${EXPORT_FORMATS.join(', ')}`);
  }
}
