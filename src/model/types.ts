/**
 * Types of the incident document (the hand-writable JSON) and of the resolved model the
 * components draw from. The document types mirror the JSON exactly; everything derived
 * (instants, precision, lookups) lives in {@link ResolvedIncident} so a valid document
 * round-trips through `parseIncident` unchanged.
 */

/**
 * One of the words `T`, typed so that a document TypeScript reads from a JSON file (where every
 * string is a `string`) is accepted as it is: editors still offer the words, and the parser
 * reports any other value (with its path) at run time.
 */
export type Keyword<T extends string> = T | (string & {});

/** Who says so. Not a probability: see {@link Confidence}. */
export type SourcingStatus = 'confirmed' | 'reported' | 'single-source' | 'disputed' | 'denied';

/** ICD 203 words of estimative probability, hyphenated. */
export type LikelihoodWord = 'almost-no-chance' | 'very-unlikely' | 'unlikely' | 'roughly-even-chance' | 'likely' | 'very-likely' | 'almost-certain';

/** Analytic likelihood: STIX 2.1 number 0–100, or an ICD 203 word. */
export type Confidence = number | LikelihoodWord;

/** How finely a date is known. `approximate` keeps the granularity of the string. */
export type Precision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'approximate';

/** Whether a date is when something happened or when it was first reported. */
export type DateKind = 'occurred' | 'reported';

export type PlaceRole = 'target' | 'origin' | 'infrastructure' | 'reference';

export type ClaimRelation = 'infrastructure-located-in' | 'actor-originates-from' | 'claimed-responsibility';

export interface Lane {
  id: string;
  label: string;
}

export interface Conflict {
  note: string;
  /** An alternative date another source gives. */
  date?: string;
  sources?: string[];
}

export interface IncidentEvent {
  id: string;
  title: string;
  description?: string;
  /** ISO 8601, partial allowed: `2022`, `2022-11`, `2022-11-23`, `2022-11-23T07:00+05:30`. */
  start: string;
  end?: string;
  precision?: Keyword<Precision>;
  /** Overrides the formatted date, e.g. "late Nov 2022". */
  displayDate?: string;
  dateKind?: Keyword<DateKind>;
  lane?: string;
  kind?: string;
  milestone?: boolean;
  status?: Keyword<SourcingStatus>;
  confidence?: number | Keyword<LikelihoodWord>;
  sources?: string[];
  conflicts?: Conflict[];
  places?: string[];
  techniques?: string[];
}

/** GeoJSON Polygon or MultiPolygon geometry. */
export interface PlaceShape {
  type: Keyword<'Polygon' | 'MultiPolygon'>;
  coordinates: number[][][] | number[][][][];
}

export interface Place {
  id: string;
  name: string;
  role?: Keyword<PlaceRole>;
  lat?: number;
  lon?: number;
  precisionMeters?: number;
  country?: string;
  shape?: PlaceShape;
}

export interface Claim {
  id: string;
  /** Place id, or null for a claim with no mappable origin (shown in the claims list). */
  from: string | null;
  to: string;
  relation: Keyword<ClaimRelation>;
  assertion: string;
  assertedBy: string;
  status?: Keyword<SourcingStatus>;
  confidence?: number | Keyword<LikelihoodWord>;
  caveats?: string[];
  sources?: string[];
  /** Id of the event the claim was made in. */
  event?: string;
}

export interface Source {
  id: string;
  title?: string;
  publisher?: string;
  url?: string;
  published?: string;
  /**
   * `false` when the headline was not seen on its page (rebuilt from the URL, or an editor's
   * description): readers are told "headline not verified". Omitted means it was checked.
   */
  titleVerified?: boolean;
  /** BCP 47 language of the title and publisher. Default `en`. */
  lang?: string;
}

export interface Victim {
  name: string;
  /** Place id. */
  place?: string;
}

