import { isValidTimeZone } from '../dates.js';
import { parseIncident } from '../parse.js';
import type { Incident, Issue, ParseResult } from '../types.js';
import { parseCsv, trimTable } from './csv.js';
import { fromTemplateCsv, headerKind, toTemplateCsv } from './csv-template.js';
import { Issues } from './issues.js';
import { readJson } from './json-text.js';
import { fromStix, toStix } from './stix/index.js';
import { convertSlides, fromTimelineJs, headerKey, slidesFromSheet, toTimelineJs } from './timelinejs/index.js';
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
  const terms = format === 'timelinejs' ? JSON_TERMS : {};
  return withZone(
    finish(converted, format, (origin, name, rest) => (terms[name] ? `${origin}.${terms[name]}` : `${origin}${name ? ` (${[name, ...rest].join('.')})` : ''}`)),
    zoneWarning,
  );
}

function withZone(r: ImportResult, warnings: Issue[]): ImportResult {
  return warnings.length ? { ...r, warnings: [...warnings, ...r.warnings] } : r;
}

/** Names a field of ours (`name`, then any deeper `rest` of the path) at a place in the source. */
type Field = (origin: string, name: string, rest: string[]) => string;

/** Our fields in TimelineJS3's terms: the JSON's keys and the sheet's columns. */
const JSON_TERMS: Record<string, string> = {
  id: 'unique_id',
  title: 'text.headline',
  description: 'text.text',
  start: 'start_date',
  end: 'end_date',
  lane: 'group',
  displayDate: 'display_date',
};
const SHEET_TERMS: Record<string, string> = { title: 'Headline', description: 'Text', start: 'Year', end: 'End Year', lane: 'Group', displayDate: 'Display Date' };

/** CSV: our template or the TimelineJS3 sheet, told apart by the header. */
function fromCsv(text: string, options: { timeZone?: string }): ImportResult {
  const table = parseCsv(text);
  if (table.error) return fail(table.error, 'csv');
  const rows = trimTable(table.rows);
  // A row's line is where it starts; rows are numbered as in the spreadsheet.
  const lineOf = new Map(rows.map((r, i) => [`row ${i + 1}`, r.line]));
  const headerAt = rows.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  const headerRow = rows[headerAt];
  if (!headerRow) return fail({ path: 'row 1', message: 'the sheet is empty' }, 'csv');
  const header = headerRow.cells;
  const keys = header.map(headerKey);
  let converted: Converted;
  let field: Field;
  if (headerKind(header)) {
    converted = fromTemplateCsv(rows, options);
    const labels = converted.labels ?? {};
    field = (origin, name) => (name ? `${origin}, "${labels[name] ?? name}"` : origin);
  } else if (keys.includes('year') && keys.includes('headline')) {
    const issues = new Issues();
    const body = rows
      .slice(headerAt + 1)
      .map((r, i) => ({ cells: r.cells, row: headerAt + i + 2 }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''));
    converted = convertSlides(slidesFromSheet(header, body, issues), options, issues, 'A TimelineJS3 sheet');
    field = (origin, name) => (SHEET_TERMS[name] ? `${origin}, "${SHEET_TERMS[name]}"` : `${origin}${name ? ` (${name})` : ''}`);
  } else {
    return fail(
      {
        path: `row ${headerAt + 1}`,
        line: headerRow.line,
        message: 'the header is neither our CSV template\'s ("id", "start", "title", …) nor the TimelineJS3 sheet\'s ("Year", "Month", "Day", …, "Headline")',
      },
      'csv',
    );
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
function finish(c: Converted, format: Exclude<ImportFormat, 'auto'>, field: Field): ImportResult {
  if (!c.document) return { incident: null, resolved: null, errors: c.errors, warnings: c.warnings, format };
  const r = parseIncident(c.document);
  const originsOf: Record<string, string[] | undefined> = { events: c.origins, places: c.placeOrigins, claims: c.claimOrigins };
  const rename = (i: Issue): Issue => {
    const m = /^(events|places|claims)\[(\d+)\](?:\.(.*))?$/.exec(i.path);
    if (!m) return i;
    const [, part = '', index, deeper = ''] = m;
    const origin = originsOf[part]?.[Number(index)];
    if (!origin) return i;
    const [name = '', ...rest] = deeper.replace(/\[\d+\]/g, '').split('.');
    return { ...i, path: field(origin, name, rest) };
  };
  const errors = [...c.errors, ...r.errors.map(rename)];
  // The parser's per-event findings that TimelineJS3 and STIX cannot avoid (no status, no
  // source field) become one; in our template, three or more of a kind do.
  const threshold = format === 'csv' && c.labels ? 3 : 1;
  const groups = new Map<string, Issue[]>();
  const rest: Issue[] = [];
  // Where the reader already said it in the source's terms, the parser's word is not repeated.
  const said = new Set(c.warnings.map((w) => w.path));
  for (const w of r.warnings) {
    if (said.has(w.path)) continue;
    const kind = /^events\[\d+\]\.(status|sources)$/.exec(w.path)?.[1];
    if (!kind) {
      rest.push(rename(w));
      continue;
    }
    const list = groups.get(kind);
    if (list) list.push(w);
    else groups.set(kind, [w]);
  }
  const source = format === 'stix' ? 'STIX' : format === 'timelinejs' || !c.labels ? 'TimelineJS3' : '';
  for (const [name, list] of groups) {
    const [head] = list;
    if (!head || list.length < threshold) {
      rest.push(...list.map(rename));
      continue;
    }
    const n = list.length;
    const events = n === 1 ? '1 event has' : `${n} events have`;
    const first = rename(head).path;
    const message =
      name === 'status'
        ? `${events} no sourcing status, so ${n === 1 ? 'it is' : 'they are'} shown as "reported"${source ? ` (${source} has no field for it)` : ''}; first: ${first}`
        : `${events} no source: every event should cite one; first: ${first}`;
    rest.push({ path: 'events', message });
  }
  return { ...r, errors, warnings: [...c.warnings, ...rest], format };
}

/**
 * Writes an incident in one of the formats `importIncident` reads. `locale` words the dates
 * TimelineJS3 shows (`display_date`), default `en-IN`. Throws a TypeError for an unknown
 * format or an incident with nothing to export (check it with `parseIncident` first).
 */
export function exportIncident(incident: Incident, format: ExportFormat, options: { locale?: string } = {}): string {
  if (!(EXPORT_FORMATS as readonly unknown[]).includes(format)) throw new TypeError(`"${String(format)}" is not a format to export; use ${EXPORT_FORMATS.join(', ')}`);
  // What is written is the checked document: anything invalid is left out, as on the page.
  const { incident: clean, errors } = parseIncident(incident);
  if (!clean) throw new TypeError(`the incident has nothing to export: ${errors[0] ? `${errors[0].path}: ${errors[0].message}` : 'no events'}`);
  switch (format) {
    case 'incident':
      return `${JSON.stringify(clean, null, 2)}\n`;
    case 'csv':
      return toTemplateCsv(clean);
    case 'timelinejs':
      return `${toTimelineJs(clean, options.locale)}\n`;
    case 'stix':
      return `${toStix(clean)}\n`;
    default:
      throw new TypeError(`"${String(format)}" is not a format to export; use ${EXPORT_FORMATS.join(', ')}`);
  }
}
