import { isLikelihoodWord } from './confidence.js';
import { clip, isValidTimeZone, resolveDate } from './dates.js';
import type {
  Claim,
  Confidence,
  Conflict,
  Incident,
  IncidentEvent,
  Issue,
  Lane,
  ParseResult,
  Place,
  PlaceShape,
  Precision,
  ResolvedDate,
  ResolvedEvent,
  ResolvedSource,
  Source,
  SourcingStatus,
} from './types.js';
import { readJson } from './formats/json-text.js';
import { safeHttpUrl } from './urls.js';
import { resolveIncident, resolveSource } from './resolve.js';

/**
 * Checks an incident document and resolves it for drawing. Never throws: every problem is
 * an {@link Issue} naming its path. Errors leave the item out; warnings keep it. Only a
 * document with nothing to draw (not an object, no `events` array, every event invalid)
 * gives `incident: null`.
 */

export const STATUSES: readonly SourcingStatus[] = ['confirmed', 'reported', 'single-source', 'disputed', 'denied'];
export const PRECISIONS: readonly Precision[] = ['year', 'month', 'day', 'hour', 'minute', 'second', 'approximate'];
const ROLES = ['target', 'origin', 'infrastructure', 'reference'] as const;
const RELATIONS = ['infrastructure-located-in', 'actor-originates-from', 'claimed-responsibility'] as const;
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;
/** The lane events go to when the document names none. */
export const DEFAULT_LANE: Lane = { id: 'events', label: 'Events' };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${clip(v)}"` : typeof v === 'object' ? 'an object' : String(v);

/** Collects issues while walking the document. */
class Checker {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  error(path: string, message: string) {
    this.errors.push({ path, message });
  }
  warn(path: string, message: string) {
    this.warnings.push({ path, message });
  }

  /**
   * Calls `read` for each object in the array `raw` found at `key`. A missing array is fine;
   * a non-array is ignored with a warning; a non-object item is reported at `level`.
   */
  objects(raw: unknown, key: string, level: 'warn' | 'error', read: (item: Obj, path: string) => void): void {
    if (raw === undefined) return;
    if (!Array.isArray(raw)) {
      this.warn(key, `must be an array, not ${describe(raw)}; ignored`);
      return;
    }
    raw.forEach((item, i) => {
      const path = `${key}[${i}]`;
      if (isObject(item)) read(item, path);
      else this[level](path, `must be an object, not ${describe(item)}; left out`);
    });
  }

  /** A required non-empty string, or undefined after an error. */
  requiredText(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    if (isText(v)) return v;
    this.error(`${path}.${key}`, v === undefined ? 'is missing' : `must be non-empty text, not ${describe(v)}`);
    return undefined;
  }

  /** An optional string; a wrong type is dropped with a warning. */
  optionalText(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.warn(`${path}.${key}`, `must be text, not ${describe(v)}; ignored`);
    return undefined;
  }

  /** An optional array of strings; non-strings are dropped with a warning. */
  textList(o: Obj, key: string, path: string): string[] | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.warn(`${path}.${key}`, `must be an array of text, not ${describe(v)}; ignored`);
      return undefined;
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      if (isText(item)) out.push(item);
      else this.warn(`${path}.${key}[${i}]`, `must be text, not ${describe(item)}; ignored`);
    });
    return out;
  }

  oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if ((allowed as readonly unknown[]).includes(v)) return v as T;
    this.warn(`${path}.${key}`, `${describe(v)} is not one of ${allowed.join(', ')}; ignored`);
    return undefined;
  }

  confidence(o: Obj, path: string): Confidence | undefined {
    const v = o.confidence;
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100) return v;
    if (isLikelihoodWord(v)) return v;
    this.warn(`${path}.confidence`, `${describe(v)} is not a number from 0 to 100 or an ICD 203 word (likely, very-likely, …); ignored`);
    return undefined;
  }

  /** Checks ids against a lookup, keeping the known ones. */
  refs(ids: string[] | undefined, known: Map<string, unknown>, path: string, what: string): string[] {
    if (!ids) return [];
    return ids.filter((id, i) => {
      if (known.has(id)) return true;
      this.warn(`${path}[${i}]`, `no ${what} has the id "${clip(id)}"`);
      return false;
    });
  }
}

