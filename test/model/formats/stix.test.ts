import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromStix, toStix } from '../../../src/model/formats/stix/index.js';
import { exportIncident, importIncident } from '../../../src/model/formats/index.js';
import { parseIncident } from '../../../src/model/parse.js';
import type { Incident } from '../../../src/model/types.js';
import { flowBundle, incidentCoreBundle, newsBundle, REPORT_INDEX, untimedFlowBundle } from './fixtures/stix.js';

type Obj = Record<string, unknown>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

test('fromStix(…) turns report.published into a reported event citing its external_references', () => {
  const r = fromStix(newsBundle, { timeZone: 'Asia/Kolkata' });
  assert.deepEqual(r.errors, []);
  const doc = r.document!;
  const i = doc.events.findIndex((e) => e.title === 'Hospital records offline after ransomware');
  const e = doc.events[i];
  assert.ok(e, 'the report is an event');
  assert.equal(e.dateKind, 'reported');
  assert.equal(e.start, '2023-03-06T09:15:00Z');
  assert.equal(e.description, 'Staff at Lakeside Regional went back to paper.');
  const src = doc.sources!.find((s) => s.id === e.sources![0])!;
  assert.deepEqual([src.url, src.title, src.publisher], ['https://news.example/lakeside-ransomware', 'Hospital records offline', 'Example Times']);
  assert.equal(doc.sources!.length, 1, 'the sighting cites the same URL: one source, reused');
  assert.equal(r.origins[i], `objects[${REPORT_INDEX}] (report--1a2b3c4d…)`);
  const p = parseIncident(doc);
  assert.deepEqual(p.errors, []);
  assert.equal(p.resolved!.eventById.get(e.id)!.start.start, Date.UTC(2023, 2, 6, 9, 15));
});

test('fromStix(…) reads campaign and intrusion-set first_seen/last_seen as periods in their own lanes', () => {
  const doc = fromStix(newsBundle, { timeZone: 'UTC' }).document!;
  const campaign = doc.events.find((e) => e.title === 'Operation Quiet River')!;
  assert.deepEqual([campaign.start, campaign.end, campaign.lane], ['2023-03-03T22:00:00Z', '2023-03-09T12:00:00Z', 'campaigns']);
  const actor = doc.events.find((e) => e.title === 'Unknown actor')!;
  assert.deepEqual([actor.start, actor.end, actor.lane], ['2023-03-01T00:00:00Z', '2023-03-20T00:00:00Z', 'actors']);
  assert.ok(!doc.events.some((e) => e.title.includes('Cobalt Heron')), 'a threat actor without times is not on the timeline');
});

test('fromStix(…) reads a sighting range and a single-moment observed-data', () => {
  const doc = fromStix(newsBundle, { timeZone: 'UTC' }).document!;
  const s = doc.events.find((e) => e.title === 'Sighting of Ransom note file name')!;
  assert.deepEqual([s.start, s.end], ['2023-03-04T01:45:00Z', '2023-03-04T03:00:00Z']);
  assert.deepEqual(s.places, ['lakeside-regional-hospital-pune'], 'where_sighted_refs → the victim’s place');
  const o = doc.events.find((e) => e.title.startsWith('Observed data'))!;
  assert.equal(o.start, '2023-03-05T06:00:00Z');
  assert.equal(o.end, undefined, 'first_observed equal to last_observed is one moment');
});

