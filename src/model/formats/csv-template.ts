import { clip, isValidTimeZone } from '../dates.js';
import { parseIncident } from '../parse.js';
import type { Conflict, Incident, IncidentEvent, Source } from '../types.js';
import { safeHttpUrl } from '../urls.js';
import { formatCsv, type CsvRow } from './csv.js';
import { Issues, slug, uniqueIds } from './issues.js';
import { headerKey } from './timelinejs/common.js';
import type { Converted } from './types.js';

/**
 * Our CSV template: the sheet a desk keeps during a running story. One table of events (one
 * row each), and two optional tables in the same sheet, each starting at its own header row:
 * the story (`title, summary, timeZone, …`) and the sources (`id, url, title, publisher,
 * published`). A `sources` cell holds links or source ids, several separated by spaces or
 * new lines.
 */

/** Columns of the events table, in the order the template and the export write them. */
export const EVENT_COLUMNS = [
  'id',
  'start',
  'end',
  'title',
  'description',
  'status',
  'confidence',
  'sources',
  'lane',
  'kind',
  'milestone',
  'precision',
  'displayDate',
  'dateKind',
  'techniques',
  'places',
  'conflicts',
] as const;
export const STORY_COLUMNS = ['title', 'summary', 'timeZone', 'updated', 'id', 'victim'] as const;
export const SOURCE_COLUMNS = ['id', 'url', 'title', 'publisher', 'published'] as const;
export const LANE_COLUMNS = ['lane', 'label'] as const;

type Kind = 'events' | 'story' | 'sources' | 'lanes';

/** What table a header row starts, if it is one. */
export function headerKind(cells: string[]): Kind | undefined {
  const keys = new Set(cells.map(headerKey));
  if (keys.has('start') && keys.has('title')) return 'events';
  if (keys.has('url') && !keys.has('start')) return 'sources';
  if (keys.has('lane') && keys.has('label') && !keys.has('start')) return 'lanes';
  if ((keys.has('timezone') || keys.has('summary')) && keys.has('title') && !keys.has('start')) return 'story';
  return undefined;
}

/** True when the header row is our template's events header. */
export const isTemplateHeader = (cells: string[]) => headerKind(cells) === 'events';

interface Table {
  kind: Kind;
  header: string[];
  headerRow: number;
  rows: { cells: string[]; row: number; line: number }[];
}

function splitTables(rows: CsvRow[]): Table[] {
  const tables: Table[] = [];
  rows.forEach((r, i) => {
    const kind = headerKind(r.cells);
    if (kind) tables.push({ kind, header: r.cells, headerRow: i + 1, rows: [] });
    else {
      const table = tables.at(-1);
      if (table && r.cells.some((c) => c.trim() !== '')) table.rows.push({ cells: r.cells, row: i + 1, line: r.line });
    }
  });
  return tables;
}

/** Links or ids in a cell: separated by spaces or new lines (links may hold commas). */
const refs = (cell: string, known: (ref: string) => boolean = () => false) =>
  cell.split(/\r?\n/).flatMap((line) => {
    const t = line.trim();
    if (!t) return [];
    // A whole line that names a source (an id may hold spaces) is one reference.
    if (known(t)) return [t];
    // Links separated by spaces, or by commas and semicolons as producers type them.
    return t
      .split(/\s+|[,;](?=\s*https?:)/i)
      .map((s) => s.replace(/[,;]+$/, ''))
      .filter(Boolean);
  });
/** Short codes in a cell, separated by spaces, commas or new lines. */
const list = (cell: string) => cell.split(/[\s,;]+/).filter(Boolean);
const STATUS = ['confirmed', 'reported', 'single-source', 'disputed', 'denied'];