const FIELDS = {
  '': ['$schema', 'version', 'id', 'title', 'summary', 'timeZone', 'updated', 'victim', 'lanes', 'events', 'places', 'claims', 'sources'],
  event: ['id', 'title', 'description', 'start', 'end', 'precision', 'displayDate', 'dateKind', 'lane', 'kind', 'milestone', 'status', 'confidence', 'sources', 'conflicts', 'places', 'techniques'],
  place: ['id', 'name', 'role', 'lat', 'lon', 'precisionMeters', 'country', 'shape'],
  claim: ['id', 'from', 'to', 'relation', 'assertion', 'assertedBy', 'status', 'confidence', 'caveats', 'sources', 'event'],
  source: ['id', 'title', 'publisher', 'url', 'published'],
} as const;

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length];
}

/** Warns about fields the format does not have: a misspelt field is otherwise silently lost. */
function checkFields(c: Checker, o: Obj, kind: keyof typeof FIELDS, path: string) {
  const known: readonly string[] = FIELDS[kind];
  for (const key of Object.keys(o)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => distance(key, k) <= 2);
    c.warn(path ? `${path}.${key}` : key, `is not a field of ${kind ? `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}` : "the incident"}; ignored${near ? ` (did you mean "${near}"?)` : ''}`);
  }
}