test('fromStix(…) turns locations into places: points keep precision, a country alone is a wide area at its centre', () => {
  const r = fromStix(newsBundle, { timeZone: 'UTC' });
  const byName = new Map(r.document!.places!.map((p) => [p.name, p]));
  const hospital = byName.get('Lakeside Regional Hospital, Pune')!;
  assert.deepEqual([hospital.lat, hospital.lon, hospital.precisionMeters, hospital.country, hospital.role], [18.52, 73.86, 500, 'IN', 'target']);
  const china = byName.get('China')!;
  assert.equal(china.country, 'CN', 'a country name where an ISO code belongs is read as the code');
  assert.equal(china.role, 'origin');
  assert.ok(china.precisionMeters! >= 500_000, 'country-scale precision, drawn as an area');
  assert.ok(Math.abs(china.lat! - 35) < 5 && Math.abs(china.lon! - 103) < 10);
  const hk = byName.get('Hong Kong')!;
  assert.deepEqual([hk.country, hk.role], ['HK', 'infrastructure']);
  assert.ok(typeof hk.lat === 'number');
  const atlantis = byName.get('Atlantis')!;
  assert.equal(atlantis.lat, undefined, 'an unknown country has no position');
  const atlantisIndex = newsBundle.objects.findIndex((o) => (o as Obj).country === 'Atlantis');
  assert.ok(r.warnings.some((w) => w.path === `objects[${atlantisIndex}] (location--07182a3b…).country` && /Atlantis/.test(w.message)));
  const p = parseIncident(r.document!);
  assert.ok(
    p.warnings.some((w) => /not drawn/.test(w.message)),
    'parse says the place without a position is not drawn',
  );
});

test('fromStix(…) turns located-at and originates-from into claims with confidence, asserter and target', () => {
  const r = fromStix(newsBundle, { timeZone: 'UTC' });
  const doc = r.document!;
  const claims = doc.claims!;
  const relay = claims.find((c) => c.from === 'hong-kong')!;
  assert.equal(relay.relation, 'infrastructure-located-in');
  assert.equal(relay.to, 'lakeside-regional-hospital-pune');
  assert.equal(relay.assertion, 'The phishing emails were relayed through a server in Hong Kong');
  assert.equal(relay.assertedBy, 'Northwind Threat Lab');
  assert.equal(relay.confidence, 60);
  assert.equal(relay.status, 'reported');
  assert.deepEqual(relay.sources, [doc.sources![0]?.id], 'a report that refers to the relationship cites it');
  const actor = claims.find((c) => c.from === 'china')!;
  assert.equal(actor.relation, 'actor-originates-from');
  assert.equal(actor.status, 'disputed', 'a strongly-disagree opinion disputes the claim');
  assert.equal(actor.confidence, 30);
  assert.match(actor.assertion, /Unknown actor originates from China/);
  const ip = claims.find((c) => c.from === 'frankfurt-data-centre')!;
  assert.equal(ip.assertedBy, 'Unattributed source in the bundle');
  assert.equal(r.warnings.filter((w) => /created_by_ref/.test(w.message)).length, 1);
  assert.match(doc.summary!, /Operation Quiet River is attributed to Cobalt Heron \(confidence 15\), per Northwind Threat Lab/, 'an attribution with no place goes to the summary');
  assert.deepEqual(doc.victim, { name: 'Lakeside Regional Hospital', place: 'lakeside-regional-hospital-pune' });
  assert.deepEqual(parseIncident(doc).errors, []);
});

test('fromStix(…) counts everything it does not draw in ONE warning by type, and names bad objects by index', () => {
  const r = fromStix(newsBundle, { timeZone: 'UTC' });
  const summary = r.warnings.filter((w) => w.path === 'objects' && /not imported/.test(w.message));
  assert.equal(summary.length, 1);
  const { message } = summary[0]!;
  assert.match(message, /2 x-newsroom-annotation/);
  assert.match(message, /1 indicator/);
  assert.match(message, /1 malware/);
  assert.match(message, /1 attack-pattern/);
  assert.match(message, /1 note/);
  const last = newsBundle.objects.length - 1;
  assert.ok(r.warnings.some((w) => w.path === `objects[${last}]` && /no type and id/.test(w.message)));
  assert.equal(r.warnings.filter((w) => w.path === 'spec_version').length, 1, 'a missing spec_version is accepted with one warning');
});

