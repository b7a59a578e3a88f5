import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { claimRelation, confidenceOf, oneOf, placeRole, sourcingStatus, STATUSES } from '../../src/model/keywords.js';
import { parseIncident } from '../../src/model/parse.js';
import type { Incident } from '../../src/model/types.js';

test('a keyword field is read as one of its words, else its default', () => {
  assert.equal(oneOf(STATUSES, 'disputed'), 'disputed');
  assert.equal(oneOf(STATUSES, 'Disputed'), undefined);
  assert.equal(sourcingStatus(undefined), 'reported');
  assert.equal(sourcingStatus('rumoured'), 'reported');
  assert.equal(placeRole({ id: 'p', name: 'Henan' }), 'reference');
  assert.equal(placeRole({ id: 'p', name: 'Henan', role: 'infrastructure' }), 'infrastructure');
  assert.equal(claimRelation({ id: 'c', from: null, to: 'p', relation: 'claimed-responsibility', assertion: 'a', assertedBy: 'b' }), 'claimed-responsibility');
  assert.equal(confidenceOf(70), 70);
  assert.equal(confidenceOf('likely'), 'likely');
  assert.equal(confidenceOf('probable'), undefined);
});

test('a document read from a JSON file is an Incident as it is, and the parser still checks its keywords', () => {
  // As TypeScript types an imported JSON file: every string a string, `version` a number.
  const json: { version: number; title: string; events: { id: string; title: string; start: string; status: string; precision: string }[] } = {
    version: 1,
    title: 'From a file',
    events: [
      { id: 'a', title: 'Known', start: '2022-11-23', status: 'confirmed', precision: 'day' },
      { id: 'b', title: 'Mistyped', start: '2022-11-24', status: 'confrimed', precision: 'day' },
    ],
  };
  const doc: Incident = json;
  const result = parseIncident(doc);
  assert.equal(result.resolved?.eventById.get('a')?.status, 'confirmed');
  assert.equal(result.resolved?.eventById.get('b')?.status, 'reported');
  assert.ok(
    [...result.errors, ...result.warnings].some((i) => i.path === 'events[1].status'),
    'the mistyped status is reported with its path',
  );
});

test('the AIIMS example, read as JSON, resolves every claim to a known relation and status', () => {
  const doc = JSON.parse(readFileSync('examples/data/aiims-delhi-2022.json', 'utf8')) as Incident;
  const result = parseIncident(doc);
  assert.deepEqual(result.errors, []);
  for (const c of result.resolved!.claims) {
    assert.ok(['infrastructure-located-in', 'actor-originates-from', 'claimed-responsibility'].includes(c.relation), c.id);
    assert.ok(STATUSES.includes(c.status), c.id);
  }
});