/** Assigns only the defined values, so the cleaned document has no `undefined` keys. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function readSources(c: Checker, raw: unknown): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  c.objects(raw, 'sources', 'warn', (s, path) => {
    checkFields(c, s, 'source', path);
    const id = c.requiredText(s, 'id', path);
    if (!id) return;
    if (seen.has(id)) return c.warn(`${path}.id`, `"${clip(id)}" is used twice; the second is left out`);
    seen.add(id);
    const url = c.optionalText(s, 'url', path);
    const safe = url === undefined || url === '' ? undefined : safeHttpUrl(url);
    if (url && !safe) c.warn(`${path}.url`, `${describe(url)} is not an http(s) link; shown without a link`);
    const published = c.optionalText(s, 'published', path);
    if (published !== undefined && !resolveDate(published, 'UTC').ok) c.warn(`${path}.published`, `${describe(published)} is not a date; ignored`);
    out.push(
      compact({
        id,
        title: c.optionalText(s, 'title', path),
        publisher: c.optionalText(s, 'publisher', path),
        url: safe ? url : undefined,
        published: published !== undefined && resolveDate(published, 'UTC').ok ? published : undefined,
      }),
    );
  });
  return out;
}

function readLanes(c: Checker, raw: unknown): Lane[] | undefined {
  if (!Array.isArray(raw)) {
    // Without a usable list, lanes come from the events.
    c.objects(raw, 'lanes', 'warn', () => undefined);
    return undefined;
  }
  const out: Lane[] = [];
  c.objects(raw, 'lanes', 'warn', (l, path) => {
    const id = isText(l.id) ? l.id : undefined;
    if (!id) return c.warn(`${path}.id`, 'is missing; lane left out');
    if (out.some((o) => o.id === id)) return c.warn(`${path}.id`, `"${clip(id)}" is used twice; the second is left out`);
    out.push({ id, label: isText(l.label) ? l.label : id });
  });
  return out;
}

function isPosition(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
}
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygon = (p: unknown) => Array.isArray(p) && p.length > 0 && p.every(isRing);

function readShape(c: Checker, raw: unknown, path: string): PlaceShape | undefined {
  if (raw === undefined || raw === null) return undefined;
  const ok =
    isObject(raw) &&
    ((raw.type === 'Polygon' && isPolygon(raw.coordinates)) ||
      (raw.type === 'MultiPolygon' && Array.isArray(raw.coordinates) && raw.coordinates.length > 0 && raw.coordinates.every(isPolygon)));
  if (ok) return raw as unknown as PlaceShape;
  c.warn(path, 'is not a GeoJSON Polygon or MultiPolygon with [lon, lat] positions; ignored');
  return undefined;
}

function readPlaces(c: Checker, raw: unknown): Place[] {
  const out: Place[] = [];
  c.objects(raw, 'places', 'error', (p, path) => {
    checkFields(c, p, 'place', path);
    const id = c.requiredText(p, 'id', path);
    const name = c.requiredText(p, 'name', path);
    if (!id || !name) return;
    if (out.some((o) => o.id === id)) return c.error(`${path}.id`, `"${clip(id)}" is used twice; the second is left out`);
    const coord = (key: 'lat' | 'lon', limit: number) => {
      const v = p[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit) return v;
      c.error(`${path}.${key}`, `${describe(v)} is not a ${key === 'lat' ? 'latitude (-90 to 90)' : 'longitude (-180 to 180)'}`);
      return undefined;
    };
    const lat = coord('lat', 90);
    const lon = coord('lon', 180);
    const shape = readShape(c, p.shape, `${path}.shape`);
    const hasPoint = lat !== undefined && lon !== undefined;
    if (!hasPoint && !shape) c.warn(path, 'has neither lat and lon nor a shape; it is listed but not drawn on a map');
    let precisionMeters: number | undefined;
    if (p.precisionMeters !== undefined) {
      if (typeof p.precisionMeters === 'number' && Number.isFinite(p.precisionMeters) && p.precisionMeters >= 0) precisionMeters = p.precisionMeters;
      else c.warn(`${path}.precisionMeters`, `${describe(p.precisionMeters)} is not a distance in metres; ignored`);
    }
    out.push(
      compact({
        id,
        name,
        role: c.oneOf(p, 'role', path, ROLES),
        lat: hasPoint ? lat : undefined,
        lon: hasPoint ? lon : undefined,
        precisionMeters,
        country: c.optionalText(p, 'country', path),
        shape,
      }),
    );
  });
  return out;
}

function readConflicts(c: Checker, raw: unknown, path: string, zone: string, sources: Map<string, unknown>) {
  const conflicts: Conflict[] = [];
  const dates: ResolvedDate[] = [];
  if (raw === undefined || raw === null) return { conflicts: undefined, dates };
  if (!Array.isArray(raw)) {
    c.warn(path, `must be an array, not ${describe(raw)}; ignored`);
    return { conflicts: undefined, dates };
  }
  raw.forEach((k, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(k)) return c.warn(p, `must be an object with a note, not ${describe(k)}; ignored`);
    const note = isText(k.note) ? k.note : undefined;
    if (!note) return c.warn(`${p}.note`, 'is missing; conflict ignored');
    const conflict: Conflict = { note };
    if (k.date !== undefined) {
      const d = resolveDate(k.date, zone);
      if (d.ok) {
        conflict.date = k.date as string;
        dates.push(d.value);
      } else c.warn(`${p}.date`, `${d.reason}; ignored`);
    }
    const srcs = c.textList(k, 'sources', p);
    if (srcs) conflict.sources = c.refs(srcs, sources, `${p}.sources`, 'source');
    conflicts.push(conflict);
  });
  return { conflicts, dates };
}

function readEvent(
  c: Checker,
  e: unknown,
  index: number,
  zone: string,
  lookups: { sources: Map<string, ResolvedSource>; places: Map<string, Place>; lanes: Map<string, Lane>; lanesGiven: boolean; ids: Set<string> },
): { event: IncidentEvent; resolved: ResolvedEvent } | undefined {
  const path = `events[${index}]`;
  if (!isObject(e)) {
    c.error(path, `must be an object, not ${describe(e)}; left out`);
    return undefined;
  }
  checkFields(c, e, 'event', path);
  const errorsBefore = c.errors.length;
  const id = c.requiredText(e, 'id', path);
  const title = c.requiredText(e, 'title', path);
  if (id && lookups.ids.has(id)) c.error(`${path}.id`, `"${clip(id)}" is used by an earlier event; left out`);
  const precision = c.oneOf(e, 'precision', path, PRECISIONS);
  const start = resolveDate(e.start, zone, precision);
  if (!start.ok) c.error(`${path}.start`, e.start === undefined ? 'is missing' : start.reason);
  let end: ResolvedDate | undefined;
  if (e.end !== undefined && e.end !== null) {
    const r = resolveDate(e.end, zone, precision);
    if (!r.ok) c.warn(`${path}.end`, `${r.reason}; drawn as a single moment`);
    else if (start.ok && r.value.end <= start.value.start) c.warn(`${path}.end`, `"${clip(String(e.end))}" is before the start; drawn as a single moment`);
    else end = r.value;
  }
  if (c.errors.length > errorsBefore || !id || !title || !start.ok) return undefined;
  lookups.ids.add(id);

  const statusRaw = e.status;
  let status = c.oneOf(e, 'status', path, STATUSES);
  if (statusRaw === undefined) c.warn(`${path}.status`, 'is missing; shown as "reported"');
  status ??= 'reported';

  const sourceIds = c.textList(e, 'sources', path);
  const known = c.refs(sourceIds, lookups.sources, `${path}.sources`, 'source');
  if (!sourceIds || sourceIds.length === 0) c.warn(`${path}.sources`, 'has no source: every event should cite one');

  const lane = c.optionalText(e, 'lane', path);
  if (lane !== undefined && !lookups.lanes.has(lane)) {
    // Without a lanes list, lanes come from the events in order of first use.
    if (lookups.lanesGiven) c.warn(`${path}.lane`, `no lane has the id "${clip(lane)}"; a lane was added for it`);
    lookups.lanes.set(lane, { id: lane, label: lane });
  }
  const milestone = e.milestone === undefined ? undefined : e.milestone === true || e.milestone === false ? e.milestone : undefined;
  if (e.milestone !== undefined && milestone === undefined) c.warn(`${path}.milestone`, 'must be true or false; ignored');
  const techniques = c.textList(e, 'techniques', path)?.filter((t, i) => {
    if (TECHNIQUE.test(t)) return true;
    c.warn(`${path}.techniques[${i}]`, `"${clip(t)}" is not an ATT&CK technique id like "T1486"; ignored`);
    return false;
  });
  const placeIds = c.textList(e, 'places', path);
  const places = placeIds ? c.refs(placeIds, lookups.places, `${path}.places`, 'place') : undefined;
  const { conflicts, dates } = readConflicts(c, e.conflicts, `${path}.conflicts`, zone, lookups.sources);
  const confidence = c.confidence(e, path);
  const dateKind = c.oneOf(e, 'dateKind', path, ['occurred', 'reported'] as const);

  const event: IncidentEvent = compact({
    id,
    title,
    description: c.optionalText(e, 'description', path),
    start: e.start as string,
    end: end ? (e.end as string) : undefined,
    precision,
    displayDate: c.optionalText(e, 'displayDate', path),
    dateKind,
    lane,
    kind: c.optionalText(e, 'kind', path),
    milestone,
    status: statusRaw === undefined ? undefined : status,
    confidence,
    sources: sourceIds,
    conflicts,
    places,
    techniques,
  });
  return {
    event,
    resolved: {
      id,
      index,
      event,
      start: start.value,
      end,
      conflictDates: dates,
      lane: lane ?? '',
      status,
      confidence,
      milestone: milestone ?? false,
      dateKind: dateKind ?? 'occurred',
      sources: known.map((s) => lookups.sources.get(s)!),
    },
  };
}

function readClaims(c: Checker, raw: unknown, places: Map<string, Place>, sources: Map<string, unknown>, events: Set<string>): Claim[] {
  const out: Claim[] = [];
  c.objects(raw, 'claims', 'error', (k, path) => {
    checkFields(c, k, 'claim', path);
    const errorsBefore = c.errors.length;
    const id = c.requiredText(k, 'id', path);
    const to = c.requiredText(k, 'to', path);
    const assertion = c.requiredText(k, 'assertion', path);
    const assertedBy = c.requiredText(k, 'assertedBy', path);
    const relation = k.relation;
    if (!(RELATIONS as readonly unknown[]).includes(relation))
      c.error(`${path}.relation`, `${relation === undefined ? 'is missing' : `${describe(relation)} is not allowed`}; use one of ${RELATIONS.join(', ')}`);
    if (to && !places.has(to)) c.error(`${path}.to`, `no place has the id "${clip(to)}"`);
    const from = k.from === undefined || k.from === null ? null : k.from;
    if (from !== null && (typeof from !== 'string' || !places.has(from)))
      c.error(`${path}.from`, typeof from === 'string' ? `no place has the id "${clip(from)}"` : `must be a place id or null, not ${describe(from)}`);
    if (id && out.some((o) => o.id === id)) c.error(`${path}.id`, `"${clip(id)}" is used twice; the second is left out`);
    if (c.errors.length > errorsBefore || !id || !to || !assertion || !assertedBy) return;
    if (k.status === undefined) c.warn(`${path}.status`, 'is missing; shown as "reported"');
    const sourceIds = c.textList(k, 'sources', path);
    c.refs(sourceIds, sources, `${path}.sources`, 'source');
    if (!sourceIds || sourceIds.length === 0) c.warn(`${path}.sources`, 'has no source: every claim should cite one');
    const event = c.optionalText(k, 'event', path);
    if (event !== undefined && !events.has(event)) c.warn(`${path}.event`, `no event has the id "${clip(event)}"`);
    out.push(
      compact({
        id,
        from: from as string | null,
        to,
        relation: relation as Claim['relation'],
        assertion,
        assertedBy,
        status: c.oneOf(k, 'status', path, STATUSES),
        confidence: c.confidence(k, path),
        caveats: c.textList(k, 'caveats', path),
        sources: sourceIds,
        event,
      }),
    );
  });
  return out;
}

function parseDocument(c: Checker, input: unknown): ParseResult {
  const fail = (): ParseResult => ({ incident: null, resolved: null, errors: c.errors, warnings: c.warnings });
  if (!isObject(input)) {
    c.error('', `the incident must be a JSON object, not ${describe(input)}`);
    return fail();
  }

  // Document header
  checkFields(c, input, '', '');
  if (input.version === undefined) c.warn('version', 'is missing; read as version 1');
  else if (input.version !== 1) c.warn('version', `${describe(input.version)} is not a known version; read as version 1`);
  const title = isText(input.title) ? input.title : undefined;
  if (!title) c.warn('title', input.title === undefined ? 'is missing' : `must be non-empty text, not ${describe(input.title)}`);
  let timeZone = 'UTC';
  if (input.timeZone === undefined) c.warn('timeZone', 'is missing; dates without an offset are read in UTC');
  else if (isValidTimeZone(input.timeZone)) timeZone = input.timeZone;
  else c.warn('timeZone', `${describe(input.timeZone)} is not an IANA time zone like "Asia/Kolkata"; UTC is used`);
  const updated = c.optionalText(input, 'updated', '');
  if (updated !== undefined && !resolveDate(updated, timeZone).ok) c.warn('updated', `${describe(updated)} is not a date; ignored`);

  // Registries the events refer to
  const sources = readSources(c, input.sources);
  const sourceById = new Map<string, ResolvedSource>(sources.map((s) => [s.id, resolveSource(s)]));
  const places = readPlaces(c, input.places);
  const placeById = new Map(places.map((p) => [p.id, p]));
  const lanesGiven = readLanes(c, input.lanes);
  const lanes = new Map((lanesGiven ?? []).map((l) => [l.id, l]));

  let victim: Incident['victim'];
  if (input.victim !== undefined) {
    if (isObject(input.victim) && isText(input.victim.name)) {
      const place = c.optionalText(input.victim, 'place', 'victim');
      if (place !== undefined && !placeById.has(place)) c.warn('victim.place', `no place has the id "${clip(place)}"`);
      victim = compact({ name: input.victim.name, place });
    } else c.warn('victim', 'must be an object with a name; ignored');
  }

  // Events
  if (!Array.isArray(input.events)) {
    c.error('events', input.events === undefined ? 'is missing: the incident needs an events array' : `must be an array, not ${describe(input.events)}`);
    return fail();
  }
  const ids = new Set<string>();
  const kept: IncidentEvent[] = [];
  const resolvedEvents: ResolvedEvent[] = [];
  input.events.forEach((e, i) => {
    const r = readEvent(c, e, i, timeZone, { sources: sourceById, places: placeById, lanes, lanesGiven: lanesGiven !== undefined, ids });
    if (!r) return;
    kept.push(r.event);
    resolvedEvents.push(r.resolved);
  });
  if (input.events.length > 0 && kept.length === 0) return fail();

  // Events that name no lane share a default one.
  const laneless = resolvedEvents.filter((e) => e.lane === '');
  if (laneless.length) {
    if (!lanes.has(DEFAULT_LANE.id)) lanes.set(DEFAULT_LANE.id, DEFAULT_LANE);
    for (const e of laneless) e.lane = DEFAULT_LANE.id;
  }
  const claims = readClaims(c, input.claims, placeById, sourceById, ids);

  const incident: Incident = compact({
    $schema: typeof input.$schema === 'string' ? input.$schema : undefined,
    version: 1 as const,
    id: c.optionalText(input, 'id', ''),
    title: title ?? '',
    summary: c.optionalText(input, 'summary', ''),
    timeZone: input.timeZone === undefined ? undefined : timeZone,
    updated: updated !== undefined && resolveDate(updated, timeZone).ok ? updated : undefined,
    victim,
    lanes: lanesGiven,
    events: kept,
    places: input.places === undefined ? undefined : places,
    claims: input.claims === undefined ? undefined : claims,
    sources: input.sources === undefined ? undefined : sources,
  });

  const resolved = resolveIncident({ incident, timeZone, lanes: [...lanes.values()], events: resolvedEvents, sourceById, places, claims });
  return { incident, resolved, errors: c.errors, warnings: c.warnings };
}

/** Checks and resolves an incident document (a parsed JSON value). Never throws. */
export function parseIncident(input: unknown): ParseResult {
  const c = new Checker();
  try {
    return parseDocument(c, input);
  } catch (err) {
    // A getter or proxy in a hand-made object could still throw; report it, never rethrow.
    c.error('', `the incident could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return { incident: null, resolved: null, errors: c.errors, warnings: c.warnings };
  }
}

/**
 * Parses JSON text, reporting a syntax error as an issue at `path` with its line and column
 * (`src`: `is not valid JSON: line 5, column 12: unexpected ","`). Never throws.
 */
export function parseIncidentJson(text: string, path = 'src'): ParseResult {
  const json = readJson(text);
  if (!json.ok) {
    const { line, column, path: where, message } = json.error;
    return { incident: null, resolved: null, errors: [{ path, message: `is not valid JSON: ${where}: ${message}`, line, column }], warnings: [] };
  }
  return parseIncident(json.value);
}