/** The incident document, as written by an editor. */
export interface Incident {
  /** Path or URL of the JSON Schema, for editors' autocompletion. */
  $schema?: string;
  /** `1`. (Typed as any number so that a document imported from a JSON file type-checks; the parser rejects another.) */
  version: 1 | (number & {});
  id?: string;
  title: string;
  summary?: string;
  /**
   * What screen readers hear first about the whole incident. Default: written from the data
   * (the span, the events by status, the milestones).
   */
  description?: string;
  /** BCP 47 language of the document's text (titles, descriptions, claims). Default: the page's. */
  lang?: string;
  /** IANA zone; dates without an offset are read in it. */
  timeZone?: string;
  updated?: string;
  victim?: Victim;
  lanes?: Lane[];
  events: IncidentEvent[];
  places?: Place[];
  claims?: Claim[];
  sources?: Source[];
}

/** A problem found in the input, named by its path (`events[3].start`). */
export interface Issue {
  path: string;
  message: string;
  /** 1-based line in the source text, for syntax errors and rows of a CSV. */
  line?: number;
  /** 1-based column in the source text, for syntax errors. */
  column?: number;
}

/** A date resolved to the interval of time it covers: [start, end) in epoch ms. */
export interface ResolvedDate {
  /** The string as written. */
  text: string;
  start: number;
  end: number;
  /** Granularity of the string (or the coarser one the editor gave). */
  unit: Exclude<Precision, 'approximate'>;
  approximate: boolean;
  /** True when the string carried its own UTC offset. */
  hasOffset: boolean;
}

export interface ResolvedSource extends Source {
  /** The URL when it is http(s); otherwise undefined. */
  href?: string;
  /** The name it is cited by everywhere: publisher and title, else whichever is given, else its id. */
  label: string;
  /** `published`, resolved in UTC; undefined when absent. */
  publishedDate?: ResolvedDate;
}

export interface ResolvedEvent {
  id: string;
  /** Position in file order, used to break ties. */
  index: number;
  event: IncidentEvent;
  start: ResolvedDate;
  /** Present for ranges. */
  end?: ResolvedDate;
  /** Alternative dates from conflicts, where given and valid. */
  conflictDates: ResolvedDate[];
  lane: string;
  status: SourcingStatus;
  confidence?: Confidence;
  milestone: boolean;
  dateKind: DateKind;
  sources: ResolvedSource[];
}

/** A claim with its defaults filled in and its references looked up. */
export interface ResolvedClaim {
  id: string;
  claim: Claim;
  relation: ClaimRelation;
  /** `status`, or `reported` when the document gives none. */
  status: SourcingStatus;
  confidence?: Confidence;
  from: Place | null;
  to: Place;
  sources: ResolvedSource[];
  /** The event the claim was made in, when it names a known one. */
  event?: ResolvedEvent;
}

/** The incident resolved for drawing: sorted events with instants, lookups by id. */
export interface ResolvedIncident {
  incident: Incident;
  timeZone: string;
  lanes: Lane[];
  laneById: Map<string, Lane>;
  /** Sorted by the instant their start begins; ties in file order. */
  events: ResolvedEvent[];
  eventById: Map<string, ResolvedEvent>;
  sourceById: Map<string, ResolvedSource>;
  placeById: Map<string, Place>;
  /** In document order. */
  claims: ResolvedClaim[];
  claimById: Map<string, ResolvedClaim>;
  /** Claims from or to each place, in document order; places with none are absent. */
  claimsByPlace: Map<string, ResolvedClaim[]>;
  /** Claims made in each event; events with none are absent. */
  claimsByEvent: Map<string, ResolvedClaim[]>;
  /** Events naming each place, in time order; places with none are absent. */
  eventsByPlace: Map<string, ResolvedEvent[]>;
  /** Earliest start and latest end over all events, epoch ms. */
  extent: [number, number] | null;
}

export interface ParseResult {
  /** The cleaned document: invalid events and unsafe links left out. Null when nothing can be drawn. */
  incident: Incident | null;
  resolved: ResolvedIncident | null;
  errors: Issue[];
  warnings: Issue[];
}
