import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../src/model/parse.js';
import { emphasisFor, sameSelection, selection, validSelection } from '../../src/model/selection.js';

const doc = {
  version: 1,
  title: 'Selection test',
  timeZone: 'UTC',
  sources: [{ id: 's', title: 'Report' }],
  places: [
    { id: 'target', name: 'Target', role: 'target', lat: 28.6, lon: 77.2 },
    { id: 'hk:ip', name: 'Hong Kong', role: 'infrastructure', lat: 22.3, lon: 114.2 },
    { id: 'hk', name: 'Elsewhere', role: 'origin', lat: 34.7, lon: 113.6 },
    { id: 'quiet', name: 'Nothing here', role: 'reference', lat: 0, lon: 0 },
  ],
  events: [
    { id: 'b', title: 'Second', start: '2022-11-25', sources: ['s'], status: 'confirmed', places: ['hk:ip'] },
    { id: 'a', title: 'First', start: '2022-11-23', sources: ['s'], status: 'confirmed', places: ['hk:ip', 'target'] },
    { id: 'c=1', title: 'Third', start: '2022-12-01', sources: ['s'], status: 'confirmed' },
  ],
  claims: [
    {
      id: 'c:2',
      from: 'hk:ip',
      to: 'target',
      relation: 'infrastructure-located-in',
      assertion: 'IPs in Hong Kong',
      assertedBy: 'Police',
      status: 'reported',
      sources: ['s'],
      event: 'c=1',
    },
    { id: 'c', from: 'hk', to: 'target', relation: 'infrastructure-located-in', assertion: 'IPs elsewhere', assertedBy: 'Police', sources: ['s'], event: 'b' },
  ],
};
const r = parseIncident(doc).resolved!;
const sorted = (s: ReadonlySet<string>) => [...s].sort();

test('a place lights itself, its claims and the events there; ids with ":" are not confused with shorter ones', () => {
  const e = emphasisFor(r, { place: 'hk:ip' });
  assert.deepEqual(sorted(e.places), ['hk:ip']);
  assert.deepEqual(sorted(e.claims), ['c:2']);
  assert.deepEqual(sorted(e.events), ['a', 'b']);
  assert.deepEqual(sorted(emphasisFor(r, { place: 'hk' }).claims), ['c']);
});

test('a claim lights itself and both its places, not the other claims from the same place', () => {
  const e = emphasisFor(r, { claim: 'c:2', event: 'c=1' });
  assert.deepEqual(sorted(e.claims), ['c:2']);
  assert.deepEqual(sorted(e.places), ['hk:ip', 'target']);
  assert.equal(e.events.size, 0);
});

test('an event lights its places and the claims made in it', () => {
  const e = emphasisFor(r, { event: 'b' });
  assert.deepEqual(sorted(e.places), ['hk', 'hk:ip', 'target']);
  assert.deepEqual(sorted(e.claims), ['c']);
  assert.deepEqual(sorted(emphasisFor(r, { event: 'c=1' }).claims), ['c:2']);
});

test('nothing chosen, or unknown ids, light nothing', () => {
  for (const s of [{}, { event: 'nope' }, { place: 'hk:' }, { claim: 'c:' }]) {
    const e = emphasisFor(r, s);
    assert.equal(e.events.size + e.places.size + e.claims.size, 0, JSON.stringify(s));
  }
  assert.equal(emphasisFor(r, { place: 'quiet' }).claims.size, 0);
});

test('validSelection keeps known ids, drops unknown ones and brings a claim its event', () => {
  assert.deepEqual(validSelection(r, { claim: 'c:2' }), { event: 'c=1', claim: 'c:2' });
  assert.deepEqual(validSelection(r, { place: 'hk:ip', event: 'a' }), { place: 'hk:ip' });
  assert.deepEqual(validSelection(r, { event: 'missing' }), {});
  assert.deepEqual(validSelection(r, { event: 'c=1' }), { event: 'c=1' });
});

test('selection() never writes undefined keys, and sameSelection compares all three ids', () => {
  assert.deepEqual(Object.keys(selection('a', null, undefined)), ['event']);
  assert.ok(sameSelection(selection('a'), { event: 'a' }));
  assert.ok(!sameSelection({ event: 'a' }, { event: 'a', place: 'p' }));
});
