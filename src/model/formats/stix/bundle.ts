/**
 * The STIX reader's first phase: checks that the value is a bundle, indexes its objects
 * (warning of objects without a type or id, repeated ids and other spec versions, and counting
 * the kinds it does not import), and chooses the zone dates are read in.
 */
import { isValidTimeZone } from '../../dates.js';
import type { Issues } from '../issues.js';
import { CLAIM_RELATIONSHIPS, describe, HANDLED, isObject, isText, type Item, objectLabel, type Obj, X } from './common.js';
import type { Bundle } from './context.js';

/** The bundle's objects, or undefined after an error that leaves nothing to read. */
function bundleObjects(value: unknown, issues: Issues): unknown[] | undefined {
  if (!isObject(value)) {
    issues.error('', `a STIX 2.1 bundle must be a JSON object with "type": "bundle", not ${describe(value)}`);
    return undefined;
  }
  if (value.type !== 'bundle') {
    if (value.objects === undefined) {
      issues.error(
        'type',
        `${value.type === undefined ? 'is missing' : `${describe(value.type)} is not "bundle"`}: this is not a STIX 2.1 bundle (it needs "type": "bundle" and an objects array)`,
      );
      return undefined;
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
    return undefined;
  }
  return raw;
}

/** Indexes a bundle's objects; undefined when the value is no bundle. */
export function indexBundle(value: unknown, issues: Issues): Bundle | undefined {
  const raw = bundleObjects(value, issues);
  if (!raw) return undefined;
  const bundle = value as Obj;
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
  if (bundle.spec_version !== undefined && bundle.spec_version !== '2.1') oldSpec++;
  if (oldSpec) issues.warn('spec_version', `the bundle is not marked STIX 2.1 (${oldSpec} ${oldSpec === 1 ? 'place says' : 'places say'} another version); read as 2.1`);
  else if (noSpec) issues.warn('spec_version', `${noSpec} ${noSpec === 1 ? 'object has' : 'objects have'} no spec_version; read as STIX 2.1`);

  const incidentItem = items.find((i) => i.type === 'incident');
  // A report or grouping ties together the objects it refers to.
  const groups = items.filter((i) => (i.type === 'report' || i.type === 'grouping') && Array.isArray(i.o.object_refs));
  return {
    items,
    byId,
    rels: items.filter((i) => i.type === 'relationship'),
    groupRefs: new Map(groups.map((g) => [g.id, (g.o.object_refs as unknown[]).map(String)])),
    other,
    incidentItem,
    meta: incidentItem?.x,
  };
}

/** Time zone: the one a bundle we wrote carries, else the caller's, else UTC. */
export function readTimeZone(meta: Obj | undefined, options: { timeZone?: string }, issues: Issues): { zone: string; sameZone: boolean } {
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
  return { zone, sameZone: !isText(meta?.timeZone) || meta.timeZone === zone };
}
