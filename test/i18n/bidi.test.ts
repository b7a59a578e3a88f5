import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balanceIsolates, isolate } from '../../src/i18n/bidi.js';

test('isolate leaves left-to-right text alone and wraps text that could reorder its neighbours', () => {
  assert.equal(isolate('AIIMS Delhi server down'), 'AIIMS Delhi server down');
  assert.equal(isolate('एम्स दिल्ली'), 'एम्स दिल्ली', 'Devanagari is left-to-right');
  assert.equal(isolate('\u202Eevil'), '\u2068\u202Eevil\u2069');
  assert.equal(isolate('שלום'), '\u2068שלום\u2069');
  assert.equal(isolate('مرحبا'), '\u2068مرحبا\u2069');
});

test('isolate drops terminators inside the data, so it cannot close its own isolate early', () => {
  assert.equal(isolate('a\u2069\u202Eb\u202C'), '\u2068a\u202Eb\u2069');
});

test('balanceIsolates closes an isolate cut across lines and opens it again on the next', () => {
  assert.deepEqual(balanceIsolates(['23 Nov · \u2068\u202Elong lane', 'label\u2069 · Reported']), ['23 Nov · \u2068\u202Elong lane\u2069', '\u2068label\u2069 · Reported']);
  assert.deepEqual(balanceIsolates(['plain', 'lines']), ['plain', 'lines']);
});
