/**
 * What the STIX reader's phases and the writer share: the object guards, the `Item` an indexed
 * STIX object becomes, how an object is named in messages (`objects[12] (report--1234abcd…)`),
 * timestamps and fidelities, the object types and relationships the reader handles, and the key
 * orders of the documents it writes.
 */
import { clip, resolveDate, wallTime } from '../../dates.js';
import type { Precision } from '../../types.js';
import type { Issues } from '../issues.js';
import type { Converted } from '../types.js';
import { FIELDS } from '../../check.js';

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
export const describe = (v: unknown) =>
  typeof v === 'string' ? `"${clip(v)}"` : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : String(v);
/** Our own fields, on every object we write. */
export const X = 'x_attack_timeline';

/** The Incident Core extension that defines the `event` SDO. */
export const EVENT_EXTENSION = 'extension-definition--4ca6de00-5b0d-45ef-a1dc-ea7279ea910e';

export const FIDELITIES = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
export type Fidelity = (typeof FIDELITIES)[number];

/** `objects[12] (report--1234abcd…)`: the index and a short id. */
export function objectLabel(index: number, o: Obj): string {
  const id = typeof o.id === 'string' ? o.id : '';
  if (!id) return `objects[${index}]`;
  const m = /^([a-z0-9-]+)--([0-9a-f-]+)$/i.exec(id);
  const [, type, hex = ''] = m ?? [];
  const short = m ? `${type}--${hex.slice(0, 8)}${hex.length > 8 ? '…' : ''}` : clip(id, 24);
  return `objects[${index}] (${short})`;
}

/** A STIX object of the bundle, with its index, type, id, label and our own fields. */
export interface Item {
  index: number;
  o: Obj;
  type: string;
  id: string;
  at: string;
  x?: Obj;
}

export const TIMED_KINDS =
  'report (published), sighting (first_seen/last_seen), observed-data (first_observed/last_observed), campaign, intrusion-set or threat-actor (first_seen/last_seen), Incident Core event (start_time) or Attack Flow attack-action (execution_start)';

export const HANDLED = new Set([
  'report',
  'sighting',
  'campaign',
  'intrusion-set',
  'threat-actor',
  'observed-data',
  'event',
  'incident',
  'attack-action',
  'attack-flow',
  'location',
  'relationship',
  'identity',
  'opinion',
  'infrastructure',
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  // Definitions, not content: read silently.
  'extension-definition',
  'marking-definition',
]);
export const INFRA_TYPES = new Set(['infrastructure', 'ipv4-addr', 'ipv6-addr', 'domain-name']);
export const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor', 'campaign']);
export const CLAIM_RELATIONSHIPS = new Set(['located-at', 'originates-from', 'attributed-to', 'targets']);
export const UNATTRIBUTED = 'Unattributed source in the bundle';

export const nameOf = (o: Obj | undefined): string | undefined =>
  !o ? undefined : isText(o.name) ? o.name : isText(o.value) ? o.value : isText(o.abstract) ? o.abstract : undefined;

export const fail = (issues: Issues): Converted => ({ document: null, errors: issues.errors, warnings: issues.warnings, origins: [] });

/** A STIX timestamp: valid, with its instant; undefined when absent; null after an error. */
export function timestamp(item: Item, key: string, issues: Issues): { text: string; ms: number } | undefined | null {
  const v = item.o[key];
  if (v === undefined || v === null || v === '') return undefined;
  const r = resolveDate(v, 'UTC');
  if (!r.ok) {
    issues.error(`${item.at}.${key}`, `${r.reason}; left out`);
    return null;
  }
  if (!r.value.hasOffset) issues.warn(`${item.at}.${key}`, `"${clip(String(v))}" has no "Z": STIX timestamps are UTC, so it is read as UTC`);
  return { text: (v as string).trim(), ms: r.value.start };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant written as a partial ISO date at a fidelity, in the incident's zone. */
export function atFidelity(t: { text: string; ms: number }, fidelity: Fidelity | undefined, zone: string): { text: string; precision?: Precision } {
  if (!fidelity || fidelity === 'second') return { text: t.text };
  const w = wallTime(t.ms, zone);
  let s = pad(w.year, 4);
  if (fidelity === 'year') return { text: s };
  s += `-${pad(w.month)}`;
  if (fidelity === 'month') return { text: s };
  s += `-${pad(w.day)}`;
  if (fidelity === 'day') return { text: s };
  s += `T${pad(w.hour)}:${fidelity === 'hour' ? '00' : pad(w.minute)}`;
  return fidelity === 'hour' ? { text: s, precision: 'hour' } : { text: s };
}

/** The format's own field order, for events and places written from a bundle. */
export const EVENT_KEYS = FIELDS.event;
export const PLACE_KEYS = FIELDS.place;
export const DOCUMENT_KEYS = ['$schema', 'version', 'id', 'title', 'summary', 'timeZone', 'updated', 'victim', 'lanes', 'events', 'places', 'claims', 'sources'];

/** The object with its keys in the format's order (unknown keys last). */
export function ordered<T extends object>(o: T, keys: readonly string[]): T {
  const out: Obj = {};
  for (const k of keys) if (k in o && (o as Obj)[k] !== undefined) out[k] = (o as Obj)[k];
  for (const k of Object.keys(o)) if (!(k in out) && (o as Obj)[k] !== undefined) out[k] = (o as Obj)[k];
  return out as T;
}
