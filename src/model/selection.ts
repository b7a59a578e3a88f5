/**
 * What the reader has chosen, as one value shared by every element telling a story, and the
 * pure function that derives what each element lights up from it. Ids are opaque: they are
 * compared, never parsed.
 */
import type { ResolvedIncident } from './types.js';

/**
 * The reader's choice: an event, a place on the map, or a claim (with the event it was made
 * in). Empty when nothing is chosen.
 */
export interface Selection {
  readonly event?: string;
  readonly place?: string;
  readonly claim?: string;
}

/** Nothing chosen. */
export const NO_SELECTION: Selection = Object.freeze({});

/** True when both name the same event, place and claim. */
export function sameSelection(a: Selection, b: Selection): boolean {
  return a.event === b.event && a.place === b.place && a.claim === b.claim;
}

/** A selection with only the given, non-empty ids (never `undefined` keys). */
export function selection(event?: string | null, place?: string | null, claim?: string | null): Selection {
  const out: { event?: string; place?: string; claim?: string } = {};
  if (typeof event === 'string') out.event = event;
  if (typeof place === 'string') out.place = place;
  if (typeof claim === 'string') out.claim = claim;
  return out;
}

/**
 * The selection an element can show: ids the incident does not know are dropped, and a claim
 * brings the event it was made in.
 */
export function validSelection(r: ResolvedIncident, s: Selection): Selection {
  const claim = s.claim !== undefined ? r.claimById.get(s.claim) : undefined;
  if (claim) return selection(claim.event?.id, null, claim.id);
  if (s.place !== undefined && r.placeById.has(s.place)) return selection(null, s.place);
  return selection(s.event !== undefined && r.eventById.has(s.event) ? s.event : null);
}

/** What a selection lights up, in every element. */
export interface Emphasis {
  /** Events to highlight (beside the selected one): those at the chosen place. */
  readonly events: ReadonlySet<string>;
  /** Places to emphasise on the map. */
  readonly places: ReadonlySet<string>;
  /** Claims to emphasise on the map, and to describe in its details. */
  readonly claims: ReadonlySet<string>;
}

/**
 * What lights up for a selection: a place, its claims and the events there; a claim and its
 * two places; an event, its places and the claims made in it. Unknown ids light nothing.
 */
export function emphasisFor(r: ResolvedIncident, s: Selection): Emphasis {
  const events = new Set<string>();
  const places = new Set<string>();
  const claims = new Set<string>();
  const claim = s.claim !== undefined ? r.claimById.get(s.claim) : undefined;
  if (claim) {
    claims.add(claim.id);
    if (claim.from) places.add(claim.from.id);
    places.add(claim.to.id);
  } else if (s.place !== undefined && r.placeById.has(s.place)) {
    places.add(s.place);
    for (const c of r.claimsByPlace.get(s.place) ?? []) claims.add(c.id);
    for (const e of r.eventsByPlace.get(s.place) ?? []) events.add(e.id);
  } else if (s.event !== undefined) {
    const e = r.eventById.get(s.event);
    for (const p of e?.event.places ?? []) if (r.placeById.has(p)) places.add(p);
    for (const c of r.claimsByEvent.get(s.event) ?? []) {
      claims.add(c.id);
      if (c.from) places.add(c.from.id);
      places.add(c.to.id);
    }
  }
  return { events, places, claims };
}
