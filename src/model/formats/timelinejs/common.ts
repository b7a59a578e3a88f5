/**
 * What TimelineJS3 reading and writing share. Its JSON and its Google-Sheets template say the
 * same things in two shapes, so both become {@link Slide}s, each able to name its fields in the
 * source's own terms (`events[3].start_date.month` or `row 7, "Month"`); this module holds the
 * slide and date-part types, the sheet's columns and the small value guards.
 */
import { clip } from '../../dates.js';

export type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond';
export const PARTS: readonly Part[] = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'];

/** A date as TimelineJS3 holds it: parts as numbers or strings. */
export type DateParts = Partial<Record<Part | 'display_date', unknown>>;

export interface Slide {
  /** Where the slide is: `events[3]`, `title`, `eras[0]` or `row 7`. */
  origin: string;
  type: 'title' | 'era' | 'event';
  start?: DateParts;
  end?: DateParts;
  displayDate?: unknown;
  headline?: unknown;
  text?: unknown;
  media?: { url?: unknown; caption?: unknown; credit?: unknown };
  group?: unknown;
  uniqueId?: unknown;
  /** Names a field of the slide: a date part of `start`/`end`, or another field. */
  at(field: string, which?: 'start' | 'end'): string;
}

export type Obj = Record<string, unknown>;
export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
export const describe = (v: unknown) => (typeof v === 'string' ? `"${clip(v)}"` : (JSON.stringify(v) ?? String(v)));

/** The TimelineJS3 sheet's columns, as their headers are matched (lower case, no spaces). */
export const SHEET_COLUMNS = [
  'Year',
  'Month',
  'Day',
  'Time',
  'End Year',
  'End Month',
  'End Day',
  'End Time',
  'Display Date',
  'Headline',
  'Text',
  'Media',
  'Media Credit',
  'Media Caption',
  'Media Thumbnail',
  'Type',
  'Group',
  'Background',
] as const;
export const headerKey = (h: string) => h.replace(/[\s_]+/g, '').toLowerCase();
