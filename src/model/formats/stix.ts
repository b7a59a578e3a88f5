import { confidenceValue } from '../confidence.js';
import { clip, isValidTimeZone, resolveDate, wallTime } from '../dates.js';
import { parseIncident, STATUSES } from '../parse.js';
import type { Claim, ClaimRelation, Confidence, Incident, IncidentEvent, Lane, Place, PlaceRole, Precision, Source, SourcingStatus } from '../types.js';
import { safeHttpUrl } from '../urls.js';
import { Issues, slug, uniqueIds } from './issues.js';
import type { Converted } from './types.js';

/**
 * STIX 2.1 bundles, in and out (Attack Flow and the OASIS Incident Core extension included).
 *
 * Reading: everything that carries a time becomes an event (report.published, sighting,
 * observed-data, campaign / intrusion-set / threat-actor periods, Incident Core `event`s,
 * Attack Flow `attack-action`s); `location`s become places; `located-at` / `originates-from` /
 * `attributed-to` with `targets` become claims. Issues name the object:
 * `objects[12] (report--1234abcd…).published`.
 *
 * Writing: standard STIX objects that other tools understand, each also carrying our own
 * fields in `x_attack_timeline`, so a bundle we write reads back unchanged.
 */

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const describe = (v: unknown) => (typeof v === 'string' ? `"${clip(v)}"` : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : String(v));
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;
const X = 'x_attack_timeline';

/** The Incident Core extension that defines the `event` SDO. */
export const EVENT_EXTENSION = 'extension-definition--4ca6de00-5b0d-45ef-a1dc-ea7279ea910e';

const FIDELITIES = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
type Fidelity = (typeof FIDELITIES)[number];

// ---------------------------------------------------------------------------------------------
// Countries and regions

interface Country {
  code: string;
  name: string;
  lat: number;
  lon: number;
  /** Rough radius of the country, metres: drawn as a wide area, never a border. */
  radius: number;
  aliases?: string[];
}

const COUNTRIES: Country[] = [
  { code: 'CN', name: 'China', lat: 35.0, lon: 103.0, radius: 1_500_000, aliases: ["people's republic of china", 'prc', 'mainland china'] },
  { code: 'HK', name: 'Hong Kong', lat: 22.35, lon: 114.15, radius: 30_000, aliases: ['hong kong sar', 'hong kong sar, china', 'hongkong'] },
  { code: 'IN', name: 'India', lat: 22.0, lon: 79.0, radius: 1_200_000, aliases: ['republic of india', 'bharat'] },
  { code: 'RU', name: 'Russia', lat: 61.5, lon: 105.0, radius: 2_500_000, aliases: ['russian federation'] },
  { code: 'KP', name: 'North Korea', lat: 40.3, lon: 127.5, radius: 250_000, aliases: ['dprk', "democratic people's republic of korea"] },
  { code: 'KR', name: 'South Korea', lat: 36.5, lon: 127.9, radius: 250_000, aliases: ['republic of korea', 'korea'] },
  { code: 'IR', name: 'Iran', lat: 32.4, lon: 53.7, radius: 900_000, aliases: ['islamic republic of iran'] },
  { code: 'US', name: 'United States', lat: 39.8, lon: -98.6, radius: 2_000_000, aliases: ['usa', 'us', 'u.s.', 'u.s.a.', 'united states of america', 'america'] },
  { code: 'GB', name: 'United Kingdom', lat: 54.0, lon: -2.5, radius: 400_000, aliases: ['uk', 'u.k.', 'great britain', 'britain', 'england'] },
  { code: 'PK', name: 'Pakistan', lat: 30.4, lon: 69.3, radius: 700_000 },
  { code: 'IL', name: 'Israel', lat: 31.4, lon: 35.0, radius: 150_000 },
  { code: 'UA', name: 'Ukraine', lat: 49.0, lon: 31.5, radius: 600_000 },
  { code: 'BY', name: 'Belarus', lat: 53.7, lon: 28.0, radius: 350_000 },
  { code: 'TW', name: 'Taiwan', lat: 23.7, lon: 121.0, radius: 200_000 },
  { code: 'VN', name: 'Vietnam', lat: 16.0, lon: 107.8, radius: 600_000, aliases: ['viet nam'] },
  { code: 'JP', name: 'Japan', lat: 36.2, lon: 138.3, radius: 700_000 },
  { code: 'SG', name: 'Singapore', lat: 1.35, lon: 103.82, radius: 20_000 },
  { code: 'BD', name: 'Bangladesh', lat: 23.7, lon: 90.4, radius: 250_000 },
  { code: 'LK', name: 'Sri Lanka', lat: 7.9, lon: 80.7, radius: 200_000 },
  { code: 'NP', name: 'Nepal', lat: 28.4, lon: 84.1, radius: 300_000 },
  { code: 'AF', name: 'Afghanistan', lat: 33.9, lon: 67.7, radius: 600_000 },
  { code: 'TR', name: 'Turkey', lat: 39.0, lon: 35.2, radius: 700_000, aliases: ['türkiye', 'turkiye'] },
  { code: 'SA', name: 'Saudi Arabia', lat: 23.9, lon: 45.1, radius: 900_000 },
  { code: 'AE', name: 'United Arab Emirates', lat: 23.4, lon: 53.8, radius: 250_000, aliases: ['uae'] },
  { code: 'DE', name: 'Germany', lat: 51.2, lon: 10.4, radius: 400_000 },
  { code: 'FR', name: 'France', lat: 46.6, lon: 2.4, radius: 500_000 },
  { code: 'NL', name: 'Netherlands', lat: 52.2, lon: 5.3, radius: 150_000, aliases: ['the netherlands', 'holland'] },
  { code: 'CA', name: 'Canada', lat: 56.1, lon: -106.3, radius: 2_000_000 },
  { code: 'AU', name: 'Australia', lat: -25.3, lon: 133.8, radius: 1_800_000 },
  { code: 'BR', name: 'Brazil', lat: -14.2, lon: -51.9, radius: 1_800_000 },
];
const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
const COUNTRY_BY_NAME = new Map<string, Country>();
for (const c of COUNTRIES) for (const n of [c.name, ...(c.aliases ?? [])]) COUNTRY_BY_NAME.set(n.toLowerCase(), c);