/** Reads our CSV template (rows as parsed, header first). */
export function fromTemplateCsv(rows: CsvRow[], options: { timeZone?: string }): Converted {
  const issues = new Issues();
  const origins: string[] = [];
  const tables = splitTables(rows);
  const eventsTable = tables.find((t) => t.kind === 'events');
  if (!eventsTable) {
    issues.error('row 1', 'no events header row: the first table needs at least "id", "start" and "title" columns');
    return { document: null, errors: issues.errors, warnings: issues.warnings, origins };
  }
  for (const t of tables.filter((t) => t.kind === 'events').slice(1)) issues.warn(`row ${t.headerRow}`, 'is a second events header; its rows are read as events too');

  const reader = (t: Table, known: readonly string[]) => {
    const index = new Map<string, number>();
    const label = new Map<string, string>();
    t.header.forEach((h, i) => {
      const key = headerKey(h);
      if (!key) return;
      const field = known.find((k) => k.toLowerCase() === key);
      if (field) {
        index.set(field, i);
        label.set(field, h.trim());
      } else issues.warn(`row ${t.headerRow}, "${clip(h.trim())}"`, `is not a column of the template; ignored (columns: ${known.join(', ')})`);
    });
    return {
      get: (cells: string[], field: string) => (index.has(field) ? (cells[index.get(field)!] ?? '').replace(/\r\n?/g, '\n').trim() : ''),
      label,
      at: (row: number, field: string) => `row ${row}, "${label.get(field) ?? field}"`,
    };
  };

  // The story table: one row.
  const doc: Incident = { version: 1, title: '', events: [] };
  const story = tables.find((t) => t.kind === 'story');
  if (story && story.rows[0]) {
    const r = reader(story, STORY_COLUMNS);
    const cells = story.rows[0].cells;
    doc.title = r.get(cells, 'title');
    const summary = r.get(cells, 'summary');
    if (summary) doc.summary = summary;
    const zone = r.get(cells, 'timeZone');
    if (zone) {
      if (isValidTimeZone(zone)) doc.timeZone = zone;
      else issues.warn(r.at(story.rows[0].row, 'timeZone'), `"${clip(zone)}" is not an IANA time zone like "Asia/Kolkata"; ignored`);
    }
    for (const key of ['updated', 'id'] as const) {
      const v = r.get(cells, key);
      if (v) doc[key] = v;
    }
    const victim = r.get(cells, 'victim');
    if (victim) doc.victim = { name: victim };
  }
  if (!doc.timeZone) {
    if (options.timeZone) doc.timeZone = options.timeZone;
    else {
      doc.timeZone = 'UTC';
      issues.warn('timeZone', 'the sheet has no time zone (add a story table with a "timeZone" column); dates and times are read in UTC');
    }
  }

  // The lanes table: labels for the lane ids the events use.
  const laneTable = tables.find((t) => t.kind === 'lanes');
  if (laneTable) {
    const r = reader(laneTable, LANE_COLUMNS);
    doc.lanes = laneTable.rows.map(({ cells }) => ({ id: r.get(cells, 'lane'), label: r.get(cells, 'label') || r.get(cells, 'lane') })).filter((l) => l.id);
  }

  // The sources table, then the events that cite them.
  const sources: Source[] = [];
  const byKey = new Map<string, Source>();
  const sourceTable = tables.find((t) => t.kind === 'sources');
  const sourceId = uniqueIds();
  if (sourceTable) {
    const r = reader(sourceTable, SOURCE_COLUMNS);
    for (const { cells, row } of sourceTable.rows) {
      const url = r.get(cells, 'url');
      const id = r.get(cells, 'id');
      if (!url && !id) {
        issues.warn(`row ${row}`, 'a source needs a "url" or an "id"; row ignored');
        continue;
      }
      if (url && !safeHttpUrl(url)) issues.warn(r.at(row, 'url'), `"${clip(url)}" is not an http(s) link; shown without a link`);
      const s: Source = { id: sourceId(id || `source-${sources.length + 1}`) };
      if (url && safeHttpUrl(url)) s.url = url;
      for (const key of ['title', 'publisher', 'published'] as const) {
        const v = r.get(cells, key);
        if (v) s[key] = v;
      }
      sources.push(s);
      if (id) byKey.set(id, s);
      if (s.url) byKey.set(safeHttpUrl(s.url)!, s);
    }
  }

  const r = reader(eventsTable, EVENT_COLUMNS);
  const untitled: string[] = [];
  /** A source id for a link or id in a cell; a new link becomes a source of its own. */
  const cite = (ref: string, at: string): string | undefined => {
    const url = safeHttpUrl(ref);
    const found = byKey.get(url ?? ref);
    if (found) return found.id;
    if (!url) {
      issues.warn(at, `"${clip(ref)}" is neither an http(s) link nor a source id from the sources table; ignored`);
      return undefined;
    }
    // Named by its address until the sources table names it, so readers still see whose it is.
    const s: Source = { id: sourceId(`source-${sources.length + 1}`), url: ref, title: new URL(url).hostname.replace(/^www\./, '') };
    sources.push(s);
    byKey.set(url, s);
    untitled.push(ref);
    return s.id;
  };
  for (const t of tables.filter((t) => t.kind === 'events')) {
    for (const { cells, row } of t.rows) {
      const get = (f: string) => r.get(cells, f);
      const e: Record<string, unknown> = {};
      for (const f of ['id', 'title', 'start', 'end', 'description', 'lane', 'kind', 'displayDate'] as const) {
        const v = get(f);
        if (v) e[f] = v;
      }
      // Words from a fixed list are read whatever their case, as a sheet's dropdown may write them.
      for (const f of ['precision', 'dateKind'] as const) {
        const v = get(f).toLowerCase();
        if (v) e[f] = v;
      }
      const status = get('status').toLowerCase();
      if (status) e.status = STATUS.includes(status) ? status : get('status');
      const confidence = get('confidence');
      if (confidence) e.confidence = /^\d+(\.\d+)?$/.test(confidence) ? Number(confidence) : confidence.toLowerCase().replace(/\s+/g, '-');
      const milestone = get('milestone').toLowerCase();
      if (milestone) {
        if (['yes', 'true', 'y', '1', 'x'].includes(milestone)) e.milestone = true;
        else if (['no', 'false', 'n', '0'].includes(milestone)) e.milestone = false;
        else issues.warn(r.at(row, 'milestone'), `"${clip(get('milestone'))}" is not yes or no; ignored`);
      }
      for (const f of ['techniques', 'places'] as const) {
        const v = list(get(f));
        if (v.length) e[f] = v;
      }
      const cited = refs(get('sources'), (ref) => byKey.has(ref))
        .map((ref) => cite(ref, r.at(row, 'sources')))
        .filter((id): id is string => id !== undefined);
      const conflicts = get('conflicts');
      if (conflicts) {
        // One per line: "date | note | sources", date and sources optional ("2022-11-24 | note").
        e.conflicts = conflicts
          .split(/\r?\n/)
          .filter((l) => l.trim())
          .map((l): Conflict => {
            const parts = l.split('|').map((p) => p.trim());
            const [first = ''] = parts;
            const date = parts.length > 1 && (first === '' || /^\d{4}/.test(first)) ? parts.shift() : undefined;
            const conflict: Conflict = { note: parts.shift() ?? '' };
            if (date) conflict.date = date;
            const ids = refs(parts.join(' '))
              .map((ref) => cite(ref, r.at(row, 'conflicts')))
              .filter((id): id is string => id !== undefined);
            if (ids.length) conflict.sources = ids;
            return conflict;
          });
      }
      if (cited.length) e.sources = [...new Set(cited)];
      doc.events.push(e as unknown as IncidentEvent);
      origins.push(`row ${row}`);
    }
  }
  // A desk may leave ids blank: they come from the title, kept unique.
  const id = uniqueIds();
  for (const e of doc.events) if (e.id) id(e.id);
  for (const e of doc.events) if (!e.id && e.title) e.id = id(slug(e.title, 'event'));
  const [firstUntitled] = untitled;
  if (firstUntitled !== undefined) {
    issues.warn(
      'sources',
      `${untitled.length} ${untitled.length === 1 ? 'link has' : 'links have'} no title or publisher (first: ${clip(firstUntitled, 60)}); add a sources table (url, title, publisher, published) so readers see who said it`,
    );
  }
  if (sources.length) doc.sources = sources;
  if (!doc.title) issues.warn('title', 'the sheet has no story title (add a story table with a "title" column)');
  return { document: doc, errors: issues.errors, warnings: issues.warnings, origins, labels: Object.fromEntries(r.label) };
}

