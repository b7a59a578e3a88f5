import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(read('schema/incident.schema.json'));

test('incident.schema.json accepts the AIIMS example, English and Hindi', () => {
  for (const file of ['aiims-delhi-2022.json', 'aiims-delhi-2022.hi.json']) {
    assert.equal(validate(read(`examples/data/${file}`)), true, `${file}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the Hindi edition tells the same story: same events, dates, statuses, sources and places', () => {
  const en = read('examples/data/aiims-delhi-2022.json');
  const hi = read('examples/data/aiims-delhi-2022.hi.json');
  const facts = (d: any) => ({
    events: d.events.map((e: any) => [
      e.id,
      e.start,
      e.end,
      e.precision,
      e.status,
      e.confidence,
      e.sources,
      e.lane,
      e.milestone,
      e.dateKind,
      e.places,
      e.techniques,
      e.conflicts?.map((c: any) => [c.date, c.sources]),
    ]),
    claims: d.claims.map((c: any) => [c.id, c.from, c.to, c.relation, c.status, c.confidence, c.sources, c.event]),
    places: d.places.map((p: any) => [p.id, p.lat, p.lon, p.precisionMeters, p.role, JSON.stringify(p.shape)]),
    sources: d.sources,
  });
  assert.deepEqual(facts(hi), facts(en));
});

test('both editions of the AIIMS story read with no errors and no warnings', async () => {
  const { parseIncident } = await import('../../src/model/parse.js');
  for (const file of ['aiims-delhi-2022.json', 'aiims-delhi-2022.hi.json']) {
    const { errors, warnings } = parseIncident(read(`examples/data/${file}`));
    assert.deepEqual([...errors, ...warnings], [], file);
  }
});

test('incident.schema.json rejects what the parser rejects: bad dates, unknown statuses, misspelt fields', () => {
  const base = read('examples/data/aiims-delhi-2022.json');
  const cases: [string, (d: any) => void][] = [
    ['a date that is not ISO', (d) => (d.events[0].start = '23/11/2022')],
    ['an unknown status', (d) => (d.events[0].status = 'confirmed-on-record')],
    ['a misspelt field', (d) => (d.events[0].tittle = 'x')],
    ['a relation that names the attacker', (d) => (d.claims[0].relation = 'the-attacker')],
    ['a javascript: link', (d) => (d.sources[1].url = 'javascript:alert(1)')],
  ];
  for (const [what, change] of cases) {
    const doc = structuredClone(base);
    change(doc);
    assert.equal(validate(doc), false, what);
  }
});