/** Rough centres of STIX `region-ov` regions, for a location that names only its region. */
const REGIONS: Record<string, [number, number]> = {
  'southern-asia': [22, 77],
  'eastern-asia': [35, 115],
  'south-eastern-asia': [5, 110],
  'central-asia': [45, 65],
  'western-asia': [30, 45],
  'eastern-europe': [52, 30],
  'western-europe': [48, 5],
  'northern-europe': [60, 15],
  'southern-europe': [42, 14],
  'northern-america': [45, -100],
  'northern-africa': [25, 15],
  'middle-east': [29, 45],
};
const REGION_RADIUS = 2_000_000;

/** Reads a STIX `country`: an ISO alpha-2 code in any case, or a common English name. */
function readCountry(value: string): { code?: string; country?: Country } {
  const t = value.trim();
  // "UK" is the common mistake for GB, and reads as a name before it reads as a code.
  const named = COUNTRY_BY_NAME.get(t.toLowerCase().replace(/\s+/g, ' '));
  if (named) return { code: named.code, country: named };
  if (/^[a-z]{2}$/i.test(t)) {
    const code = t.toUpperCase();
    return { code, country: COUNTRY_BY_CODE.get(code) };
  }
  const c = COUNTRY_BY_NAME.get(t.toLowerCase().replace(/\s+/g, ' '));
  return c ? { code: c.code, country: c } : {};
}

// ---------------------------------------------------------------------------------------------
// ATT&CK tactics, for attack-action lanes

const TACTICS: Record<string, string> = {
  TA0043: 'Reconnaissance',
  TA0042: 'Resource Development',
  TA0001: 'Initial Access',
  TA0002: 'Execution',
  TA0003: 'Persistence',
  TA0004: 'Privilege Escalation',
  TA0005: 'Defense Evasion',
  TA0006: 'Credential Access',
  TA0007: 'Discovery',
  TA0008: 'Lateral Movement',
  TA0009: 'Collection',
  TA0011: 'Command and Control',
  TA0010: 'Exfiltration',
  TA0040: 'Impact',
};

// ---------------------------------------------------------------------------------------------
// Reading

/** `objects[12] (report--1234abcd…)`: the index and a short id. */
function objectLabel(index: number, o: Obj): string {
  const id = typeof o.id === 'string' ? o.id : '';
  if (!id) return `objects[${index}]`;
  const m = /^([a-z0-9-]+)--([0-9a-f-]+)$/i.exec(id);
  const [, type, hex = ''] = m ?? [];
  const short = m ? `${type}--${hex.slice(0, 8)}${hex.length > 8 ? '…' : ''}` : clip(id, 24);
  return `objects[${index}] (${short})`;
}

interface Item {
  index: number;
  o: Obj;
  type: string;
  id: string;
  at: string;
  x?: Obj;
}

const TIMED_KINDS =
  'report (published), sighting (first_seen/last_seen), observed-data (first_observed/last_observed), campaign, intrusion-set or threat-actor (first_seen/last_seen), Incident Core event (start_time) or Attack Flow attack-action (execution_start)';

