import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEventDate, formatResolvedDate } from '../../src/i18n/format.js';
import { en, hi } from '../../src/i18n/messages.js';
import { resolveDate } from '../../src/model/dates.js';
import { parseIncident } from '../../src/model/parse.js';

const date = (text: string, zone: string) => {
  const r = resolveDate(text, zone);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

test('formatResolvedDate(…) writes years 1 to 99 as those years, in en-IN and hi-IN', () => {
  for (const zone of ['Asia/Kolkata', 'UTC', 'America/Los_Angeles']) {
    assert.equal(formatResolvedDate(date('0050-03-01', zone), 'en-IN', zone), '1 Mar 50', zone);
    assert.equal(formatResolvedDate(date('0050-03-01', zone), 'hi-IN', zone), '1 मार्च 50', zone);
    assert.equal(formatResolvedDate(date('0050-03', zone), 'en-IN', zone), 'Mar 50', zone);
    assert.equal(formatResolvedDate(date('0050', zone), 'en-IN', zone), '50', zone);
    assert.equal(formatResolvedDate(date('0050', zone), 'hi-IN', zone), '50', zone);
    assert.equal(formatResolvedDate(date('0001-01-01', zone), 'en-IN', zone), '1 Jan 1', zone);
    assert.equal(formatResolvedDate(date('0099-12-31', zone), 'en-IN', zone), '31 Dec 99', zone);
  }
});

test('formatResolvedDate(…) writes an early date with a time on its own day, in the incident zone', () => {
  const zone = 'Asia/Kolkata';
  assert.match(formatResolvedDate(date('0050-03-01T10:00', zone), 'en-IN', zone), /^1 Mar 50, 10:00\sam\b/);
  assert.match(formatResolvedDate(date('0050-03-01T23:30', zone), 'en-IN', zone), /^1 Mar 50, 11:30\spm\b/);
  assert.match(formatResolvedDate(date('0050-03-01T10:00', zone), 'hi-IN', zone), /^1 मार्च 50\b/);
  assert.match(formatResolvedDate(date('0050-03-01T10:00Z', zone), 'en-IN', 'UTC'), /^1 Mar 50, 10:00\sam UTC$/);
});

test('formatResolvedDate(…) says the era before AD 1, where the era year alone would read as AD 1', () => {
  assert.equal(formatResolvedDate(date('0000-06-01', 'UTC'), 'en-IN', 'UTC'), '1 Jun 1 BC');
  assert.equal(formatResolvedDate(date('0000', 'UTC'), 'en-IN', 'UTC'), '1 BC');
  assert.match(formatResolvedDate(date('0000-06-01', 'UTC'), 'hi-IN', 'UTC'), /ईसा-पूर्व/);
  assert.doesNotMatch(formatResolvedDate(date('2022-11-23', 'UTC'), 'en-IN', 'UTC'), /AD|BC/);
});

test('formatEventDate(…) shows an event in 0050 as 50, not 1950, with an incident timeZone', () => {
  const { resolved } = parseIncident({
    version: 1,
    title: 't',
    timeZone: 'Asia/Kolkata',
    sources: [{ id: 's' }],
    events: [
      { id: 'a', title: 'Early', start: '0050-03-01', status: 'confirmed', sources: ['s'] },
      { id: 'b', title: 'Span', start: '0100', end: '0400', status: 'confirmed', sources: ['s'] },
    ],
  });
  const [a, b] = resolved!.events;
  assert.equal(formatEventDate(a!, 'en-IN', 'Asia/Kolkata', en), '1 Mar 50');
  assert.equal(formatEventDate(a!, 'hi-IN', 'Asia/Kolkata', hi), '1 मार्च 50');
  assert.match(formatEventDate(b!, 'en-IN', 'Asia/Kolkata', en), /^100\s.+\s400$/);
});
