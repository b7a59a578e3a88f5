/**
 * Resolution: from the checked parts of a document to the {@link ResolvedIncident} every
 * element draws from. Runs once per document; elements only look things up.
 */
import { resolveDate } from './dates.js';
import { claimRelation, confidenceOf, sourcingStatus } from './keywords.js';
import type { Claim, Incident, Lane, Place, ResolvedClaim, ResolvedEvent, ResolvedIncident, ResolvedSource, Source } from './types.js';
import { safeHttpUrl } from './urls.js';

/** The one name a source is cited by: publisher and title, else whichever is given, else its id. */
export function sourceLabel(s: Pick<Source, 'id' | 'publisher' | 'title'>): string {
  return [s.publisher, s.title].filter(Boolean).join(': ') || s.id;
}

/** A checked source with its safe link, label and publication date. */
export function resolveSource(s: Source): ResolvedSource {
  const published = s.published ? resolveDate(s.published, 'UTC') : null;
  const out: ResolvedSource = { ...s, label: sourceLabel(s) };
  const href = safeHttpUrl(s.url);
  if (href) out.href = href;
  if (published?.ok) out.publishedDate = published.value;
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface ResolveInput {
  incident: Incident;
  timeZone: string;
  lanes: Lane[];
  /** In any order; sorted here. */
  events: ResolvedEvent[];
  sourceById: Map<string, ResolvedSource>;
  places: Place[];
  /** Checked claims: `to`, `from` and `sources` name known items. */
  claims: Claim[];
}

/** Sorts the events, measures the extent and builds every lookup. */
export function resolveIncident(input: ResolveInput): ResolvedIncident {
  const { incident, timeZone, lanes, sourceById } = input;
  const events = [...input.events].sort((a, b) => a.start.start - b.start.start || a.index - b.index);
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    lo = Math.min(lo, e.start.start);
    hi = Math.max(hi, (e.end ?? e.start).end);
    for (const d of e.conflictDates) {
      lo = Math.min(lo, d.start);
      hi = Math.max(hi, d.end);
    }
  }
  const extent: [number, number] | null = events.length ? [lo, hi] : null;
  const eventById = new Map<string, ResolvedEvent>();
  for (const e of events) eventById.set(e.id, e);
  const placeById = new Map(input.places.map((p) => [p.id, p]));
  const eventsByPlace = new Map<string, ResolvedEvent[]>();
  for (const e of events) {
    const places = e.event.places;
    if (places?.length) for (const p of places.length > 1 ? new Set(places) : places) if (placeById.has(p)) push(eventsByPlace, p, e);
  }

  const claims: ResolvedClaim[] = [];
  const claimsByPlace = new Map<string, ResolvedClaim[]>();
  const claimsByEvent = new Map<string, ResolvedClaim[]>();
  for (const claim of input.claims) {
    const to = placeById.get(claim.to);
    if (!to) continue;
    const r: ResolvedClaim = {
      id: claim.id,
      claim,
      relation: claimRelation(claim),
      status: sourcingStatus(claim.status),
      from: claim.from === null ? null : (placeById.get(claim.from) ?? null),
      to,
      sources: (claim.sources ?? []).flatMap((id) => sourceById.get(id) ?? []),
    };
    const confidence = confidenceOf(claim.confidence);
    if (confidence !== undefined) r.confidence = confidence;
    const event = claim.event === undefined ? undefined : eventById.get(claim.event);
    if (event) r.event = event;
    claims.push(r);
    if (r.from) push(claimsByPlace, r.from.id, r);
    if (r.from?.id !== to.id) push(claimsByPlace, to.id, r);
    if (event) push(claimsByEvent, event.id, r);
  }
  return {
    incident,
    timeZone,
    lanes,
    laneById: new Map(lanes.map((l) => [l.id, l])),
    events,
    eventById,
    sourceById,
    placeById,
    claims,
    claimById: new Map(claims.map((c) => [c.id, c])),
    claimsByPlace,
    claimsByEvent,
    eventsByPlace,
    extent,
  };
}