test('fromStix(…) draws timed attack-actions with technique and tactic lane, and warns once about untimed ones', () => {
  const r = fromStix(flowBundle, { timeZone: 'UTC' });
  const doc = r.document!;
  assert.equal(doc.title, 'Quiet River intrusion');
  assert.deepEqual(
    doc.events.map((e) => [e.title, e.techniques, e.lane]),
    [
      ['Spearphishing attachment', ['T1566.001'], 'initial-access'],
      ['Files encrypted', ['T1486'], 'impact'],
    ],
  );
  assert.deepEqual(doc.lanes, [
    { id: 'initial-access', label: 'Initial Access' },
    { id: 'impact', label: 'Impact' },
  ]);
  assert.deepEqual([doc.events[1]?.start, doc.events[1]?.end], ['2023-03-04T01:30:00Z', '2023-03-04T02:45:00Z']);
  const flow = r.warnings.filter((w) => /attack-action/.test(w.message));
  assert.equal(flow.length, 1);
  assert.equal(flow[0]?.path, 'objects');
  assert.equal(flow[0]?.message, '3 attack-action objects have no execution_start: Attack Flow orders steps but gives no times, so they are not on the timeline');
  assert.deepEqual(r.origins, ['objects[2] (attack-action--c1000000…)', 'objects[3] (attack-action--c2000000…)']);
});

test('fromStix(…) says why nothing is drawn when no object in the bundle carries a time', () => {
  const r = fromStix(untimedFlowBundle, { timeZone: 'UTC' });
  assert.equal(r.document, null);
  assert.equal(r.errors.length, 1);
  const [error] = r.errors;
  assert.ok(error);
  assert.equal(error.path, 'objects');
  assert.match(error.message, /4 objects but none carries a time/);
  assert.match(error.message, /report \(published\)/);
  assert.match(error.message, /execution_start/);
  assert.ok(r.warnings.some((w) => /^3 attack-action objects have no execution_start/.test(w.message)));
});

test('fromStix(…) writes Incident Core event times at their fidelity, in the incident zone', () => {
  const r = fromStix(incidentCoreBundle, { timeZone: 'Asia/Kolkata' });
  assert.deepEqual(r.errors, []);
  const doc = r.document!;
  assert.equal(doc.title, 'Ransomware at the Eastside Medical Institute');
  assert.equal(doc.summary, 'Servers encrypted; services run manually for two weeks.');
  const [down, manual, ransom, exact] = doc.events;
  assert.ok(down && manual && ransom && exact);
  assert.equal(down.start, '2022-11-23', '18:30Z on the 22nd is the 23rd in Kolkata');
  assert.deepEqual([manual.start, manual.end], ['2022-11-23', '2022-12-06']);
  assert.deepEqual([ransom.start, ransom.precision, ransom.status], ['2022-11-28T12:00', 'hour', 'denied']);
  assert.equal(exact.start, '2022-11-23T01:32:07Z', 'second fidelity keeps the timestamp as given');
  const p = parseIncident(doc);
  assert.equal(p.resolved!.eventById.get(down.id)!.start.start, Date.UTC(2022, 10, 22, 18, 30));
  assert.equal(p.resolved!.eventById.get(down.id)!.start.unit, 'day');
  assert.ok(!r.warnings.some((w) => /extension-definition/.test(w.message)), 'definitions are not content to report');
});

test('fromStix(…) reads times in UTC with one warning when no time zone is given', () => {
  const r = fromStix(incidentCoreBundle, {});
  assert.equal(r.document!.timeZone, 'UTC');
  assert.equal(r.document!.events[0]?.start, '2022-11-22');
  assert.equal(r.warnings.filter((w) => w.path === 'timeZone').length, 1);
});

test('fromStix(…) names a bad timestamp by object and field, leaving only that event out', () => {
  const bundle = clone(newsBundle);
  (bundle.objects[REPORT_INDEX] as Obj).published = '2023-13-06T09:15:00Z';
  const r = fromStix(bundle, { timeZone: 'UTC' });
  assert.deepEqual(paths(r.errors), [`objects[${REPORT_INDEX}] (report--1a2b3c4d…).published`]);
  assert.ok(r.document!.events.length >= 4);
  assert.ok(!r.document!.events.some((e) => e.dateKind === 'reported'));
  assert.equal(r.origins.length, r.document!.events.length);
});

