import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseIncident, parseIncidentJson } from '../../src/model/parse.js';

const aiims = () => JSON.parse(readFileSync(new URL('../../../examples/data/aiims-delhi-2022.json', import.meta.url), 'utf8'));
const minimal = (events: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 1,
  title: 'Test incident',
  timeZone: 'Asia/Kolkata',
  sources: [{ id: 's1', title: 'A report', url: 'https://example.org/a' }],
  events,
  ...extra,
});
const ev = (over: Record<string, unknown> = {}) => ({ id: 'e1', title: 'Something happened', start: '2022-11-23', status: 'confirmed', sources: ['s1'], ...over });

test('parseIncident(AIIMS example) has no errors or warnings', () => {
  const r = parseIncident(aiims());
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.resolved?.events.length, 25);
  assert.equal(r.resolved?.timeZone, 'Asia/Kolkata');
});

test('parseIncident(valid document) round-trips unchanged', () => {
  const doc = { $schema: '../../schema/incident.schema.json', ...aiims() };
  const r = parseIncident(structuredClone(doc));
  assert.deepEqual(r.incident, doc);
});

test('parseIncident orders events by the instant their start begins, ties in file order', () => {
  const r = parseIncident(
    minimal([
      ev({ id: 'late', start: '2022-12-01' }),
      ev({ id: 'month', start: '2022-11' }),
      ev({ id: 'day-a', start: '2022-11-23' }),
      ev({ id: 'day-b', start: '2022-11-23' }),
      ev({ id: 'time', start: '2022-11-23T07:00+05:30' }),
    ]),
  );
  assert.deepEqual(
    r.resolved?.events.map((e) => e.id),
    ['month', 'day-a', 'day-b', 'time', 'late'],
  );
});

test('parseIncident leaves out a bad event with an error naming its path, and keeps the rest', () => {
  const r = parseIncident(minimal([ev({ id: 'a' }), ev({ id: 'b' }), ev({ id: 'c' }), ev({ id: 'd', start: '2022-13-01' })]));
  assert.deepEqual(r.errors, [{ path: 'events[3].start', message: '"2022-13-01" is not a date: month 13 does not exist' }]);
  assert.deepEqual(
    r.incident?.events.map((e) => e.id),
    ['a', 'b', 'c'],
  );
});

test('parseIncident reports missing ids, titles and duplicate ids', () => {
  const r = parseIncident(minimal([ev({ id: undefined }), ev({ title: '' }), ev({ id: 'x' }), ev({ id: 'x' })]));
  assert.deepEqual(
    r.errors.map((e) => e.path),
    ['events[0].id', 'events[1].title', 'events[3].id'],
  );
  assert.deepEqual(
    r.incident?.events.map((e) => e.id),
    ['x'],
  );
});

test('parseIncident fails as a whole only when nothing can be drawn', () => {
  for (const input of [null, 'text', 42, [], {}, { events: 'nope' }]) {
    const r = parseIncident(input);
    assert.equal(r.incident, null);
    assert.ok(r.errors.length > 0);
    assert.ok(r.errors.every((e) => typeof e.path === 'string' && e.message.length > 0));
  }
  assert.equal(parseIncident(minimal([ev({ start: 'soon' })])).incident, null);
  const empty = parseIncident(minimal([]));
  assert.ok(empty.incident, 'an empty events array is a valid, empty incident');
  assert.deepEqual(empty.errors, []);
});

test('parseIncident warns about unknown and missing sources', () => {
  const r = parseIncident(minimal([ev({ sources: ['nope'] }), ev({ id: 'e2', sources: [] })]));
  assert.deepEqual(r.warnings, [
    { path: 'events[0].sources[0]', message: 'no source has the id "nope"' },
    { path: 'events[1].sources', message: 'has no source: every event should cite one' },
  ]);
  assert.equal(r.incident?.events.length, 2);
});

test('parseIncident drops non-http(s) links with a warning and keeps the source', () => {
  const urls = [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\x01javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
  ];
  const r = parseIncident(
    minimal([ev({ sources: urls.map((_, i) => `s${i}`) })], {
      sources: urls.map((url, i) => ({ id: `s${i}`, title: `Source ${i}`, url })),
    }),
  );
  assert.equal(r.warnings.length, urls.length);
  assert.ok(r.warnings.every((w, i) => w.path === `sources[${i}].url` && w.message.includes('not an http(s) link')));
  assert.ok(r.incident?.sources?.every((s) => s.url === undefined));
  assert.ok(r.resolved?.events[0]?.sources.every((s) => s.href === undefined && s.title));
});