/** Writes our CSV template: the story table, the events, then the sources. */
export function toTemplateCsv(incident: Incident): string {
  const { incident: clean } = parseIncident(incident);
  const doc = clean ?? incident;
  const rows: string[][] = [];
  rows.push([...STORY_COLUMNS]);
  rows.push([doc.title ?? '', doc.summary ?? '', doc.timeZone ?? '', doc.updated ?? '', doc.id ?? '', doc.victim?.name ?? '']);
  rows.push([]);
  rows.push([...EVENT_COLUMNS]);
  for (const e of doc.events ?? []) {
    rows.push(
      EVENT_COLUMNS.map((c) => {
        const v = e[c];
        if (v === undefined) return '';
        if (c === 'milestone') return v ? 'yes' : 'no';
        if (c === 'conflicts') {
          return (v as Conflict[])
            .map((k) => (k.date || k.sources?.length ? [k.date ?? '', k.note, ...(k.sources?.length ? [k.sources.join(' ')] : [])].join(' | ') : k.note))
            .join('\n');
        }
        if (c === 'sources' || c === 'techniques' || c === 'places') return (v as string[]).join('\n');
        return String(v);
      }),
    );
  }
  if (doc.lanes?.length) {
    rows.push([]);
    rows.push([...LANE_COLUMNS]);
    for (const l of doc.lanes) rows.push([l.id, l.label]);
  }
  if (doc.sources?.length) {
    rows.push([]);
    rows.push([...SOURCE_COLUMNS]);
    for (const s of doc.sources) rows.push(SOURCE_COLUMNS.map((c) => s[c] ?? ''));
  }
  return formatCsv(rows);
}
