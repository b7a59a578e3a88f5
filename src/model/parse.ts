/**
 * Checks an incident document and resolves it for drawing. Never throws: every problem is
 * an {@link Issue} naming its path. Errors leave the item out; warnings keep it. Only a
 * document with nothing to draw (not an object, no `events` array, every event invalid)
 * gives `incident: null`. This module reads the document's header and runs the readers in
 * order (sources, places, lanes, events, claims: each refers only to those before it), then
 * {@link resolveIncident}.
 */
import { Checker, checkFields, compact, describe, isObject, isText, optionalLang } from './check.js';
import { clip, isValidTimeZone, resolveDate } from './dates.js';
import { readJson } from './formats/json-text.js';
import { readClaims } from './read-claims.js';
import { drain, readEventSteps } from './read-events.js';
import { readPlaces } from './read-places.js';
import { readLanes, readSources } from './read-sources.js';
import { resolveIncident, resolveSource } from './resolve.js';
import type { Incident, ParseResult, ResolvedSource } from './types.js';

export { STATUSES, PRECISIONS } from './read-events.js';
export { DEFAULT_LANE } from './read-sources.js';

function* parseSteps(c: Checker, input: unknown): Generator<void, ParseResult, void> {
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

  const events = yield* readEventSteps(c, input.events, timeZone, { sources: sourceById, places: placeById, lanes, lanesGiven: lanesGiven !== undefined });
  if (!events) return fail();
  yield;
  const claims = readClaims(c, input.claims, placeById, sourceById, events.ids);

  const incident: Incident = compact({
    $schema: typeof input.$schema === 'string' ? input.$schema : undefined,
    version: 1 as const,
    id: c.optionalText(input, 'id', ''),
    title: title ?? '',
    summary: c.optionalText(input, 'summary', ''),
    description: c.optionalText(input, 'description', ''),
    lang: optionalLang(c, input, ''),
    timeZone: input.timeZone === undefined ? undefined : timeZone,
    updated: updated !== undefined && resolveDate(updated, timeZone).ok ? updated : undefined,
    victim,
    lanes: lanesGiven,
    events: events.events,
    places: input.places === undefined ? undefined : places,
    claims: input.claims === undefined ? undefined : claims,
    sources: input.sources === undefined ? undefined : sources,
  });

  yield;
  const resolved = resolveIncident({ incident, timeZone, lanes: [...lanes.values()], events: events.resolved, sourceById, places, claims });
  return { incident, resolved, errors: c.errors, warnings: c.warnings };
}

const unreadable = (c: Checker, err: unknown): ParseResult => {
  // A getter or proxy in a hand-made object could still throw; report it, never rethrow.
  c.error('', `the incident could not be read: ${err instanceof Error ? err.message : String(err)}`);
  return { incident: null, resolved: null, errors: c.errors, warnings: c.warnings };
};

/** Checks and resolves an incident document (a parsed JSON value). Never throws. */
export function parseIncident(input: unknown): ParseResult {
  const c = new Checker();
  try {
    return drain(parseSteps(c, input));
  } catch (err) {
    return unreadable(c, err);
  }
}

/** Above this many events an element parses in slices (see {@link parseIncidentInSlices}). */
export const SLICED_ABOVE = 10_000;

/** Gives the page a turn: `scheduler.yield()` where there is one, else a new task. */
export function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `parseIncident` in slices of about `budgetMs` of work, pausing between them (`pause`,
 * {@link nextTurn} by default) so a document of 100,000 events never holds the page in one
 * long task. The result is the same as `parseIncident`'s. Never rejects.
 */
export async function parseIncidentInSlices(input: unknown, { pause = nextTurn, budgetMs = 12 }: { pause?: () => Promise<void>; budgetMs?: number } = {}): Promise<ParseResult> {
  const c = new Checker();
  try {
    const steps = parseSteps(c, input);
    let since = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() - since >= budgetMs) {
        await pause();
        since = performance.now();
      }
    }
  } catch (err) {
    return unreadable(c, err);
  }
}

/** True when a document is large enough to parse in slices. */
export function isLarge(input: unknown): boolean {
  const events = (input as { events?: unknown } | null)?.events;
  return Array.isArray(events) && events.length > SLICED_ABOVE;
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
