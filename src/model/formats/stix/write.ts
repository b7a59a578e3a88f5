/**
 * Writing STIX 2.1 bundles: standard STIX objects that other tools understand, each also
 * carrying our own fields in `x_attack_timeline`, so a bundle we write reads back unchanged.
 * The incident becomes an `incident`, places `location`s, the victim an `identity`, events
 * Incident Core `event`s, claims an infrastructure or actor with its relationships, and dated
 * sources `report`s. Ids are deterministic; timestamps are UTC.
 */
import { confidenceValue } from '../../confidence.js';
import { claimRelation, confidenceOf, sourcingStatus } from '../../keywords.js';
import { resolveDate } from '../../dates.js';
import { parseIncident } from '../../parse.js';
import type { ClaimRelation, Incident, ResolvedIncident, Source, SourcingStatus } from '../../types.js';
import { safeHttpUrl } from '../../urls.js';
import { EVENT_EXTENSION, type Obj, X } from './common.js';
import { readCountry } from './countries.js';
import { deterministicUuid } from './uuid.js';

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

/** The bundle being written: its objects, ids, identities and which objects cite each source. */
class Writer {
  readonly objects: Obj[] = [];
  /** Which STIX objects cite each source. */
  readonly citing = new Map<string, string[]>();
  /** The STIX id of each place's location. */
  readonly locationId = new Map<string, string>();
  private readonly identities = new Map<string, string>();
  private readonly sourceById: Map<string, Source>;

  constructor(
    readonly doc: Incident,
    readonly ns: string,
    private readonly stamp: string,
  ) {
    this.sourceById = new Map((doc.sources ?? []).map((s) => [s.id, s]));
  }

  /** The common properties of a STIX object, its id from the incident and a local name. */
  common(type: string, local: string): Obj {
    return { type, spec_version: '2.1', id: `${type}--${deterministicUuid(`${this.ns}/${type}/${local}`)}`, created: this.stamp, modified: this.stamp };
  }

  /** External references for sources. */
  refsFor(ids: string[] | undefined): Obj[] {
    return (ids ?? []).flatMap((id) => {
      const s = this.sourceById.get(id);
      if (!s) return [];
      const url = safeHttpUrl(s.url);
      const name = s.publisher ?? s.title ?? (url ? new URL(url).hostname.replace(/^www\./, '') : s.id);
      return [withoutUndefined({ source_name: name, description: s.title, url: url ? s.url : undefined })];
    });
  }

  cites(stixId: string, ids: string[] | undefined): void {
    for (const id of ids ?? []) this.citing.set(id, [...(this.citing.get(id) ?? []), stixId]);
  }

  /** The id of an organization's identity, written the first time. */
  identity(name: string): string {
    let id = this.identities.get(name);
    if (!id) {
      const o: Obj = { ...this.common('identity', `identity/${name}`), name, identity_class: 'organization' };
      id = o.id as string;
      this.identities.set(name, id);
      this.objects.push(o);
    }
    return id;
  }

  /** An opinion disagreeing with a disputed or denied object. */
  opinion(status: SourcingStatus | undefined, ref: string, local: string, explanation: string): void {
    if (status !== 'disputed' && status !== 'denied') return;
    this.objects.push({ ...this.common('opinion', `opinion/${local}`), opinion: status === 'denied' ? 'strongly-disagree' : 'disagree', explanation, object_refs: [ref] });
  }
}

function writeIncident(w: Writer, zone: string): Obj {
  const doc = w.doc;
  const incidentObj = withoutUndefined({
    ...w.common('incident', 'incident'),
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
      sources: doc.sources ?? [],
    }),
  });
  w.objects.push(incidentObj);
  return incidentObj;
}

/** Places as locations, then the victim as an identity located at its place. */
function writePlaces(w: Writer): void {
  const doc = w.doc;
  for (const p of doc.places ?? []) {
    const o = w.common('location', `place/${p.id}`);
    o.name = p.name;
    if (p.lat !== undefined && p.lon !== undefined) {
      o.latitude = p.lat;
      o.longitude = p.lon;
      if (p.precisionMeters !== undefined) o.precision = p.precisionMeters;
    }
    if (p.country) o.country = readCountry(p.country).code ?? p.country;
    o[X] = { ...p };
    w.locationId.set(p.id, o.id as string);
    w.objects.push(o);
  }
  if (doc.victim) {
    const v = w.identity(doc.victim.name);
    const where = doc.victim.place ? w.locationId.get(doc.victim.place) : undefined;
    if (where) w.objects.push({ ...w.common('relationship', 'victim/located-at'), relationship_type: 'located-at', source_ref: v, target_ref: where, [X]: { victim: true } });
  }
}

