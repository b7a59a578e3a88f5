/**
 * The state the STIX reader's phases share. `fromStix` (read.ts) indexes the bundle, makes one
 * context from it, and runs the phases in order: sources, places, the victim, claims, events.
 * Each phase reads what the earlier ones filled in and fills in its own part; the last step
 * builds the incident document from it.
 */
import type { Claim, Incident, IncidentEvent, Lane, Place, PlaceRole, Source } from '../../types.js';
import { type Issues, uniqueIds } from '../issues.js';
import type { Item, Obj } from './common.js';

/** The bundle's objects, indexed (bundle.ts). */
export interface Bundle {
  readonly items: Item[];
  readonly byId: Map<string, Item>;
  /** The relationships, in bundle order. */
  readonly rels: Item[];
  /** What each report or grouping ties together: its object_refs. */
  readonly groupRefs: Map<string, string[]>;
  /** Objects the reader does not import, counted by kind. */
  readonly other: Map<string, number>;
  readonly incidentItem: Item | undefined;
  /** Our own fields on the incident, in a bundle we wrote. */
  readonly meta: Obj | undefined;
}

export interface ReadContext extends Bundle {
  readonly issues: Issues;
  /** The zone dates are read in, and whether a bundle of ours was written in it (bundle.ts). */
  readonly zone: string;
  readonly sameZone: boolean;

  /** Objects an opinion disagrees with (sources.ts). */
  readonly disputed: Set<string>;
  /** Sources (sources.ts): ours first, then external references; by id and by safe URL. */
  readonly sources: Source[];
  readonly sourceIds: Set<string>;
  readonly sourceByUrl: Map<string, string>;
  readonly sourceId: (id: string) => string;
  /** The sources citing an object: those of the reports that refer to it. */
  readonly citedBy: Map<string, string[]>;

  /** Places (places.ts), where each came from, and by STIX id. */
  readonly places: Place[];
  readonly placeOrigins: string[];
  readonly placeByStix: Map<string, Place>;
  /** The roles relationships give each place; a place of ours keeps its own (fixedRole). */
  readonly placeRoles: Map<Place, Set<PlaceRole>>;
  readonly fixedRole: Set<Place>;

  /** The victim (relationships.ts) and the STIX id of its identity. */
  victim: Incident['victim'];
  victimRef: string | undefined;

  /** Claims (claims.ts), where each came from, and analysts' attributions in words. */
  readonly claims: Claim[];
  readonly claimOrigins: string[];
  readonly attributions: string[];

  /** Events (events.ts), where each came from, and their lanes. */
  readonly events: IncidentEvent[];
  readonly origins: string[];
  readonly lanes: Lane[];
  /** Objects that carry a time (read or not), and attack-actions that carry none. */
  timed: number;
  untimedActions: number;
  /** The incident's title and summary, as the objects give them. */
  title: string | undefined;
  summary: string | undefined;
}

/** A context for an indexed bundle, every later phase's part empty. */
export function createContext(issues: Issues, bundle: Bundle, zone: { zone: string; sameZone: boolean }): ReadContext {
  return {
    ...bundle,
    issues,
    ...zone,
    disputed: new Set(),
    sources: [],
    sourceIds: new Set(),
    sourceByUrl: new Map(),
    sourceId: uniqueIds(),
    citedBy: new Map(),
    places: [],
    placeOrigins: [],
    placeByStix: new Map(),
    placeRoles: new Map(),
    fixedRole: new Set(),
    victim: undefined,
    victimRef: undefined,
    claims: [],
    claimOrigins: [],
    attributions: [],
    events: [],
    origins: [],
    lanes: [],
    timed: 0,
    untimedActions: 0,
    title: undefined,
    summary: undefined,
  };
}