test('fromStix(…) refuses what is not a bundle, and is lenient with objects given as a map', () => {
  for (const v of [null, 'bundle', [], { type: 'report', id: 'report--1' }]) {
    const r = fromStix(v, {});
    assert.equal(r.document, null);
    assert.equal(r.errors.length, 1, JSON.stringify(v));
  }
  const [noObjects] = fromStix({ type: 'bundle', id: 'bundle--1' }, {}).errors;
  assert.ok(noObjects);
  assert.match(noObjects.message, /no objects/);
  const map = { type: 'bundle', id: 'bundle--2', objects: Object.fromEntries(flowBundle.objects.map((o, i) => [String(i), o])) };
  const r = fromStix(map, { timeZone: 'UTC' });
  assert.equal(r.document!.events.length, 2);
  assert.ok(r.warnings.some((w) => w.path === 'objects' && /must be an array/.test(w.message)));
  assert.doesNotThrow(() =>
    fromStix(
      {
        type: 'bundle',
        objects: [
          {
            type: 'report',
            id: 'report--x',
            get published(): string {
              throw new Error('boom');
            },
          },
        ],
      },
      {},
    ),
  );
});

/** An incident with what the round trip must keep. */
const incident: Incident = {
  version: 1,
  id: 'eastside-2022',
  title: 'Ransomware at the Eastside Medical Institute',
  summary: 'Servers encrypted; services run manually.',
  timeZone: 'Asia/Kolkata',
  updated: '2022-12-14',
  victim: { name: 'Eastside Medical Institute', place: 'eastside' },
  lanes: [
    { id: 'attack', label: 'Attack' },
    { id: 'response', label: 'Response' },
  ],
  events: [
    {
      id: 'down',
      title: 'Servers go down',
      start: '2022-11-23T07:00+05:30',
      lane: 'attack',
      status: 'confirmed',
      confidence: 95,
      sources: ['press'],
      techniques: ['T1486'],
      places: ['eastside'],
    },
    {
      id: 'manual',
      title: 'Manual operations',
      description: 'Paper registration.\nQueues.',
      start: '2022-11-23',
      end: '2022-12-06',
      lane: 'response',
      status: 'reported',
      sources: ['press', 'paper'],
    },
    {
      id: 'ransom',
      title: 'Ransom demand reported',
      start: '2022-11-28',
      precision: 'approximate',
      dateKind: 'reported',
      lane: 'attack',
      status: 'denied',
      confidence: 'unlikely',
      sources: ['paper'],
      displayDate: 'late Nov 2022',
    },
    { id: 'hour', title: 'Backups found encrypted', start: '2022-11-24T09:00', precision: 'hour', lane: 'response', status: 'single-source', sources: ['paper'] },
    { id: 'month', title: 'Police case filed', start: '2022-11', lane: 'response', status: 'confirmed', sources: ['press'] },
  ],
  places: [
    { id: 'eastside', name: 'Eastside Medical Institute', role: 'target', lat: 28.5672, lon: 77.21, precisionMeters: 500, country: 'IN' },
    { id: 'henan', name: 'Henan', role: 'origin', lat: 34.29, lon: 113.38, precisionMeters: 300000, country: 'CN' },
    { id: 'hk', name: 'Hong Kong', role: 'infrastructure', lat: 22.3, lon: 114.17, precisionMeters: 30000, country: 'HK' },
    { id: 'unknown', name: 'Unplaced server', role: 'reference' },
  ],
  claims: [
    {
      id: 'hk-ip',
      from: 'hk',
      to: 'eastside',
      relation: 'infrastructure-located-in',
      assertion: 'Emails came from an IP address in Hong Kong',
      assertedBy: 'City police',
      status: 'reported',
      confidence: 'likely',
      caveats: ['An IP address is not an attacker'],
      sources: ['paper'],
      event: 'down',
    },
    {
      id: 'henan-actor',
      from: 'henan',
      to: 'eastside',
      relation: 'actor-originates-from',
      assertion: 'The attack originated in Henan',
      assertedBy: 'Unnamed officials',
      status: 'disputed',
      confidence: 30,
      sources: ['press'],
    },
    {
      id: 'nowhere',
      from: null,
      to: 'eastside',
      relation: 'claimed-responsibility',
      assertion: 'A group claimed the attack online',
      assertedBy: 'Example Times',
      status: 'single-source',
      sources: ['paper'],
    },
  ],
  sources: [
    { id: 'press', title: 'Statement on the outage', publisher: 'Eastside Medical Institute', url: 'https://eastside.example/statement', published: '2022-11-23' },
    { id: 'paper', title: 'Hospital servers down for a week', publisher: 'Example Times', url: 'https://news.example/eastside' },
  ],
};