/** Events, in document order. */
function writeEvents(w: Writer, resolved: ResolvedIncident | null): void {
  for (const ev of w.doc.events) {
    const r = resolved?.eventById.get(ev.id);
    const o = w.common('event', `event/${ev.id}`);
    o.name = ev.title;
    if (ev.description) o.description = ev.description;
    const status = r?.status ?? sourcingStatus(ev.status);
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
    const confidence = confidenceOf(ev.confidence);
    if (confidence !== undefined) o.confidence = Math.round(confidenceValue(confidence));
    o.labels = [`status:${status}`, ...(ev.dateKind === 'reported' ? ['date-kind:reported'] : [])];
    const refs = w.refsFor(ev.sources);
    if (refs.length) o.external_references = refs;
    o.extensions = { [EVENT_EXTENSION]: { extension_type: 'new-sdo' } };
    o[X] = { ...ev };
    w.cites(o.id as string, ev.sources);
    w.objects.push(o);
    w.opinion(status, o.id as string, `event/${ev.id}`, `Status of this event: ${status}`);
  }
}

/** Claims: an infrastructure or actor placed at the origin and targeting the target. */
function writeClaims(w: Writer): void {
  const doc = w.doc;
  for (const c of doc.claims ?? []) {
    const from = c.from ? doc.places?.find((p) => p.id === c.from) : undefined;
    const to = w.locationId.get(c.to);
    if (!to) continue;
    const shape = SUBJECT[claimRelation(c)];
    const status = sourcingStatus(c.status);
    const confidence = confidenceOf(c.confidence);
    const subject: Obj = { ...w.common(shape.type, `claim/${c.id}/subject`), name: shape.name(from?.name ?? 'an unknown place'), description: c.assertion };
    w.objects.push(subject);
    const by = w.identity(c.assertedBy);
    const rel = (kind: string, target: string, x: Obj): Obj =>
      withoutUndefined({
        ...w.common('relationship', `claim/${c.id}/${kind}`),
        created_by_ref: by,
        relationship_type: kind,
        source_ref: subject.id,
        target_ref: target,
        description: c.assertion,
        confidence: confidence === undefined ? undefined : Math.round(confidenceValue(confidence)),
        labels: [`status:${status}`],
        external_references: w.refsFor(c.sources).length ? w.refsFor(c.sources) : undefined,
        [X]: x,
      });
    const claimX = { claim: { ...c } };
    const fromLoc = c.from ? w.locationId.get(c.from) : undefined;
    let main: Obj;
    if (fromLoc) {
      main = rel(shape.rel, fromLoc, claimX);
      w.objects.push(main, rel('targets', to, { claimPart: c.id }));
    } else {
      main = rel('targets', to, claimX);
      w.objects.push(main);
    }
    w.cites(main.id as string, c.sources);
    w.opinion(status, main.id as string, `claim/${c.id}`, c.caveats?.join(' ') || `Status of this claim: ${status}`);
  }
}

/** Sources with a date become reports; every source is also kept on the incident. */
function writeReports(w: Writer, zone: string, incidentObj: Obj): void {
  for (const s of w.doc.sources ?? []) {
    if (!s.published) continue;
    const d = resolveDate(s.published, zone);
    if (!d.ok) continue;
    const o = w.common('report', `source/${s.id}`);
    o.name = s.title ?? s.publisher ?? s.id;
    o.published = iso(d.value.start);
    o.report_types = ['news-article'];
    o.object_refs = w.citing.get(s.id)?.length ? w.citing.get(s.id) : [incidentObj.id];
    const refs = w.refsFor([s.id]);
    if (refs.length) o.external_references = refs;
    o[X] = { source: s.id };
    w.objects.push(o);
  }
}

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
  const updated = doc.updated ? resolveDate(doc.updated, zone) : undefined;
  const stamp = iso(updated?.ok ? updated.value.start : (resolved?.extent?.[0] ?? 0));
  const w = new Writer(doc, ns, stamp);
  const incidentObj = writeIncident(w, zone);
  writePlaces(w);
  writeEvents(w, resolved);
  writeClaims(w);
  writeReports(w, zone, incidentObj);
  const bundle = { type: 'bundle', id: `bundle--${deterministicUuid(`${ns}/bundle`)}`, objects: w.objects };
  return JSON.stringify(bundle, null, 2);
}
