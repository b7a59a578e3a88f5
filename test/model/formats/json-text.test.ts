import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson } from '../../../src/model/formats/json-text.js';
import { importIncident } from '../../../src/model/formats/index.js';

const error = (text: string) => {
  const r = readJson(text);
  assert.equal(r.ok, false);
  return (r as { error: { path: string; message: string } }).error;
};

test('readJson(…) names the line and column of a stray comma', () => {
  const e = error('{\n  "version": 1,\n  "title": "x",\n  "events": [\n    {"id": "a",, "title": "b"}\n  ]\n}');
  assert.equal(e.path, 'line 5, column 16');
  assert.equal(e.message, 'unexpected ",", expected a quoted property name');
});

test('readJson(…) explains trailing commas, single quotes and unclosed strings', () => {
  assert.match(error('{"a": [1, 2,]}').message, /trailing comma/);
  assert.match(error("{'a': 1}").message, /double quotes/);
  assert.equal(error('{"a": "open\n}').path, 'line 1, column 12');
  assert.match(error('').message, /end of the text/);
});

test('importIncident(…) reports a JSON syntax error by line and column, never a bare parser message', () => {
  const r = importIncident('{"version": 1,\n "events": [}');
  assert.equal(r.incident, null);
  const [error] = r.errors;
  assert.ok(error);
  assert.deepEqual([error.line, error.column], [2, 13]);
  assert.doesNotMatch(error.message, /JSON\.parse|Unexpected token/);
});

test('importIncident(…) says when the text is a web page, as a sheet link that is not published gives', () => {
  const r = importIncident('<!DOCTYPE html><html><title>Sign in</title>');
  const [error] = r.errors;
  assert.ok(error);
  assert.match(error.message, /Publish to web/);
});