test('toStix(…) → fromStix(…) → parseIncident(…) gives back the same events, places, claims, sources and lanes', () => {
  const before = parseIncident(incident);
  assert.deepEqual(before.errors, []);
  const r = fromStix(JSON.parse(toStix(incident)), {});
  assert.deepEqual(r.errors, []);
  assert.ok(!r.warnings.some((w) => w.path === 'timeZone'), 'the zone travels with the bundle');
  const after = parseIncident(r.document);
  assert.deepEqual(after.errors, []);
  const a = before.incident!;
  const b = after.incident!;
  assert.deepEqual(b.events, a.events);
  assert.deepEqual(b.places, a.places);
  assert.deepEqual(b.claims, a.claims);
  assert.deepEqual(b.sources, a.sources);
  assert.deepEqual(b.lanes, a.lanes);
  assert.deepEqual([b.id, b.title, b.summary, b.timeZone, b.updated, b.victim], [a.id, a.title, a.summary, a.timeZone, a.updated, a.victim]);
  assert.equal(r.origins.length, b.events.length);
  assert.ok(r.origins.every((o) => /^objects\[\d+\] \(event--[0-9a-f]{8}…\)$/.test(o)));
});

test('toStix(…) writes standard STIX 2.1: UTC timestamps, fidelity, deterministic ids, created from the incident', () => {
  const text = toStix(incident);
  assert.equal(text, toStix(clone(incident)), 'the same incident gives the same bundle');
  assert.ok(text.startsWith('{\n  "type": "bundle"'), '2-space indent');
  const bundle = JSON.parse(text) as { type: string; id: string; objects: Obj[] };
  assert.match(bundle.id, /^bundle--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  for (const o of bundle.objects) {
    assert.equal(o.spec_version, '2.1');
    assert.match(String(o.id), new RegExp(`^${String(o.type)}--[0-9a-f-]{36}$`));
    assert.equal(o.created, '2022-12-13T18:30:00.000Z', 'updated (a Kolkata day) as a UTC instant, not the clock');
  }
  assert.equal(new Set(bundle.objects.map((o) => o.id)).size, bundle.objects.length, 'ids are unique');
  const down = bundle.objects.find((o) => o.type === 'event' && o.name === 'Servers go down')!;
  assert.deepEqual([down.start_time, down.start_time_fidelity, down.status, down.confidence], ['2022-11-23T01:30:00.000Z', 'minute', 'occurred', 95]);
  const manual = bundle.objects.find((o) => o.name === 'Manual operations')!;
  assert.deepEqual(
    [manual.start_time, manual.start_time_fidelity, manual.end_time, manual.end_time_fidelity],
    ['2022-11-22T18:30:00.000Z', 'day', '2022-12-05T18:30:00.000Z', 'day'],
  );
  assert.deepEqual(
    (manual.external_references as Obj[]).map((x) => x.url),
    ['https://eastside.example/statement', 'https://news.example/eastside'],
  );
  const types = new Set(bundle.objects.map((o) => o.type));
  for (const t of ['incident', 'event', 'location', 'identity', 'relationship', 'infrastructure', 'intrusion-set', 'report', 'opinion']) assert.ok(types.has(t), t);
  const hk = bundle.objects.find((o) => o.type === 'location' && o.name === 'Hong Kong')!;
  assert.deepEqual([hk.latitude, hk.longitude, hk.precision, hk.country], [22.3, 114.17, 30000, 'HK']);
  const located = bundle.objects.find((o) => o.type === 'relationship' && o.relationship_type === 'located-at' && o.target_ref === hk.id)!;
  assert.equal(located.confidence, 70, '"likely" as the DNI number');
  assert.equal(bundle.objects.find((o) => o.id === located.created_by_ref)!.name, 'City police');
  const report = bundle.objects.find((o) => o.type === 'report')!;
  assert.deepEqual([report.name, report.published], ['Statement on the outage', '2022-11-22T18:30:00.000Z']);
});

test('toStix(…) bundles still read without our x_attack_timeline fields, as another tool would write them', () => {
  const bundle = JSON.parse(toStix(incident)) as { objects: Obj[] };
  for (const o of bundle.objects) delete o.x_attack_timeline;
  const r = fromStix(bundle, { timeZone: 'Asia/Kolkata' });
  const p = parseIncident(r.document);
  assert.deepEqual(p.errors, []);
  const original = parseIncident(incident).resolved!;
  for (const e of original.events) {
    const back = p.resolved!.events.find((x) => x.event.title === e.event.title)!;
    assert.ok(back, e.event.title);
    assert.equal(back.start.start, e.start.start, `${e.event.title}: same instant`);
    assert.equal(back.start.unit, e.start.unit, `${e.event.title}: same precision`);
    assert.equal(back.end?.end, e.end?.end);
  }
  const ransom = p.resolved!.events.find((e) => e.event.title === 'Ransom demand reported')!;
  assert.deepEqual([ransom.status, ransom.dateKind], ['denied', 'reported']);
  for (const e of original.events) assert.equal(p.resolved!.events.find((x) => x.event.title === e.event.title)!.status, e.status, e.event.title);
  const statement = r.document!.events.find((e) => e.title === 'Statement on the outage')!;
  assert.equal(statement.dateKind, 'reported', 'without our fields, a dated source reads as report.published: a reported event');
  const claims = r.document!.claims!;
  const place = (id: string | null) => r.document!.places!.find((x) => x.id === id)?.name;
  assert.deepEqual(claims.map((c) => [c.relation, place(c.from), place(c.to), c.assertedBy]).sort(), [
    ['actor-originates-from', 'Henan', 'Eastside Medical Institute', 'Unnamed officials'],
    ['infrastructure-located-in', 'Hong Kong', 'Eastside Medical Institute', 'City police'],
  ]);
  assert.equal(claims.find((c) => place(c.from) === 'Henan')!.status, 'disputed', 'the opinion carries the dispute');
});

test('toStix(…) of a document read from a bundle reads back the same (events, places, claims, victim)', () => {
  const first = fromStix(newsBundle, { timeZone: 'Asia/Kolkata' }).document!;
  const again = fromStix(JSON.parse(toStix(first)), {});
  assert.deepEqual(again.errors, []);
  const doc = again.document!;
  assert.deepEqual(doc.events, first.events);
  assert.deepEqual(doc.places, first.places);
  assert.deepEqual(doc.claims, first.claims);
  assert.deepEqual([doc.victim, doc.summary, doc.timeZone], [first.victim, first.summary, 'Asia/Kolkata']);
  assert.ok(!again.warnings.some((w) => /Atlantis/.test(w.message)), 'our own places are not re-reported');
});

test('fromStix(…) never ties an actor to a target the bundle does not link it to, and never calls an attribution a claim of responsibility', () => {
  const rel = (n: number, type: string, source: string, target: string, extra = {}) => ({
    type: 'relationship',
    spec_version: '2.1',
    id: `relationship--00000000-0000-4000-8000-00000000000${n}`,
    created: '2023-01-01T00:00:00Z',
    modified: '2023-01-01T00:00:00Z',
    relationship_type: type,
    source_ref: source,
    target_ref: target,
    ...extra,
  });
  const bundle = {
    type: 'bundle',
    id: 'bundle--00000000-0000-4000-8000-000000000000',
    objects: [
      {
        type: 'intrusion-set',
        spec_version: '2.1',
        id: 'intrusion-set--00000000-0000-4000-8000-000000000001',
        created: '2023-01-01T00:00:00Z',
        modified: '2023-01-01T00:00:00Z',
        name: 'APT Foo',
        first_seen: '2022-01-01T00:00:00Z',
      },
      {
        type: 'campaign',
        spec_version: '2.1',
        id: 'campaign--00000000-0000-4000-8000-000000000002',
        created: '2023-01-01T00:00:00Z',
        modified: '2023-01-01T00:00:00Z',
        name: 'Other campaign',
        first_seen: '2022-06-01T00:00:00Z',
      },
      {
        type: 'location',
        spec_version: '2.1',
        id: 'location--00000000-0000-4000-8000-000000000003',
        created: '2023-01-01T00:00:00Z',
        modified: '2023-01-01T00:00:00Z',
        name: 'China',
        country: 'CN',
      },
      {
        type: 'location',
        spec_version: '2.1',
        id: 'location--00000000-0000-4000-8000-000000000004',
        created: '2023-01-01T00:00:00Z',
        modified: '2023-01-01T00:00:00Z',
        name: 'Delhi',
        latitude: 28.6,
        longitude: 77.2,
      },
      rel(1, 'originates-from', 'intrusion-set--00000000-0000-4000-8000-000000000001', 'location--00000000-0000-4000-8000-000000000003'),
      rel(2, 'targets', 'campaign--00000000-0000-4000-8000-000000000002', 'location--00000000-0000-4000-8000-000000000004'),
      rel(3, 'attributed-to', 'campaign--00000000-0000-4000-8000-000000000002', 'intrusion-set--00000000-0000-4000-8000-000000000001', { confidence: 15 }),
    ],
  };
  // Without the attribution, nothing ties APT Foo to Delhi: no arc.
  const unlinked = fromStix({ ...bundle, objects: bundle.objects.slice(0, 6) }, { timeZone: 'UTC' });
  assert.deepEqual(unlinked.document!.claims ?? [], []);
  assert.ok(unlinked.warnings.some((w) => /no targeted place was found/.test(w.message)));
  // With it, APT Foo's own placement is drawn against the campaign's target; the attribution is words.
  const linked = fromStix(bundle, { timeZone: 'UTC' });
  const claims = linked.document!.claims!;
  assert.equal(claims.length, 1);
  assert.equal(claims[0]?.relation, 'actor-originates-from');
  assert.ok(claims.every((c) => c.relation !== 'claimed-responsibility'));
  assert.match(linked.document!.summary!, /Other campaign is attributed to APT Foo \(confidence 15\)/);
});

test('fromStix(…) reads "UK" as GB, and says when a country has no known position', () => {
  const loc = (n: number, country: string) => ({
    type: 'location',
    spec_version: '2.1',
    id: `location--00000000-0000-4000-8000-00000000000${n}`,
    created: '2023-01-01T00:00:00Z',
    modified: '2023-01-01T00:00:00Z',
    country,
  });
  const r = fromStix(
    {
      type: 'bundle',
      id: 'bundle--1',
      objects: [
        loc(1, 'UK'),
        loc(2, 'FI'),
        {
          type: 'sighting',
          spec_version: '2.1',
          id: 'sighting--00000000-0000-4000-8000-000000000009',
          created: '2023-01-01T00:00:00Z',
          modified: '2023-01-01T00:00:00Z',
          first_seen: '2023-01-01T00:00:00Z',
          sighting_of_ref: 'indicator--1',
        },
      ],
    },
    { timeZone: 'UTC' },
  );
  const [uk, fi] = r.document!.places!;
  assert.ok(uk && fi);
  assert.equal(uk.country, 'GB');
  assert.ok(uk.lat !== undefined);
  assert.equal(fi.lat, undefined);
  assert.ok(
    r.warnings.some((w) => /^objects\[1\] \(location--00000000…\)\.country$/.test(w.path) && /listed, not drawn/.test(w.message)),
    JSON.stringify(r.warnings),
  );
});

test('importIncident(…) reads a bundle we wrote in its own zone, whatever zone the caller gives', async () => {
  const { readFileSync } = await import('node:fs');
  const aiims = JSON.parse(readFileSync('examples/data/aiims-delhi-2022.json', 'utf8'));
  const stix = exportIncident(aiims, 'stix');
  const london = importIncident(stix, { timeZone: 'Europe/London' }).incident!;
  const original = parseIncident(aiims).incident!;
  assert.deepEqual(
    london.events.map((e) => [e.id, e.start, e.precision]),
    original.events.map((e) => [e.id, e.start, e.precision]),
  );
});