test('parseIncident resolves ranges, conflicts and a day-precision date as a day', () => {
  const r = parseIncident(minimal([ev({ start: '2022-11-23', end: '2022-12-05', conflicts: [{ note: 'Another source says the 24th', date: '2022-11-24', sources: ['s1'] }] })]));
  const e = r.resolved!.events[0];
  assert.ok(e);
  assert.equal(new Date(e.start.start).toISOString(), '2022-11-22T18:30:00.000Z');
  assert.equal(new Date(e.end!.end).toISOString(), '2022-12-05T18:30:00.000Z');
  assert.equal(e.conflictDates.length, 1);
  assert.equal(new Date(e.conflictDates[0]!.start).toISOString(), '2022-11-23T18:30:00.000Z');
});

test('parseIncident keeps an end before the start out, with a warning', () => {
  const r = parseIncident(minimal([ev({ start: '2022-12-05', end: '2022-11-23' })]));
  assert.equal(r.warnings[0]?.path, 'events[0].end');
  const e = r.resolved?.events[0];
  assert.ok(e, 'the event is kept');
  assert.equal(e.end, undefined);
});

test('parseIncident reads ICD 203 words and 0–100 numbers as confidence', () => {
  const r = parseIncident(minimal([ev({ confidence: 'very-likely' }), ev({ id: 'e2', confidence: 70 }), ev({ id: 'e3', confidence: 170 }), ev({ id: 'e4', confidence: 'sure' })]));
  assert.deepEqual(
    r.resolved?.events.map((e) => e.confidence),
    ['very-likely', 70, undefined, undefined],
  );
  assert.deepEqual(
    r.warnings.map((w) => w.path),
    ['events[2].confidence', 'events[3].confidence'],
  );
});

test('parseIncident defaults a missing status to reported, with a warning', () => {
  const r = parseIncident(minimal([ev({ status: undefined })]));
  assert.equal(r.resolved?.events[0]?.status, 'reported');
  assert.deepEqual(r.warnings, [{ path: 'events[0].status', message: 'is missing; shown as "reported"' }]);
});

test('parseIncident takes lanes from the events when none are listed, in order of first use', () => {
  const r = parseIncident(minimal([ev({ id: 'a', lane: 'police' }), ev({ id: 'b', lane: 'hospital' }), ev({ id: 'c' })]));
  assert.deepEqual(
    r.resolved?.lanes.map((l) => l.id),
    ['police', 'hospital', 'events'],
  );
  assert.deepEqual(r.warnings, []);
});

test('parseIncident warns about an unknown lane when lanes are listed', () => {
  const r = parseIncident(minimal([ev({ lane: 'nope' })], { lanes: [{ id: 'a', label: 'A' }] }));
  assert.deepEqual(
    r.warnings.map((w) => w.path),
    ['events[0].lane'],
  );
  assert.deepEqual(
    r.resolved?.lanes.map((l) => l.id),
    ['a', 'nope'],
  );
});

test('parseIncident reads dates without an offset in the incident zone and warns about a bad zone', () => {
  const r = parseIncident(minimal([ev()], { timeZone: 'Not/AZone' }));
  assert.equal(r.warnings[0]?.path, 'timeZone');
  const [e] = r.resolved!.events;
  assert.ok(e);
  assert.equal(new Date(e.start.start).toISOString(), '2022-11-23T00:00:00.000Z');
});

test('parseIncident checks places and claims by path', () => {
  const r = parseIncident(
    minimal([ev()], {
      places: [
        { id: 'p1', name: 'Delhi', role: 'target', lat: 28.6, lon: 77.2 },
        { id: 'p2', name: 'Far', lat: 123, lon: 0 },
      ],
      claims: [
        { id: 'c1', from: 'p1', to: 'p1', relation: 'infrastructure-located-in', assertion: 'x', assertedBy: 'y', sources: ['s1'] },
        { id: 'c2', from: 'ghost', to: 'p1', relation: 'infrastructure-located-in', assertion: 'x', assertedBy: 'y', sources: ['s1'] },
        { id: 'c3', from: null, to: 'p1', relation: 'the attacker', assertion: 'x', assertedBy: 'y', sources: ['s1'] },
      ],
    }),
  );
  assert.deepEqual(
    r.errors.map((e) => e.path),
    ['places[1].lat', 'claims[1].from', 'claims[2].relation'],
  );
  assert.deepEqual(
    r.incident?.claims?.map((c) => c.id),
    ['c1'],
  );
});

