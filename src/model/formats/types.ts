import type { Incident, Issue } from '../types.js';

/** The formats `importIncident` reads. `auto` detects one from the content. */
export type ImportFormat = 'auto' | 'incident' | 'timelinejs' | 'csv' | 'stix';

/** The formats `exportIncident` writes. */
export type ExportFormat = 'incident' | 'csv' | 'timelinejs' | 'stix';

export interface ImportOptions {
  /** Default `auto`. */
  format?: ImportFormat;
  /** IANA zone for formats that carry none (TimelineJS3, CSV without a time zone). Default UTC, with a warning. */
  timeZone?: string;
}

/**
 * What one format reader gives: an incident document (our JSON) and the issues it found, named
 * in the source's own terms (`events[3].start_date.month`, `row 7, "Year"`,
 * `objects[12] (report--…).published`). `origins[i]` names where `document.events[i]` came
 * from, so a later check of the converted document can name the place in the source too.
 */
export interface Converted {
  document: Incident | null;
  errors: Issue[];
  warnings: Issue[];
  origins: string[];
  /** The source's own name for a field of ours, where it has one (`start` → `Start date`). */
  labels?: Record<string, string>;
  /** Where `document.places[i]` and `document.claims[i]` came from, where the source has such things. */
  placeOrigins?: string[];
  claimOrigins?: string[];
}
