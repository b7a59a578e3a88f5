import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, isDataType, loadLimits, MAX_TIMEOUT } from '../../src/internal/load.js';

test('loadLimits(…) keeps whole numbers above 0, without a warning', () => {
  assert.deepEqual(loadLimits({ timeout: 300, maxBytes: '1000000' }), { timeout: 300, maxBytes: 1_000_000, warnings: [] });
  assert.deepEqual(loadLimits({ timeout: MAX_TIMEOUT, maxBytes: 1 }), { timeout: MAX_TIMEOUT, maxBytes: 1, warnings: [] });
});

test('loadLimits(…) reads unset values (null, undefined: a removed attribute) as the defaults, silently', () => {
  assert.deepEqual(loadLimits({ timeout: null, maxBytes: undefined }), { timeout: DEFAULT_TIMEOUT, maxBytes: DEFAULT_MAX_BYTES, warnings: [] });
});

test('loadLimits(…) replaces anything else by the default, naming the attribute and the value as written', () => {
  for (const bad of [Number.NaN, -1, 0, 1.5, Infinity, '', 'abc', true, {}]) {
    const r = loadLimits({ timeout: bad, maxBytes: bad });
    assert.equal(r.timeout, DEFAULT_TIMEOUT, JSON.stringify(bad));
    assert.equal(r.maxBytes, DEFAULT_MAX_BYTES, JSON.stringify(bad));
    assert.deepEqual(
      r.warnings.map((w) => w.path),
      ['timeout', 'max-bytes'],
    );
  }
  const r = loadLimits({ timeout: Number.NaN, maxBytes: Number.NaN }, { timeout: '10s', maxBytes: '5MB' });
  assert.deepEqual(r.warnings, [
    { path: 'timeout', message: '"10s" is not a number of milliseconds (a whole number above 0); using 10,000' },
    { path: 'max-bytes', message: '"5MB" is not a number of bytes (a whole number above 0); using 5,000,000' },
  ]);
});

test('loadLimits(…) clamps a timeout longer than setTimeout can wait', () => {
  const r = loadLimits({ timeout: 3_000_000_000, maxBytes: 10 });
  assert.equal(r.timeout, MAX_TIMEOUT);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0]!.message, /^"3000000000" is longer than a browser can wait/);
});

test('isDataType(…) takes JSON and CSV types, with parameters, and nothing else', () => {
  for (const t of [
    'application/json',
    'application/json; charset=utf-8',
    'TEXT/JSON',
    'application/stix+json;version=2.1',
    'application/geo+json',
    'text/csv',
    'application/csv',
  ]) {
    assert.equal(isDataType(t), true, t);
  }
  for (const t of [null, '', 'text/html', 'text/plain', 'application/octet-stream', 'application/javascript', 'application/jsonp', 'text/csv-schema', '+json']) {
    assert.equal(isDataType(t), false, String(t));
  }
});
