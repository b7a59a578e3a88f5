import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident, DEFAULT_LANE } from '../../src/model/parse.js';
import { resolveSource, sourceLabel } from '../../src/model/resolve.js';
import type { ResolvedIncident } from '../../src/model/types.js';

const ev = (over: Record<string, unknown> = {}) => ({ id: 'e1', title: 'Something happened', start: '2022-11-23', status: 'confirmed', sources: ['s1'], ...over });
const claim = (over: Record<string, unknown> = {}) => ({
  id: 'c1',
  from: 'origin',
  to: 'target',
  relation: 'actor-originates-from',
  assertion: 'The attack came from here',
  assertedBy: 'Someone',
  status: 'reported',
  sources: ['s1'],
  ...over,
});
const place = (id: string) => ({ id, name: `Place ${id}`, lat: 10, lon: 20 });
/** Resolves a small document, failing the test on any error. */
function resolve(extra: Record<string, unknown>): ResolvedIncident {
  const r = parseIncident({
    version: 1,
    title: 'Test incident',
    timeZone: 'Asia/Kolkata',
    sources: [{ id: 's1', title: 'A report' }],
    places: [place('origin'), place('target'), place('other')],
    events: [ev()],
    ...extra,
  });
  assert.deepEqual(r.errors, []);
  assert.ok(r.resolved);
  return r.resolved;
}
const ids = (list: { id: string }[] | undefined) => list?.map((x) => x.id);

test('claimsByPlace lists each claim under its from and its to place, once each, in document order', () => {
  const r = resolve({
    claims: [
      claim({ id: 'a', from: 'origin', to: 'target' }),
      claim({ id: 'same', from: 'target', to: 'target' }),
      claim({ id: 'nowhere', from: null, to: 'other' }),
      claim({ id: 'b', from: 'other', to: 'target' }),
    ],
  });
  assert.deepEqual(ids(r.claimsByPlace.get('origin')), ['a']);
  assert.deepEqual(ids(r.claimsByPlace.get('target')), ['a', 'same', 'b'], 'a claim from and to the same place is listed once');
  assert.deepEqual(ids(r.claimsByPlace.get('other')), ['nowhere', 'b']);
  assert.equal(r.claims.find((c) => c.id === 'nowhere')?.from, null);
});

test('claimsByEvent lists the claims made in each event; events without claims are absent', () => {
  const r = resolve({
    events: [ev({ id: 'e1' }), ev({ id: 'e2', start: '2022-11-24' }), ev({ id: 'quiet', start: '2022-11-25' })],
    claims: [claim({ id: 'a', event: 'e2' }), claim({ id: 'b' }), claim({ id: 'c', event: 'e1' }), claim({ id: 'd', event: 'e2' })],
  });
  assert.deepEqual(ids(r.claimsByEvent.get('e1')), ['c']);
  assert.deepEqual(ids(r.claimsByEvent.get('e2')), ['a', 'd']);
  assert.equal(r.claimsByEvent.has('quiet'), false);
  assert.equal(r.claimById.get('a')?.event?.id, 'e2');
  assert.equal(r.claimById.get('b')?.event, undefined);
});

test('eventsByPlace lists the events naming each place in time order, not file order', () => {
  const r = resolve({
    events: [
      ev({ id: 'late', start: '2022-12-01', places: ['target'] }),
      ev({ id: 'early', start: '2022-11-01', places: ['target', 'origin'] }),
      ev({ id: 'middle', start: '2022-11-15T10:00+05:30', places: ['target', 'target'] }),
      ev({ id: 'placeless', start: '2022-11-02' }),
    ],
  });
  assert.deepEqual(ids(r.eventsByPlace.get('target')), ['early', 'middle', 'late'], 'once each, earliest first');
  assert.deepEqual(ids(r.eventsByPlace.get('origin')), ['early']);
  assert.equal(r.eventsByPlace.has('other'), false);
});

test('a claim without a status resolves as reported; a given status is kept', () => {
  const r = resolve({ claims: [claim({ id: 'bare', status: undefined }), claim({ id: 'sure', status: 'confirmed' })] });
  assert.equal(r.claimById.get('bare')?.status, 'reported');
  assert.equal(r.claimById.get('bare')?.claim.status, undefined, 'the document itself is not changed');
  assert.equal(r.claimById.get('sure')?.status, 'confirmed');
});

test('sourceLabel is publisher and title, else whichever is given, else the id', () => {
  assert.equal(sourceLabel({ id: 's1', publisher: 'CERT-In', title: 'Advisory' }), 'CERT-In: Advisory');
  assert.equal(sourceLabel({ id: 's1', title: 'Advisory' }), 'Advisory');
  assert.equal(sourceLabel({ id: 's1', publisher: 'CERT-In' }), 'CERT-In');
  assert.equal(sourceLabel({ id: 's1' }), 's1');
  assert.equal(sourceLabel({ id: 's1', publisher: '', title: '' }), 's1');
  const r = resolve({ sources: [{ id: 's1', publisher: 'CERT-In', title: 'Advisory' }, { id: 'bare' }] });
  assert.equal(r.sourceById.get('s1')?.label, 'CERT-In: Advisory');
  assert.equal(r.sourceById.get('bare')?.label, 'bare');
  assert.equal(r.events[0]?.sources[0]?.label, 'CERT-In: Advisory', 'an event cites its sources by the same label');
});

test('a source has its publication date resolved in UTC, and none when it gives none', () => {
  const r = resolve({
    sources: [
      { id: 's1', title: 'A report', published: '2022-11-30' },
      { id: 'undated', title: 'Another' },
    ],
  });
  const d = r.sourceById.get('s1')?.publishedDate;
  assert.ok(d);
  assert.equal(d.text, '2022-11-30');
  assert.equal(d.start, Date.UTC(2022, 10, 30));
  assert.equal(d.end, Date.UTC(2022, 11, 1));
  assert.equal(d.unit, 'day');
  assert.equal(r.sourceById.get('undated')?.publishedDate, undefined);
  assert.equal(resolveSource({ id: 'x', published: '2021-03' }).publishedDate?.start, Date.UTC(2021, 2, 1));
});

test('laneById has the default lane when events name none, next to the lanes they do name', () => {
  const r = resolve({ events: [ev({ id: 'a', lane: 'attacker' }), ev({ id: 'b', start: '2022-11-24' })] });
  assert.deepEqual(r.laneById.get(DEFAULT_LANE.id), DEFAULT_LANE);
  assert.deepEqual(r.laneById.get('attacker'), { id: 'attacker', label: 'attacker' });
  assert.equal(r.eventById.get('b')?.lane, DEFAULT_LANE.id);
  assert.deepEqual(
    r.lanes.map((l) => l.id),
    ['attacker', DEFAULT_LANE.id],
  );
  const named = resolve({ lanes: [{ id: 'attacker', label: 'Attacker' }], events: [ev({ lane: 'attacker' })] });
  assert.equal(named.laneById.has(DEFAULT_LANE.id), false, 'no default lane when every event names one');
});
