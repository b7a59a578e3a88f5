import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident, parseIncidentJson } from '../../src/model/parse.js';

// Seeded, so a failure is reproducible; 300 runs each keeps the suite fast.
const params = { seed: 20221123, numRuns: 300 };

test('parseIncident(any JSON value) never throws, and every issue names a path', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const r = parseIncident(value);
      for (const issue of [...r.errors, ...r.warnings]) {
        assert.equal(typeof issue.path, 'string');
        assert.ok(issue.message.length > 0);
      }
      if (r.incident === null) assert.ok(r.errors.length > 0, 'a document that cannot be drawn says why');
    }),
    params,
  );
});

test('parseIncidentJson(any string) never throws', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const r = parseIncidentJson(text);
      assert.ok(r.incident !== undefined);
    }),
    params,
  );
});

/** Incidents that are valid by construction: the parser must hand them back unchanged. */
const isoDay = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const date = fc.oneof(
  isoDay,
  isoDay.map((d) => d.slice(0, 7)),
  isoDay.map((d) => d.slice(0, 4)),
  fc.tuple(isoDay, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}+05:30`),
);
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
const status = fc.constantFrom('confirmed', 'reported', 'single-source', 'disputed', 'denied');
const incident = fc
  .record({
    title: text,
    summary: text,
    sourceIds: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 4 }),
    events: fc.array(fc.record({ title: text, start: date, status, confidence: fc.integer({ min: 0, max: 100 }), milestone: fc.boolean() }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ title, summary, sourceIds, events }) => ({
    version: 1 as const,
    id: 'generated',
    title,
    summary,
    timeZone: 'Asia/Kolkata',
    lanes: [{ id: 'main', label: 'Main' }],
    events: events.map((e, i) => ({ id: `e${i}`, ...e, lane: 'main', sources: [sourceIds[i % sourceIds.length]] })),
    sources: sourceIds.map((id) => ({ id, title: `Source ${id}`, url: `https://example.org/${id}` })),
  }));

test('parseIncident(valid incident) round-trips unchanged, with no errors or warnings', () => {
  fc.assert(
    fc.property(incident, (doc) => {
      const r = parseIncident(structuredClone(doc));
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.warnings, []);
      assert.deepEqual(r.incident, doc);
      assert.equal(r.resolved?.events.length, doc.events.length);
    }),
    params,
  );
});

test('parseIncident(valid incident with one field broken) reports that field by path', () => {
  fc.assert(
    fc.property(incident, fc.nat(), fc.constantFrom('2022-13-01', 'soon', '', '23/11/2022'), (doc, n, bad) => {
      const i = n % doc.events.length;
      const broken = structuredClone(doc) as { events: { start: string }[] };
      broken.events[i]!.start = bad; // i < events.length
      const r = parseIncident(broken);
      assert.deepEqual(
        r.errors.map((e) => e.path),
        [`events[${i}].start`],
      );
      assert.equal(r.incident?.events.length ?? 0, doc.events.length - 1);
    }),
    params,
  );
});
