/**
 * Reading an incident's events, the only part it cannot do without, with their conflicting
 * accounts. Each event is checked and resolved at once: its start and end read in the
 * document's time zone, a status (`reported` when missing), its sources, lane and places
 * looked up. An event with a missing or bad id, title or start, or an id an earlier event
 * used, is left out with an error; anything else wrong is a warning and the event is kept. Events that name no lane share
 * {@link DEFAULT_LANE}; a lane an event names but the lanes list lacks is added for it.
 */
import { checkFields, compact, describe, isObject, isText, type Checker } from './check.js';
import { clip, resolveDate } from './dates.js';
import { STATUSES } from './keywords.js';
import { DEFAULT_LANE } from './read-sources.js';
import type { Conflict, IncidentEvent, Lane, Place, Precision, ResolvedDate, ResolvedEvent, ResolvedSource } from './types.js';

export { STATUSES };
export const PRECISIONS: readonly Precision[] = ['year', 'month', 'day', 'hour', 'minute', 'second', 'approximate'];
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;

/** What events refer to, read before them. `lanes` gains the lanes events add. */
export interface EventLookups {
  sources: Map<string, ResolvedSource>;
  places: Map<string, Place>;
  lanes: Map<string, Lane>;
  /** Whether the document has a lanes list (a lane missing from it is then worth a warning). */
  lanesGiven: boolean;
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
  lookups: EventLookups & { ids: Set<string> },
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

/**
 * The events at `raw`: the kept ones as written (in file order), their resolved form and their
 * ids. Undefined, after an error, when there is nothing to draw: `raw` is not an array, or it
 * has events and every one was left out. An empty array is a valid, empty incident.
 */
export function readEvents(c: Checker, raw: unknown, zone: string, lookups: EventLookups): EventsRead | undefined {
  return drain(readEventSteps(c, raw, zone, lookups));
}

export interface EventsRead {
  events: IncidentEvent[];
  resolved: ResolvedEvent[];
  ids: Set<string>;
}

/** How many events are read between the points where a sliced parse may pause. */
export const EVENTS_PER_STEP = 500;

/** Runs steps to the end at once. */
export function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `readEvents` as steps: it yields every {@link EVENTS_PER_STEP} events, so a caller can pause there. */
export function* readEventSteps(c: Checker, raw: unknown, zone: string, lookups: EventLookups): Generator<void, EventsRead | undefined, void> {
  if (!Array.isArray(raw)) {
    c.error('events', raw === undefined ? 'is missing: the incident needs an events array' : `must be an array, not ${describe(raw)}`);
    return undefined;
  }
  const ids = new Set<string>();
  const events: IncidentEvent[] = [];
  const resolved: ResolvedEvent[] = [];
  const withIds = { ...lookups, ids };
  for (let i = 0; i < raw.length; i++) {
    const r = readEvent(c, raw[i], i, zone, withIds);
    if (r) {
      events.push(r.event);
      resolved.push(r.resolved);
    }
    if (i % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
  }
  if (raw.length > 0 && events.length === 0) return undefined;

  // Events that name no lane share a default one.
  const laneless = resolved.filter((e) => e.lane === '');
  if (laneless.length) {
    if (!lookups.lanes.has(DEFAULT_LANE.id)) lookups.lanes.set(DEFAULT_LANE.id, DEFAULT_LANE);
    for (const e of laneless) e.lane = DEFAULT_LANE.id;
  }
  return { events, resolved, ids };
}