test('parseIncident ignores prototype keys and never pollutes Object.prototype', () => {
  const r = parseIncidentJson(
    '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"version":1,"title":"t","events":[{"id":"a","title":"t","start":"2022","__proto__":{"polluted":1}}]}',
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(r.incident?.events.length, 1);
});

test('parseIncidentJson reports a syntax error at the path it is given', () => {
  const r = parseIncidentJson('{"version": 1,', 'src');
  const [error] = r.errors;
  assert.ok(error);
  assert.equal(error.path, 'src');
  assert.match(error.message, /^is not valid JSON/);
});

test('parseIncident never throws, even on a hostile object', () => {
  const hostile = {
    version: 1,
    title: 't',
    get events(): never {
      throw new Error('boom');
    },
  };
  const r = parseIncident(hostile);
  assert.equal(r.incident, null);
  const [error] = r.errors;
  assert.ok(error);
  assert.match(error.message, /boom/);
});

test('parseIncident warns about a misspelt field and suggests the right one', () => {
  const r = parseIncident(minimal([ev({ tittle: 'x', satus: 'confirmed' })], { $schema: '../schema/incident.schema.json', summry: 'x' }));
  assert.deepEqual(r.warnings, [
    { path: 'summry', message: 'is not a field of the incident; ignored (did you mean "summary"?)' },
    { path: 'events[0].tittle', message: 'is not a field of an event; ignored (did you mean "title"?)' },
    { path: 'events[0].satus', message: 'is not a field of an event; ignored (did you mean "status"?)' },
  ]);
});

test("parseIncident(…) keeps a source's titleVerified, and warns about one that is not true or false", () => {
  const doc = (titleVerified: unknown) => ({
    version: 1,
    title: 'T',
    timeZone: 'UTC',
    sources: [{ id: 's', title: 'Rebuilt', titleVerified }],
    events: [{ id: 'e', title: 'E', start: '2022', status: 'confirmed', sources: ['s'] }],
  });
  const no = parseIncident(doc(false));
  assert.equal(no.incident!.sources![0]!.titleVerified, false);
  assert.deepEqual(no.warnings, []);
  const junk = parseIncident(doc('no'));
  assert.equal(junk.incident!.sources![0]!.titleVerified, undefined);
  assert.deepEqual(
    junk.warnings.map((w) => w.path),
    ['sources[0].titleVerified'],
  );
});

test('parseIncidentInSlices gives what parseIncident gives, pausing between slices of work', async () => {
  const { parseIncidentInSlices, isLarge } = await import('../../src/model/parse.js');
  const events = Array.from({ length: 12_000 }, (_, i) => ({
    id: i === 5 ? 'e4' : `e${i}`, // one duplicate id: an error at its path
    title: `Event ${i}`,
    start: new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 12_000) * 60_000).toISOString().slice(0, 16) + 'Z',
    status: i % 13 === 0 ? 'rumoured' : 'confirmed', // a bad status: a warning
  }));
  const doc = { version: 1, title: 'Big', timeZone: 'UTC', events };
  assert.equal(isLarge(doc), true);
  assert.equal(isLarge({ events: events.slice(0, 10) }), false);
  let pauses = 0;
  const sliced = await parseIncidentInSlices(doc, { pause: () => Promise.resolve(void pauses++), budgetMs: 0 });
  const whole = parseIncident(doc);
  assert.ok(pauses >= 24, `paused between slices (${pauses})`);
  assert.deepEqual(sliced.errors, whole.errors);
  assert.deepEqual(sliced.warnings, whole.warnings);
  assert.deepEqual(
    sliced.resolved!.events.map((e) => e.id),
    whole.resolved!.events.map((e) => e.id),
  );
  assert.deepEqual(sliced.incident, whole.incident);
  assert.equal(sliced.errors[0]!.path, 'events[5].id');
});

test('parseIncidentInSlices never rejects: a throwing getter is an issue', async () => {
  const { parseIncidentInSlices } = await import('../../src/model/parse.js');
  const doc = { version: 1, title: 'x', events: [{ id: 'a', title: 'A', start: '2024-01-01' }] };
  Object.defineProperty(doc.events[0], 'status', {
    get() {
      throw new Error('boom');
    },
    enumerable: true,
  });
  const r = await parseIncidentInSlices(doc);
  assert.equal(r.incident, null);
  assert.match(r.errors[0]!.message, /could not be read: boom/);
});
