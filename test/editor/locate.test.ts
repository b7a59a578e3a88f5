import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonPaths, locateIssue, offsetOf, positionOf } from '../../src/editor/locate.js';

const text = `{
  "title": "T",
  "events": [
    { "id": "a", "start": "2022-11-23" },
    {
      "id": "b",
      "sorces": ["x"],
      "wei\\"rd": 1
    }
  ]
}`;

test('jsonPaths(…) records where each member and item begins, by the issues’ path notation', () => {
  const paths = jsonPaths(text);
  assert.equal(positionOf(text, paths.get('title')!).line, 2);
  assert.equal(positionOf(text, paths.get('events[0]')!).line, 4);
  assert.equal(positionOf(text, paths.get('events[0].start')!).column, 18);
  assert.equal(positionOf(text, paths.get('events[1].sorces')!).line, 7);
  assert.equal(positionOf(text, paths.get('events[1].sorces[0]')!).line, 7);
  assert.equal(positionOf(text, paths.get('events[1].wei"rd')!).line, 8, 'escaped keys are decoded');
});

test('locateIssue(…) points at the member, else the nearest enclosing one; STIX object names are skipped', () => {
  const paths = jsonPaths(text);
  assert.equal(locateIssue(text, { path: 'events[1].sorces', message: '' }, paths)!.line, 7);
  assert.equal(locateIssue(text, { path: 'events[1].status', message: 'is missing' }, paths)!.line, 5, 'a missing field: its object');
  assert.equal(locateIssue(text, { path: 'timeZone', message: 'is missing' }, paths)!.line, 1, 'a missing top-level field: the document');
  const stix = '{\n  "type": "bundle",\n  "objects": [\n    {},\n    { "published": "x" }\n  ]\n}';
  assert.equal(locateIssue(stix, { path: 'objects[1] (report--1234).published', message: '' }, jsonPaths(stix))!.line, 5);
});

test('locateIssue(…) uses an issue’s own line and column (syntax errors, CSV rows)', () => {
  const at = locateIssue(text, { path: 'line 7, column 7', message: '', line: 7, column: 7 }, null)!;
  assert.deepEqual(at, { line: 7, column: 7, offset: offsetOf(text, 7, 7) });
  assert.equal(text.slice(at.offset, at.offset + 8), '"sorces"');
  assert.equal(locateIssue('a,b\n1,2', { path: 'row 2, "a"', message: '' }, null), null, 'no line and no JSON: nowhere');
});

test('jsonPaths(…) keeps what it found before a syntax error, and never throws on garbage', () => {
  const paths = jsonPaths('{ "a": 1, "b": [1, 2,, ] }');
  assert.ok(paths.has('a'));
  assert.ok(paths.has('b[1]'));
  for (const junk of ['', '{', '[[[[', '"', '{"a"', 'nul', '}'.repeat(5), '['.repeat(10_000)]) assert.doesNotThrow(() => jsonPaths(junk));
});
