import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en, hi, messagesFor, type Messages } from '../../src/i18n/messages.js';
import { counting } from '../../src/i18n/plural.js';

test('count(…) picks the CLDR form and groups the number for the locale', () => {
  const english = counting('en-IN');
  const forms = { one: '# event', other: '# events' };
  assert.equal(english.count(1, forms), '1 event');
  assert.equal(english.count(0, forms), '0 events');
  assert.equal(english.count(100000, forms), '1,00,000 events');
  assert.equal(counting('en-US').count(100000, forms), '100,000 events');
  // Hindi's "one" covers 0 and 1 (CLDR: i = 0 or n = 1).
  const hindi = counting('hi-IN');
  const hiForms = { one: '# घटना', other: '# घटनाएँ' };
  assert.equal(hindi.count(0, hiForms), '0 घटना');
  assert.equal(hindi.count(1, hiForms), '1 घटना');
  assert.equal(hindi.count(2, hiForms), '2 घटनाएँ');
  assert.equal(hindi.count(12500000, hiForms), '1,25,00,000 घटनाएँ');
});

test('count(…) falls back to `other` for a form the phrase does not give', () => {
  // Arabic has "two", "few" and "many"; a phrase that gives only "other" still reads.
  assert.equal(counting('ar').count(3, { other: '# x' }), `${new Intl.NumberFormat('ar').format(3)} x`);
  assert.equal(counting('en').count(1, { other: '# sheep' }), '1 sheep');
});

test('messagesFor(…) gives Hindi for hi* and English otherwise, with counts for that locale', () => {
  assert.equal(messagesFor('en-IN').common.events(100000), '1,00,000 events');
  assert.equal(messagesFor('en-US').common.events(100000), '100,000 events');
  assert.equal(messagesFor('hi-IN').common.events(12500000), '1,25,00,000 घटनाएँ');
  assert.equal(messagesFor('hi').story.stepPosition(2, 20), '20 में से घटना 2:');
  assert.equal(messagesFor('fr-FR').timeline.zoomIn, 'Zoom in');
  assert.equal(messagesFor('en-IN'), en, 'catalogues are made once per locale');
});

test('counted phrases agree in number in both locales', () => {
  assert.equal(en.timeline.summary(1, 'a', 'b', 'IST'), '1 event from a to b. Times in IST.');
  assert.equal(en.common.partialErrorTitle(1), '1 item in the data could not be shown');
  assert.equal(en.common.partialErrorTitle(3), '3 items in the data could not be shown');
  assert.equal(en.story.stepStart(1), '1 event. Step through them with Next.');
  assert.equal(hi.common.partialErrorTitle(1), 'डेटा की 1 प्रविष्टि नहीं दिखाई जा सकी');
  assert.equal(hi.common.partialErrorTitle(4), 'डेटा की 4 प्रविष्टियाँ नहीं दिखाई जा सकीं');
  assert.equal(hi.timeline.binLabel(5, 'a', 'b'), 'a से b तक 5 घटनाएँ। ज़ूम करने के लिए Enter दबाएँ।');
});

test('every locale fills every string: no key is empty in either catalogue', () => {
  const leaves = (m: unknown, path: string, out: [string, unknown][]) => {
    if (m && typeof m === 'object') for (const [k, v] of Object.entries(m)) leaves(v, `${path}.${k}`, out);
    else out.push([path, m]);
    return out;
  };
  const a = leaves(en, '', []);
  const b = leaves(hi, '', []);
  assert.deepEqual(
    b.map(([p]) => p),
    a.map(([p]) => p),
  );
  for (const [path, v] of [...a, ...b]) {
    if (typeof v === 'string') assert.ok(v.trim(), `${path} is empty`);
    else assert.equal(typeof v, 'function', path);
  }
  const groups: (keyof Messages)[] = ['common', 'timeline', 'map', 'story'];
  assert.deepEqual(Object.keys(en), groups);
});

test("sentences(…) joins with each language's full stop, and claimBy reads as reported speech, not a quote", () => {
  assert.equal(en.common.sentences(['One', '', 'Two']), 'One. Two');
  assert.equal(hi.common.sentences(['एक', 'दो']), 'एक। दो');
  assert.equal(en.map.claimBy('Delhi Police', 'the IP addresses were traced to Hong Kong'), 'Delhi Police said the IP addresses were traced to Hong Kong');
  assert.equal(hi.map.claimBy('दिल्ली पुलिस', 'आईपी एड्रेस हांगकांग के निकले'), 'दिल्ली पुलिस के अनुसार, आईपी एड्रेस हांगकांग के निकले');
  assert.ok(!/origin|come from/i.test(en.map.title + en.map.role.infrastructure));
  assert.equal(hi.common.confidence(hi.common.likelihood.likely, 70), 'अधिक संभावना (100 में से 70), संपादकीय आकलन');
});

test('ATT&CK codes have their names and links', async () => {
  const { techniqueName, techniqueUrl } = await import('../../src/i18n/attack-techniques.js');
  assert.equal(techniqueName('T1486'), 'Data Encrypted for Impact');
  assert.equal(techniqueUrl('T1486'), 'https://attack.mitre.org/techniques/T1486/');
  assert.equal(techniqueUrl('T1566.001'), 'https://attack.mitre.org/techniques/T1566/001/');
  assert.equal(techniqueUrl('javascript:alert(1)'), null);
  assert.equal(techniqueName('T9999'), undefined);
});

test('sentences(…) adds no second full stop after a part that ends one', () => {
  assert.equal(en.common.sentences(['Police said the IPs were traced.', 'Confirmed on the record']), 'Police said the IPs were traced. Confirmed on the record');
  assert.equal(hi.common.sentences(['पुलिस के अनुसार, आईपी एड्रेस निकले।', 'आधिकारिक पुष्टि']), 'पुलिस के अनुसार, आईपी एड्रेस निकले। आधिकारिक पुष्टि');
  assert.equal(en.common.sentences(['He said “no demand.”', 'Denied']), 'He said “no demand.” Denied');
});