const HANDLED = new Set([
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
const INFRA_TYPES = new Set(['infrastructure', 'ipv4-addr', 'ipv6-addr', 'domain-name']);
const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor', 'campaign']);
const CLAIM_RELATIONSHIPS = new Set(['located-at', 'originates-from', 'attributed-to', 'targets']);
const UNATTRIBUTED = 'Unattributed source in the bundle';

const nameOf = (o: Obj | undefined): string | undefined => (!o ? undefined : isText(o.name) ? o.name : isText(o.value) ? o.value : isText(o.abstract) ? o.abstract : undefined);

const fail = (issues: Issues): Converted => ({ document: null, errors: issues.errors, warnings: issues.warnings, origins: [] });

/** A STIX timestamp: valid, with its instant; undefined when absent; null after an error. */
function timestamp(item: Item, key: string, issues: Issues): { text: string; ms: number } | undefined | null {
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
function atFidelity(t: { text: string; ms: number }, fidelity: Fidelity | undefined, zone: string): { text: string; precision?: Precision } {
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

const EVENT_KEYS = [
  'id',
  'title',
  'description',
  'start',
  'end',
  'precision',
  'displayDate',
  'dateKind',
  'lane',
  'kind',
  'milestone',
  'status',
  'confidence',
  'sources',
  'conflicts',
  'places',
  'techniques',
];

/** The object with its keys in the format's order (unknown keys last). */
function ordered<T extends object>(o: T, keys: string[]): T {
  const out: Obj = {};
  for (const k of keys) if (k in o && (o as Obj)[k] !== undefined) out[k] = (o as Obj)[k];
  for (const k of Object.keys(o)) if (!(k in out) && (o as Obj)[k] !== undefined) out[k] = (o as Obj)[k];
  return out as T;
}

const PLACE_KEYS = ['id', 'name', 'role', 'lat', 'lon', 'precisionMeters', 'country', 'shape'];
const STATUS_FROM_EVENT: Record<string, SourcingStatus> = { 'not-occurred': 'denied', undetermined: 'disputed' };

/** Reads a STIX 2.1 bundle into an incident document. Never throws. */
export function fromStix(value: unknown, options: { timeZone?: string }): Converted {
  const issues = new Issues();
  try {
    return readBundle(value, options, issues);
  } catch (err) {
    issues.error('', `the STIX bundle could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return fail(issues);
  }
}

function readBundle(value: unknown, options: { timeZone?: string }, issues: Issues): Converted {
  if (!isObject(value)) {
    issues.error('', `a STIX 2.1 bundle must be a JSON object with "type": "bundle", not ${describe(value)}`);
    return fail(issues);
  }
  if (value.type !== 'bundle') {
    if (value.objects === undefined) {
      issues.error(
        'type',
        `${value.type === undefined ? 'is missing' : `${describe(value.type)} is not "bundle"`}: this is not a STIX 2.1 bundle (it needs "type": "bundle" and an objects array)`,
      );
      return fail(issues);
    }
    issues.warn('type', `${value.type === undefined ? 'is missing' : `${describe(value.type)} is not "bundle"`}; read as a bundle because it has objects`);
  }
  let raw: unknown[];
  if (Array.isArray(value.objects)) raw = value.objects;
  else if (isObject(value.objects)) {
    raw = Object.values(value.objects);
    issues.warn('objects', 'must be an array; its values were read as the objects');
  } else {
    issues.error('objects', value.objects === undefined ? 'is missing: the bundle has no objects' : `must be an array of STIX objects, not ${describe(value.objects)}`);
    return fail(issues);
  }

  // Index the objects.
  const items: Item[] = [];
  const byId = new Map<string, Item>();
  const other = new Map<string, number>();
  let noSpec = 0;
  let oldSpec = 0;
  raw.forEach((o, index) => {
    if (!isObject(o)) return issues.warn(`objects[${index}]`, `must be a STIX object, not ${describe(o)}; ignored`);
    const at = objectLabel(index, o);
    if (!isText(o.type) || !isText(o.id)) {
      const missing = [!isText(o.type) && 'type', !isText(o.id) && 'id'].filter(Boolean).join(' and ');
      return issues.warn(at, `has no ${missing}; ignored`);
    }
    if (o.spec_version === undefined) noSpec++;
    else if (o.spec_version !== '2.1') oldSpec++;
    const item: Item = { index, o, type: o.type, id: o.id, at, x: isObject(o[X]) ? o[X] : undefined };
    if (byId.has(item.id)) issues.warn(at, `repeats the id of an earlier object; the later one is used for references`);
    items.push(item);
    byId.set(item.id, item);
    let kind: string | undefined;
    if (!HANDLED.has(item.type)) kind = item.type;
    else if (item.type === 'relationship' && !CLAIM_RELATIONSHIPS.has(String(o.relationship_type))) kind = `relationship (${String(o.relationship_type)})`;
    if (kind) other.set(kind, (other.get(kind) ?? 0) + 1);
  });
  if (value.spec_version !== undefined && value.spec_version !== '2.1') oldSpec++;
  if (oldSpec) issues.warn('spec_version', `the bundle is not marked STIX 2.1 (${oldSpec} ${oldSpec === 1 ? 'place says' : 'places say'} another version); read as 2.1`);
  else if (noSpec) issues.warn('spec_version', `${noSpec} ${noSpec === 1 ? 'object has' : 'objects have'} no spec_version; read as STIX 2.1`);

  const incidentItem = items.find((i) => i.type === 'incident');
  const meta = incidentItem?.x;

  // Time zone: the one a bundle we wrote carries, else the caller's, else UTC.
  let zone = 'UTC';
  // A bundle we wrote names the incident's zone: day-fidelity times are read in it, whatever
  // zone the caller gives, or every date would move a day west of it.
  if (isValidTimeZone(meta?.timeZone)) zone = meta.timeZone;
  else if (options.timeZone !== undefined && isValidTimeZone(options.timeZone)) zone = options.timeZone;
  else if (options.timeZone !== undefined) issues.warn('timeZone', `${describe(options.timeZone)} is not an IANA time zone like "Asia/Kolkata"; UTC is used`);
  else
    issues.warn(
      'timeZone',
      'STIX times are UTC and name no local zone; dates are shown in UTC (set the incident\'s zone: time-zone="Asia/Kolkata" on the element, --time-zone on the command line)',
    );
  const sameZone = !isText(meta?.timeZone) || meta.timeZone === zone;

  // Identities and opinions.
  const identityName = (ref: unknown): string | undefined => (typeof ref === 'string' ? nameOf(byId.get(ref)?.o) : undefined);
  const disputed = new Set<string>();
  for (const it of items) {
    if (it.type !== 'opinion' || !Array.isArray(it.o.object_refs)) continue;
    if (it.o.opinion === 'strongly-disagree' || it.o.opinion === 'disagree') for (const r of it.o.object_refs) if (typeof r === 'string') disputed.add(r);
  }

  // Sources: ours first (ids kept), then external references by URL.
  const sources: Source[] = [];
  const sourceIds = new Set<string>();
  const sourceByUrl = new Map<string, string>();
  const sourceId = uniqueIds();
  const addSource = (s: Source) => {
    s.id = sourceId(s.id);
    sources.push(s);
    sourceIds.add(s.id);
    const safe = safeHttpUrl(s.url);
    if (safe && !sourceByUrl.has(safe)) sourceByUrl.set(safe, s.id);
    return s.id;
  };
  if (Array.isArray(meta?.sources)) {
    for (const s of meta.sources) {
      if (!isObject(s) || !isText(s.id)) continue;
      const src: Source = { id: s.id };
      for (const k of ['title', 'publisher', 'url', 'published'] as const) if (typeof s[k] === 'string') src[k] = s[k];
      addSource(src);
    }
  }
  const citeRefs = (it: Item, published?: string): string[] => {
    const out: string[] = [];
    if (!Array.isArray(it.o.external_references)) return out;
    for (const ref of it.o.external_references) {
      if (!isObject(ref)) continue;
      const safe = safeHttpUrl(ref.url);
      if (!safe) continue;
      let id = sourceByUrl.get(safe);
      if (!id) {
        const s: Source = { id: `source-${sources.length + 1}`, url: ref.url as string };
        const title = isText(ref.description) ? ref.description : isText(ref.source_name) ? ref.source_name : new URL(safe).hostname.replace(/^www\./, '');
        s.title = title;
        if (isText(ref.source_name)) s.publisher = ref.source_name;
        if (published) s.published = published;
        id = addSource(s);
      }
      if (!out.includes(id)) out.push(id);
    }
    return out;
  };
  // A report cites the objects it refers to; ours name the source they stand for.
  const citedBy = new Map<string, string[]>();
  for (const it of items) {
    if (it.type !== 'report' || !Array.isArray(it.o.object_refs)) continue;
    const ours = isText(it.x?.source) && sourceIds.has(it.x.source) ? [it.x.source] : undefined;
    const ids = ours ?? citeRefs(it, isText(it.o.published) ? it.o.published : undefined);
    for (const r of it.o.object_refs) if (typeof r === 'string') citedBy.set(r, [...new Set([...(citedBy.get(r) ?? []), ...ids])]);
  }
  const cite = (it: Item, published?: string) => [...new Set([...citeRefs(it, published), ...(citedBy.get(it.id) ?? [])])];

  // Places.
  const places: Place[] = [];
  const placeOrigins: string[] = [];
  const placeByStix = new Map<string, Place>();
  const placeRoles = new Map<Place, Set<PlaceRole>>();
  const fixedRole = new Set<Place>();
  const placeId = uniqueIds();
  for (const it of items) {
    if (it.type !== 'location') continue;
    const o = it.o;
    const x = it.x;
    let code: string | undefined;
    let country: Country | undefined;
    let countryText: string | undefined;
    if (isText(o.country)) {
      const c = readCountry(o.country);
      code = c.code;
      country = c.country;
      if (!code) {
        countryText = o.country.trim();
        if (!x) issues.warn(`${it.at}.country`, `"${clip(o.country)}" is not an ISO 3166-1 alpha-2 code nor a country name this reader knows; kept as written, with no position`);
      }
    } else if (o.country !== undefined) issues.warn(`${it.at}.country`, `must be text, not ${describe(o.country)}; ignored`);
    const region = isText(o.region) ? o.region.trim().toLowerCase() : undefined;
    const name =
      nameOf(o) ||
      [o.city, o.administrative_area].filter(isText).join(', ') ||
      country?.name ||
      countryText ||
      code ||
      (region ? region.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) : undefined) ||
      'Unnamed location';
    const place: Place = { id: '', name };
    const lat = o.latitude;
    const lon = o.longitude;
    const hasPoint = typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    if ((lat !== undefined || lon !== undefined) && !hasPoint) issues.warn(it.at, 'latitude and longitude must both be numbers in range; the position is ignored');
    if (hasPoint) {
      place.lat = lat;
      place.lon = lon;
      if (typeof o.precision === 'number' && Number.isFinite(o.precision) && o.precision >= 0) place.precisionMeters = o.precision;
      else if (o.precision !== undefined) issues.warn(`${it.at}.precision`, `${describe(o.precision)} is not a distance in metres; ignored`);
    } else if (country) {
      place.lat = country.lat;
      place.lon = country.lon;
      place.precisionMeters = country.radius;
    } else if (region && REGIONS[region] && !code && !countryText) {
      [place.lat, place.lon] = REGIONS[region];
      place.precisionMeters = REGION_RADIUS;
    } else if (code && !x) {
      issues.warn(
        `${it.at}.country`,
        `"${code}" has no position this reader knows (it has rough centres for about 30 countries often in the news); add latitude, longitude and precision to draw it. It is listed, not drawn on the map`,
      );
    }
    if (code) place.country = code;
    else if (countryText) place.country = countryText;
    // A bundle we wrote keeps the place as it was.
    if (x && isText(x.name)) {
      for (const k of ['lat', 'lon', 'precisionMeters', 'country'] as const) delete place[k];
      place.name = x.name;
      for (const k of ['lat', 'lon', 'precisionMeters'] as const) if (typeof x[k] === 'number') place[k] = x[k];
      if (isText(x.country)) place.country = x.country;
      if (isObject(x.shape)) place.shape = x.shape as unknown as Place['shape'];
      if (isText(x.role)) place.role = x.role as PlaceRole;
      fixedRole.add(place);
    }
    place.id = placeId(isText(x?.id) ? x.id : slug(place.name, 'place'));
    places.push(place);
    placeOrigins.push(it.at);
    placeByStix.set(it.id, place);
    placeRoles.set(place, new Set());
  }

  // Relationships: roles, targets, claims.
  const rels = items.filter((i) => i.type === 'relationship');
  const relOf = (r: Item) => ({ type: String(r.o.relationship_type), source: String(r.o.source_ref), target: String(r.o.target_ref) });
  const typeOf = (ref: string) => byId.get(ref)?.type ?? ref.split('--')[0] ?? '';
  const locatedAt = (ref: string): Place | undefined => {
    for (const r of rels) {
      const { type, source, target } = relOf(r);
      if (source === ref && (type === 'located-at' || type === 'originates-from') && placeByStix.has(target)) return placeByStix.get(target);
    }
    return undefined;
  };
  const role = (p: Place | undefined, r: PlaceRole) => p && placeRoles.get(p)?.add(r);

  let victim: Incident['victim'];
  let victimRef: string | undefined;
  for (const r of rels) {
    const { type, source, target } = relOf(r);
    const place = placeByStix.get(target);
    if (type === 'targets' && place) role(place, 'target');
    if (type === 'targets' && typeOf(target) === 'identity') {
      const v = byId.get(target);
      const where = locatedAt(target);
      role(where, 'target');
      if (!victim && nameOf(v?.o)) {
        victim = where ? { name: nameOf(v?.o)!, place: where.id } : { name: nameOf(v?.o)! };
        victimRef = target;
      }
    }
    if ((type === 'located-at' || type === 'originates-from') && place) {
      if (ACTOR_TYPES.has(typeOf(source))) role(place, 'origin');
      else if (INFRA_TYPES.has(typeOf(source))) role(place, 'infrastructure');
    }
  }
  if (isObject(meta?.victim) && isText(meta.victim.name)) {
    victim = { name: meta.victim.name };
    if (isText(meta.victim.place)) victim.place = meta.victim.place;
  }

  // A report or grouping ties together the objects it refers to.
  const groups = items.filter((i) => (i.type === 'report' || i.type === 'grouping') && Array.isArray(i.o.object_refs));
  const groupRefs = new Map(groups.map((g) => [g.id, (g.o.object_refs as unknown[]).map(String)]));

  /**
   * Targeted places of an object (and of the relationship that places it), through the
   * actors, campaigns, incident and reports the bundle ties it to; never a guess.
   */
  const targetsOf = (ref: string, via?: string): Place[] => {
    const seen = new Set<string>(via ? [ref, via] : [ref]);
    let frontier = via ? [ref, via] : [ref];
    for (let depth = 0; depth < 3 && frontier.length; depth++) {
      const found: Place[] = [];
      for (const s of frontier) {
        for (const r of rels) {
          const { type, source, target } = relOf(r);
          if (type !== 'targets' || source !== s) continue;
          const p = placeByStix.get(target) ?? (typeOf(target) === 'identity' ? locatedAt(target) : undefined);
          if (p && !found.includes(p)) found.push(p);
        }
      }
      if (found.length) return found;
      // Tied to the incident itself, or to the victim: the victim's place is the target.
      const victimPlace = victim?.place ? places.find((p) => p.id === victim.place) : undefined;
      if (victimPlace && frontier.some((s) => typeOf(s) === 'incident' || s === victimRef)) return [victimPlace];
      const next: string[] = [];
      for (const s of frontier) {
        for (const r of rels) {
          const { type, source, target } = relOf(r);
          if (!['uses', 'attributed-to', 'related-to', 'compromises'].includes(type)) continue;
          const other = source === s ? target : target === s ? source : undefined;
          if (other && !seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
        for (const [g, refs] of groupRefs) {
          const tied = g === s ? refs : refs.includes(s) ? [g] : [];
          for (const other of tied) {
            if (!seen.has(other)) {
              seen.add(other);
              next.push(other);
            }
          }
        }
      }
      frontier = next;
    }
    // Never a target the bundle does not tie to this object: no "only target there is" guess.
    return [];
  };

  const claims: Claim[] = [];
  const claimOrigins: string[] = [];
  const claimId = uniqueIds();
  const placeIds = new Set(places.map((p) => p.id));
  let unattributed = 0;
  let untargeted = 0;
  const attributions: string[] = [];
  const confidenceOf = (r: Item): Confidence | undefined => {
    const c = r.o.confidence;
    if (c === undefined || c === null) return undefined;
    if (typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 100) return c;
    issues.warn(`${r.at}.confidence`, `${describe(c)} is not a STIX confidence (a whole number 0 to 100); ignored`);
    return undefined;
  };
  const assertedByOf = (r: Item): string => {
    const n = identityName(r.o.created_by_ref);
    if (n) return n;
    unattributed++;
    return UNATTRIBUTED;
  };
  for (const r of rels) {
    const { type, source, target } = relOf(r);
    if (!CLAIM_RELATIONSHIPS.has(type)) continue;
    const x = r.x;
    // A bundle we wrote: the claim as it was.
    if (isObject(x?.claim)) {
      const k = x.claim;
      const from = k.from === null || k.from === undefined ? null : k.from;
      if (isText(k.id) && isText(k.to) && placeIds.has(k.to) && (from === null || (typeof from === 'string' && placeIds.has(from)))) {
        const claim = { ...(k as unknown as Claim), id: claimId(k.id), from: from };
        claims.push(claim);
        claimOrigins.push(r.at);
        continue;
      }
    }
    if (isText(x?.claimPart)) continue;
    if (type === 'targets') continue;
    const subject = byId.get(source);
    const subjectName = nameOf(subject?.o) ?? typeOf(source);
    let relation: ClaimRelation | undefined;
    let from: Place | undefined;
    let assertion: string | undefined;
    if (type === 'located-at' || type === 'originates-from') {
      from = placeByStix.get(target);
      if (!from) continue;
      if (INFRA_TYPES.has(typeOf(source)) && type === 'located-at') {
        relation = 'infrastructure-located-in';
        assertion = `${subjectName} is located in ${from.name}`;
      } else if (ACTOR_TYPES.has(typeOf(source))) {
        relation = 'actor-originates-from';
        assertion = `${subjectName} ${type === 'located-at' ? 'is located in' : 'originates from'} ${from.name}`;
      } else continue;
    } else if (type === 'attributed-to') {
      // An analyst's attribution is not the actor's own claim of responsibility, and it places
      // no one: it is listed in words, and it links the campaign to the actor's own placement.
      const actorName = nameOf(byId.get(target)?.o) ?? typeOf(target);
      const conf = confidenceOf(r);
      const by = identityName(r.o.created_by_ref);
      attributions.push(`${subjectName} is attributed to ${actorName}${conf !== undefined ? ` (confidence ${conf})` : ''}${by ? `, per ${by}` : ''}.`);
      continue;
    }
    if (!relation || !from) continue;
    const to = targetsOf(source, r.id)[0];
    if (!to) {
      untargeted++;
      continue;
    }
    const claim: Claim = {
      id: claimId(`claim-${slug(`${subjectName}-${from.name}`, 'claim')}`),
      from: from.id,
      to: to.id,
      relation,
      assertion: isText(r.o.description) ? r.o.description : assertion!,
      assertedBy: assertedByOf(r),
      status: disputed.has(r.id) || disputed.has(source) ? 'disputed' : 'reported',
    };
    const confidence = confidenceOf(r);
    if (confidence !== undefined) claim.confidence = confidence;
    const cited = cite(r);
    if (cited.length) claim.sources = cited;
    claims.push(claim);
    claimOrigins.push(r.at);
  }
  if (unattributed)
    issues.warn(
      'objects',
      `${unattributed} ${unattributed === 1 ? 'relationship has' : 'relationships have'} no created_by_ref naming an identity; ${unattributed === 1 ? 'its claim is' : 'their claims are'} asserted by "${UNATTRIBUTED}"`,
    );
  if (untargeted)
    issues.warn(
      'objects',
      `${untargeted} ${untargeted === 1 ? 'relationship places' : 'relationships place'} an actor or infrastructure, but no targeted place was found (no "targets" relationship to a location, and no victim identity located-at one), so no claim was made for ${untargeted === 1 ? 'it' : 'them'}`,
    );
  for (const p of places) {
    if (fixedRole.has(p)) continue;
    const roles = placeRoles.get(p)!;
    const r = (['target', 'origin', 'infrastructure'] as const).find((x) => roles.has(x));
    if (r) p.role = r;
  }

  // Events.
  const events: IncidentEvent[] = [];
  const origins: string[] = [];
  const eventId = uniqueIds();
  const lanes: Lane[] = [];
  const laneIds = new Set<string>();
  const lane = (id: string, label: string) => {
    if (!laneIds.has(id)) {
      laneIds.add(id);
      lanes.push({ id, label });
    }
    return id;
  };
  if (Array.isArray(meta?.lanes)) for (const l of meta.lanes) if (isObject(l) && isText(l.id)) lane(l.id, isText(l.label) ? l.label : l.id);
  let timed = 0;
  let untimedActions = 0;
  const push = (it: Item, e: IncidentEvent) => {
    const x = it.x;
    // A bundle we wrote: our fields as they were (dates too, when read in the same zone).
    if (x && isText(x.id) && isText(x.title)) {
      const { start, end, precision } = e;
      Object.assign(e, x);
      if (x.status === undefined) delete e.status;
      if (!sameZone || !isText(x.start)) {
        e.start = start;
        if (end) e.end = end;
        else delete e.end;
        if (precision) e.precision = precision;
        else delete e.precision;
      }
    }
    e.id = eventId(e.id);
    if (disputed.has(it.id) && e.status !== 'denied' && (!x || x.status === undefined)) e.status = 'disputed';
    events.push(ordered(e, EVENT_KEYS));
    origins.push(it.at);
  };
  const base = (it: Item, title: string, start: string, extra: Partial<IncidentEvent> = {}): IncidentEvent => {
    // STIX says nothing of who confirms what: "reported" unless an opinion or status says otherwise.
    const e: IncidentEvent = { id: slug(title, 'event'), title, start, status: 'reported', ...extra };
    if (isText(it.o.description) && e.description === undefined) e.description = it.o.description;
    const conf = it.o.confidence;
    if (typeof conf === 'number' && Number.isFinite(conf) && conf >= 0 && conf <= 100) e.confidence = conf;
    const cited = cite(it, extra.dateKind === 'reported' ? start : undefined);
    if (cited.length) e.sources = cited;
    return e;
  };
  const range = (it: Item, startKey: string, endKey: string) => {
    const a = timestamp(it, startKey, issues);
    const b = timestamp(it, endKey, issues);
    if (a === null || b === null) return null;
    if (!a && !b) return undefined;
    if (a && b && b.ms < a.ms) {
      issues.warn(`${it.at}.${endKey}`, `is before ${startKey}; drawn as a single moment`);
      return { start: a.text };
    }
    if (a && b && b.ms > a.ms) return { start: a.text, end: b.text };
    return { start: (a ?? b)!.text, only: a ? 'start' : 'end' };
  };

  let title: string | undefined = incidentItem ? nameOf(incidentItem.o) : undefined;
  let summary: string | undefined = incidentItem && isText(incidentItem.o.description) ? incidentItem.o.description : undefined;
  const ACTIVITY: Record<'campaign' | 'intrusion-set' | 'threat-actor', [string, string]> = {
    campaign: ['campaigns', 'Campaigns'],
    'intrusion-set': ['actors', 'Actors'],
    'threat-actor': ['actors', 'Actors'],
  };

  for (const it of items) {
    const o = it.o;
    const name = nameOf(o);
    switch (it.type) {
      case 'report': {
        if (isText(it.x?.source)) break; // one of our sources, not an event
        const t = timestamp(it, 'published', issues);
        if (t === null) {
          timed++;
          break;
        }
        if (!t) {
          issues.warn(`${it.at}.published`, 'is missing; the report is not on the timeline');
          break;
        }
        timed++;
        push(it, base(it, name ?? 'Report published', t.text, { dateKind: 'reported', lane: lane('reports', 'Reports') }));
        break;
      }
      case 'sighting':
      case 'observed-data': {
        const [a, b] = it.type === 'sighting' ? ['first_seen', 'last_seen'] : ['first_observed', 'last_observed'];
        const r = range(it, a, b);
        if (r === undefined) break;
        timed++;
        if (r === null) break;
        const of = it.type === 'sighting' ? nameOf(byId.get(String(o.sighting_of_ref))?.o) : undefined;
        const t =
          name ??
          (it.type === 'sighting' ? (of ? `Sighting of ${of}` : 'Sighting') : `Observed data${typeof o.number_observed === 'number' ? ` (${o.number_observed} observed)` : ''}`);
        const where = Array.isArray(o.where_sighted_refs)
          ? o.where_sighted_refs.map((ref) => placeByStix.get(String(ref)) ?? (typeof ref === 'string' ? locatedAt(ref) : undefined)).filter((p): p is Place => !!p)
          : [];
        const e = base(it, t, r.start, { lane: lane('observations', 'Observations') });
        if (r.end) e.end = r.end;
        if (where.length) e.places = [...new Set(where.map((p) => p.id))];
        push(it, e);
        break;
      }
      case 'campaign':
      case 'intrusion-set':
      case 'threat-actor': {
        const r = range(it, 'first_seen', 'last_seen');
        if (r === undefined) break;
        timed++;
        if (r === null) break;
        const label = name ?? it.type;
        const t = 'only' in r && r.only === 'start' ? `${label} first seen` : 'only' in r && r.only === 'end' ? `${label} last seen` : label;
        const [id, laneLabel] = ACTIVITY[it.type];
        const e = base(it, t, r.start, { lane: lane(id, laneLabel) });
        if (r.end) {
          e.end = r.end;
          e.kind = 'period';
        }
        push(it, e);
        break;
      }
      case 'event': {
        const a = timestamp(it, 'start_time', issues);
        const b = timestamp(it, 'end_time', issues);
        if (a === undefined && b === undefined) {
          issues.warn(`${it.at}.start_time`, 'is missing; the event is not on the timeline');
          break;
        }
        timed++;
        if (a === null || b === null) break;
        const fid = (key: string): Fidelity | undefined => {
          const v = o[key];
          if (v === undefined) return undefined;
          if ((FIDELITIES as readonly unknown[]).includes(v)) return v as Fidelity;
          issues.warn(`${it.at}.${key}`, `${describe(v)} is not one of ${FIDELITIES.join(', ')}; ignored`);
          return undefined;
        };
        const sf = fid('start_time_fidelity');
        const ef = fid('end_time_fidelity') ?? sf;
        const first = (a ?? b)!;
        const s = atFidelity(first, a ? sf : ef, zone);
        const e = base(it, name ?? (Array.isArray(o.event_types) && isText(o.event_types[0]) ? o.event_types[0] : 'Event'), s.text);
        if (s.precision) e.precision = s.precision;
        if (a && b && b.ms > a.ms) {
          const en = atFidelity(b, ef, zone);
          if (en.text !== s.text) e.end = en.text;
          if (en.precision && !e.precision) e.precision = en.precision;
        }
        const st = typeof o.status === 'string' ? STATUS_FROM_EVENT[o.status] : undefined;
        if (st) e.status = st;
        // Labels a bundle of ours carries for tools without our extension.
        const labels = Array.isArray(o.labels) ? o.labels.filter(isText) : [];
        const labelled = labels.map((l) => /^status:(.+)$/.exec(l)?.[1]).find((v) => v && (STATUSES as readonly string[]).includes(v));
        if (labelled) e.status = labelled as SourcingStatus;
        if (labels.includes('date-kind:reported')) e.dateKind = 'reported';
        if (Array.isArray(o.event_types) && isText(o.event_types[0])) e.kind = o.event_types[0];
        push(it, e);
        break;
      }
      case 'attack-action': {
        const r = range(it, 'execution_start', 'execution_end');
        if (r === undefined) {
          untimedActions++;
          break;
        }
        timed++;
        if (r === null) break;
        const tech = o.technique_id;
        const e = base(it, name ?? (isText(tech) ? tech : 'Attack step'), r.start);
        if (r.end) e.end = r.end;
        if (typeof tech === 'string' && TECHNIQUE.test(tech.trim())) e.techniques = [tech.trim()];
        else if (tech !== undefined) issues.warn(`${it.at}.technique_id`, `${describe(tech)} is not an ATT&CK technique id like "T1486"; ignored`);
        const tacticObj = typeof o.tactic_ref === 'string' ? byId.get(o.tactic_ref) : undefined;
        const tactic =
          nameOf(tacticObj?.o) ??
          (isText(o.tactic) ? o.tactic : isText(o.tactic_name) ? o.tactic_name : undefined) ??
          (isText(o.tactic_id) ? (TACTICS[o.tactic_id.trim().toUpperCase()] ?? o.tactic_id.trim()) : undefined);
        e.lane = tactic ? lane(slug(tactic, 'tactic'), tactic) : lane('attack-flow', 'Attack Flow');
        push(it, e);
        break;
      }
      case 'attack-flow':
        title ??= name;
        if (!summary && isText(o.description)) summary = o.description;
        break;
      default:
        break;
    }
  }

  if (untimedActions)
    issues.warn(
      'objects',
      `${untimedActions} attack-action ${untimedActions === 1 ? 'object has' : 'objects have'} no execution_start: Attack Flow orders steps but gives no times, so ${untimedActions === 1 ? 'it is' : 'they are'} not on the timeline`,
    );
  if (other.size) {
    const total = [...other.values()].reduce((a, b) => a + b, 0);
    const list = [...other.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    issues.warn('objects', `${total} ${total === 1 ? 'object has' : 'objects have'} no place on the timeline or map and ${total === 1 ? 'was' : 'were'} not imported: ${list}`);
  }

  if (!events.length) {
    if (!timed) {
      issues.error(
        'objects',
        `the bundle has ${items.length} ${items.length === 1 ? 'object' : 'objects'} but none carries a time, so there is nothing to draw: a timeline needs a ${TIMED_KINDS}${untimedActions ? '. Attack Flow actions here give an order but no times' : ''}`,
      );
    } else if (!issues.errors.length) issues.error('objects', 'no object with a time could be read, so there is nothing to draw');
    return { document: null, errors: issues.errors, warnings: issues.warnings, origins: [] };
  }

  if (isText(meta?.title)) title = meta.title;
  if (meta && 'summary' in meta) summary = isText(meta.summary) ? meta.summary : undefined;
  if (!title) title = items.find((i) => i.type === 'campaign' && nameOf(i.o))?.o.name as string | undefined;
  if (!title) title = items.find((i) => i.type === 'report' && nameOf(i.o))?.o.name as string | undefined;
  if (attributions.length) summary = [summary, `Attributions in the bundle: ${attributions.join(' ')}`].filter(Boolean).join('\n\n');

  const document: Incident = { version: 1, title: title ?? 'Imported STIX bundle', timeZone: zone, events };
  if (isText(meta?.id)) document.id = meta.id;
  if (summary) document.summary = summary;
  if (isText(meta?.updated)) document.updated = meta.updated;
  if (typeof meta?.$schema === 'string') document.$schema = meta.$schema;
  if (victim) document.victim = victim;
  if (lanes.length) document.lanes = lanes;
  if (places.length) document.places = places.map((p) => ordered(p, PLACE_KEYS));
  if (claims.length) document.claims = claims;
  if (sources.length) document.sources = sources;
  // Keep the document's key order close to the format's.
  const doc = ordered(document, ['$schema', 'version', 'id', 'title', 'summary', 'timeZone', 'updated', 'victim', 'lanes', 'events', 'places', 'claims', 'sources']);
  return { document: doc, errors: issues.errors, warnings: issues.warnings, origins, placeOrigins, claimOrigins };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A 128-bit hash of text (cyrb128), as four 32-bit words. */
function hash128(text: string): number[] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A deterministic UUID (version 5 layout) from text: the same incident gets the same ids. */
export function deterministicUuid(text: string): string {
  const hash = hash128(`attack-timeline:${text}`)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  // Version 5 in the 13th digit; the variant (8, 9, a or b) in the 17th.
  const variant = '89ab'.charAt(parseInt(hash.charAt(16), 16) & 3);
  const h = `${hash.slice(0, 12)}5${hash.slice(13, 16)}${variant}${hash.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const withoutUndefined = (o: Obj): Obj => {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
};

const EVENT_STATUS: Record<SourcingStatus, string> = { confirmed: 'occurred', reported: 'occurred', 'single-source': 'occurred', disputed: 'undetermined', denied: 'not-occurred' };
const SUBJECT: Record<ClaimRelation, { type: string; rel: string; name: (place: string) => string }> = {
  'infrastructure-located-in': { type: 'infrastructure', rel: 'located-at', name: (p) => `Infrastructure in ${p}` },
  'actor-originates-from': { type: 'intrusion-set', rel: 'originates-from', name: (p) => `Unknown actor from ${p}` },
  'claimed-responsibility': { type: 'threat-actor', rel: 'located-at', name: (p) => `Claimant in ${p}` },
};

/**
 * Writes a STIX 2.1 bundle (JSON text, 2-space indent): the incident as `incident`, events as
 * Incident Core `event`s, places as `location`s, claims as an infrastructure or actor
 * `located-at` / `originates-from` the origin and `targets` the target, sources as `report`s
 * and `external_references`. Ids are deterministic; timestamps are UTC.
 */
export function toStix(incident: Incident): string {
  const { incident: cleaned, resolved } = parseIncident(incident);
  const doc = cleaned ?? incident;
  const zone = resolved?.timeZone ?? 'UTC';
  const ns = doc.id ?? doc.title ?? 'incident';
  const sid = (type: string, local: string) => `${type}--${deterministicUuid(`${ns}/${type}/${local}`)}`;

  const updated = doc.updated ? resolveDate(doc.updated, zone) : undefined;
  const stamp = iso(updated?.ok ? updated.value.start : (resolved?.extent?.[0] ?? 0));
  const common = (type: string, local: string): Obj => ({ type, spec_version: '2.1', id: sid(type, local), created: stamp, modified: stamp });

  const sources = doc.sources ?? [];
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const refsFor = (ids: string[] | undefined) =>
    (ids ?? []).flatMap((id) => {
      const s = sourceById.get(id);
      if (!s) return [];
      const url = safeHttpUrl(s.url);
      const name = s.publisher ?? s.title ?? (url ? new URL(url).hostname.replace(/^www\./, '') : s.id);
      return [withoutUndefined({ source_name: name, description: s.title, url: url ? s.url : undefined })];
    });
  const citing = new Map<string, string[]>();
  const cites = (stixId: string, ids: string[] | undefined) => {
    for (const id of ids ?? []) citing.set(id, [...(citing.get(id) ?? []), stixId]);
  };

  const objects: Obj[] = [];
  const identities = new Map<string, string>();
  const identity = (name: string) => {
    let id = identities.get(name);
    if (!id) {
      const o: Obj = { ...common('identity', `identity/${name}`), name, identity_class: 'organization' };
      id = o.id as string;
      identities.set(name, id);
      objects.push(o);
    }
    return id;
  };
  const opinion = (status: SourcingStatus | undefined, ref: string, local: string, explanation: string) => {
    if (status !== 'disputed' && status !== 'denied') return;
    objects.push({ ...common('opinion', `opinion/${local}`), opinion: status === 'denied' ? 'strongly-disagree' : 'disagree', explanation, object_refs: [ref] });
  };

  const incidentObj = withoutUndefined({
    ...common('incident', 'incident'),
    name: doc.title || 'Incident',
    description: doc.summary,
    [X]: withoutUndefined({
      $schema: doc.$schema,
      id: doc.id,
      title: doc.title,
      summary: doc.summary,
      timeZone: doc.timeZone ?? zone,
      updated: doc.updated,
      victim: doc.victim,
      lanes: doc.lanes,
      sources,
    }),
  });
  objects.push(incidentObj);

  // Places.
  const locationId = new Map<string, string>();
  for (const p of doc.places ?? []) {
    const o = common('location', `place/${p.id}`);
    o.name = p.name;
    if (p.lat !== undefined && p.lon !== undefined) {
      o.latitude = p.lat;
      o.longitude = p.lon;
      if (p.precisionMeters !== undefined) o.precision = p.precisionMeters;
    }
    if (p.country) o.country = readCountry(p.country).code ?? p.country;
    o[X] = { ...p };
    locationId.set(p.id, o.id as string);
    objects.push(o);
  }
  if (doc.victim) {
    const v = identity(doc.victim.name);
    const where = doc.victim.place ? locationId.get(doc.victim.place) : undefined;
    if (where) objects.push({ ...common('relationship', 'victim/located-at'), relationship_type: 'located-at', source_ref: v, target_ref: where, [X]: { victim: true } });
  }

  // Events, in document order.
  const eventRefs: string[] = [];
  for (const ev of doc.events) {
    const r = resolved?.eventById.get(ev.id);
    const o = common('event', `event/${ev.id}`);
    o.name = ev.title;
    if (ev.description) o.description = ev.description;
    const status = r?.status ?? ev.status ?? 'reported';
    o.status = EVENT_STATUS[status];
    if (r) {
      o.start_time = iso(r.start.start);
      o.start_time_fidelity = r.start.unit;
      if (r.end) {
        o.end_time = iso(r.end.start);
        o.end_time_fidelity = r.end.unit;
      }
    }
    if (ev.kind) o.event_types = [ev.kind];
    if (ev.confidence !== undefined) o.confidence = Math.round(confidenceValue(ev.confidence));
    o.labels = [`status:${status}`, ...(ev.dateKind === 'reported' ? ['date-kind:reported'] : [])];
    const refs = refsFor(ev.sources);
    if (refs.length) o.external_references = refs;
    o.extensions = { [EVENT_EXTENSION]: { extension_type: 'new-sdo' } };
    o[X] = { ...ev };
    cites(o.id as string, ev.sources);
    eventRefs.push(o.id as string);
    objects.push(o);
    opinion(ev.status, o.id as string, `event/${ev.id}`, `Status of this event: ${status}`);
  }

  // Claims: an infrastructure or actor placed at the origin and targeting the target.
  for (const c of doc.claims ?? []) {
    const from = c.from ? doc.places?.find((p) => p.id === c.from) : undefined;
    const to = locationId.get(c.to);
    if (!to) continue;
    const shape = SUBJECT[c.relation];
    const subject: Obj = { ...common(shape.type, `claim/${c.id}/subject`), name: shape.name(from?.name ?? 'an unknown place'), description: c.assertion };
    objects.push(subject);
    const by = identity(c.assertedBy);
    const rel = (kind: string, target: string, x: Obj): Obj =>
      withoutUndefined({
        ...common('relationship', `claim/${c.id}/${kind}`),
        created_by_ref: by,
        relationship_type: kind,
        source_ref: subject.id,
        target_ref: target,
        description: c.assertion,
        confidence: c.confidence === undefined ? undefined : Math.round(confidenceValue(c.confidence)),
        labels: [`status:${c.status ?? 'reported'}`],
        external_references: refsFor(c.sources).length ? refsFor(c.sources) : undefined,
        [X]: x,
      });
    const claimX = { claim: { ...c } };
    const fromLoc = c.from ? locationId.get(c.from) : undefined;
    let main: Obj;
    if (fromLoc) {
      main = rel(shape.rel, fromLoc, claimX);
      objects.push(main, rel('targets', to, { claimPart: c.id }));
    } else {
      main = rel('targets', to, claimX);
      objects.push(main);
    }
    cites(main.id as string, c.sources);
    opinion(c.status, main.id as string, `claim/${c.id}`, c.caveats?.join(' ') || `Status of this claim: ${c.status}`);
  }

  // Sources with a date become reports; every source is also kept on the incident.
  for (const s of sources) {
    if (!s.published) continue;
    const d = resolveDate(s.published, zone);
    if (!d.ok) continue;
    const o = common('report', `source/${s.id}`);
    o.name = s.title ?? s.publisher ?? s.id;
    o.published = iso(d.value.start);
    o.report_types = ['news-article'];
    o.object_refs = citing.get(s.id)?.length ? citing.get(s.id) : [incidentObj.id];
    const refs = refsFor([s.id]);
    if (refs.length) o.external_references = refs;
    o[X] = { source: s.id };
    objects.push(o);
  }

  const bundle = { type: 'bundle', id: `bundle--${deterministicUuid(`${ns}/bundle`)}`, objects };
  return JSON.stringify(bundle, null, 2);
}
