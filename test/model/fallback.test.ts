import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fallbackHtml } from '../../src/model/fallback.js';
import type { Incident, IncidentEvent } from '../../src/model/types.js';

const incident = (events: Partial<IncidentEvent>[], extra: Partial<Incident> = {}): Incident => ({
  version: 1,
  title: 'Timeline: the ransomware attack on AIIMS New Delhi',
  summary: 'Servers at India’s premier hospital went down.',
  timeZone: 'Asia/Kolkata',
  sources: [
    { id: 'ndtv', publisher: 'NDTV', title: 'AIIMS server down', url: 'https://www.ndtv.com/aiims' },
    { id: 'scroll', publisher: 'Scroll.in', url: 'https://scroll.in/article/1' },
    { id: 'memo', title: 'Internal memo' },
  ],
  events: events.map((e, i) => ({ id: `e${i}`, title: `Event ${i}`, start: '2022-11-23', status: 'confirmed', ...e })),
  ...extra,
});

const items = (html: string) => html.split('\n').filter((l) => l.trim().startsWith('<li>'));
/** The first list item, which must be there. */
const firstItem = (html: string): string => {
  const [first] = items(html);
  assert.ok(first !== undefined, `no list item in ${html}`);
  return first;
};

test('fallbackHtml(incident) gives a heading, the summary and an ordered list', () => {
  const html = fallbackHtml(incident([{ title: 'Attack', sources: ['ndtv'] }]));
  assert.match(html, /^<h2>Timeline: the ransomware attack on AIIMS New Delhi<\/h2>\n<p>Servers at India’s premier hospital went down\.<\/p>\n<ol>\n {2}<li>/);
  assert.match(html, /<\/li>\n<\/ol>\n$/);
  assert.equal(items(html).length, 1);
});

test('fallbackHtml(…) lists events in time order, ties in file order', () => {
  const html = fallbackHtml(
    incident([
      { title: 'Third', start: '2022-12-01' },
      { title: 'First', start: '2022-11-23T07:00+05:30' },
      { title: 'Second A', start: '2022-11-25' },
      { title: 'Second B', start: '2022-11-25' },
    ]),
  );
  const titles = items(html).map((l) => /: ([^<(]+?)(?: \(|<\/li>)/.exec(l)?.[1]);
  assert.deepEqual(titles, ['First', 'Second A', 'Second B', 'Third']);
});

test('fallbackHtml(…) gives <time datetime> as written for offsets and dates, with the zone offset for local times', () => {
  const html = fallbackHtml(
    incident([
      { title: 'A', start: '2022-11-23T07:00+05:30' },
      { title: 'B', start: '2022-11-24' },
      { title: 'C', start: '2022-11-25T14:30' },
    ]),
  );
  const [a, b, c] = items(html);
  assert.ok(a && b && c);
  assert.match(a, /<time datetime="2022-11-23T07:00\+05:30">23 Nov 2022, 7:00 am IST<\/time>: A/);
  assert.match(b, /<time datetime="2022-11-24">24 Nov 2022<\/time>: B/);
  assert.match(c, /<time datetime="2022-11-25T14:30\+05:30">25 Nov 2022, 2:30 pm IST<\/time>: C/);
});

test('fallbackHtml(…) formats dates in the incident’s zone, not the machine’s', () => {
  // 18:30 UTC on the 12th is the 13th in Kolkata, whatever TZ the test runs in.
  const html = fallbackHtml(incident([{ title: 'Late', start: '2022-11-12T18:30Z' }]));
  assert.match(firstItem(html), /<time datetime="2022-11-12T18:30Z">13 Nov 2022, 12:00 am IST<\/time>/);
  const local = fallbackHtml(incident([{ title: 'Late', start: '2022-11-12T23:30' }]));
  assert.match(firstItem(local), /<time datetime="2022-11-12T23:30\+05:30">12 Nov 2022, 11:30 pm IST<\/time>/);
});

test('fallbackHtml(…) uses displayDate when given', () => {
  const html = fallbackHtml(incident([{ title: 'Case filed', start: '2022-11-25', displayDate: '24 or 25 Nov 2022' }]));
  assert.match(firstItem(html), /<time datetime="2022-11-25">24 or 25 Nov 2022<\/time>: Case filed/);
});

test('fallbackHtml(…) formats month and year precision', () => {
  const html = fallbackHtml(
    incident([
      { title: 'Month', start: '2022-11' },
      { title: 'Month by precision', start: '2022-12-14', precision: 'month' },
      { title: 'Year', start: '2023' },
    ]),
  );
  const [m, p, y] = items(html);
  assert.ok(m && p && y);
  assert.match(m, /<time datetime="2022-11">Nov 2022<\/time>/);
  assert.match(p, /<time datetime="2022-12">Dec 2022<\/time>/);
  assert.match(y, /<time datetime="2023">2023<\/time>/);
});

test('fallbackHtml(…) links sources by publisher, else title, with http(s) links only', () => {
  const html = fallbackHtml(incident([{ title: 'Attack', sources: ['ndtv', 'scroll', 'memo'] }]));
  assert.match(firstItem(html), /\(<a href="https:\/\/www\.ndtv\.com\/aiims">NDTV<\/a>, <a href="https:\/\/scroll\.in\/article\/1">Scroll\.in<\/a>, Internal memo\)<\/li>$/);
});

test('fallbackHtml(…) escapes markup in titles, summary, dates and sources, and drops javascript: links', () => {
  const evil = '<img src=x onerror="alert(1)">&\'';
  const html = fallbackHtml({
    version: 1,
    title: `<script>alert('t')</script>`,
    summary: evil,
    timeZone: 'Asia/Kolkata',
    sources: [
      { id: 'bad', publisher: '<b>Evil</b> "Times"', url: 'javascript:alert(1)' },
      { id: 'odd', publisher: 'Odd', url: 'https://example.org/?q="><script>x</script>&a=1' },
    ],
    events: [{ id: 'e', title: evil, start: '2022-11-23', displayDate: '<i>soon</i>', sources: ['bad', 'odd'] }],
  });
  assert.doesNotMatch(html, /<script|<img|<b>|<i>|javascript:/i);
  assert.match(html, /<h2>&lt;script&gt;alert\(&#39;t&#39;\)&lt;\/script&gt;<\/h2>/);
  assert.match(html, /<p>&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;&amp;&#39;<\/p>/);
  assert.match(html, /<time datetime="2022-11-23">&lt;i&gt;soon&lt;\/i&gt;<\/time>/);
  assert.match(html, /\(&lt;b&gt;Evil&lt;\/b&gt; &quot;Times&quot;, <a href="https:\/\/example\.org\/\?q=%22%3E%3Cscript%3Ex%3C\/script%3E&amp;a=1">Odd<\/a>\)/);
  // The only attributes are datetime and href.
  const attributes = [...html.matchAll(/<[a-z0-9]+((?:\s+[a-z-]+="[^"]*")*)\s*>/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/\s([a-z-]+)="/g)].map((a) => a[1]));
  assert.deepEqual([...new Set(attributes)].sort(), ['datetime', 'href']);
});

test('fallbackHtml(…, { locale: "hi" }) formats dates in Hindi', () => {
  const html = fallbackHtml(
    incident([
      { title: 'Attack', start: '2022-11-23' },
      { title: 'Month', start: '2022-12' },
    ]),
    { locale: 'hi' },
  );
  const [day, month] = items(html);
  assert.ok(day && month);
  // The month in full ("नवंबर", never "नव॰"), Latin digits.
  assert.ok(day.includes('<time datetime="2022-11-23">23 नवंबर 2022</time>'), day);
  assert.match(month, /<time datetime="2022-12">दिसंबर 2022<\/time>/);
});

test('fallbackHtml(…) is deterministic and leaves out an empty list', () => {
  const doc = incident([{ title: 'A', start: '2022-11-23T07:00' }]);
  assert.equal(fallbackHtml(doc), fallbackHtml(structuredClone(doc)));
  const none = fallbackHtml({ version: 1, title: 'Nothing yet', events: [] });
  assert.equal(none, '<h2>Nothing yet</h2>\n');
});

test('fallbackHtml(…) says when a headline shown as the source was not verified', () => {
  const html = fallbackHtml({
    version: 1,
    title: 'T',
    timeZone: 'UTC',
    sources: [
      { id: 'a', title: 'Rebuilt from the URL', url: 'https://news.example.com/a', titleVerified: false },
      { id: 'b', title: 'Seen on the page', url: 'https://news.example.com/b' },
      { id: 'c', publisher: 'Example Daily', title: 'Not shown: the publisher names it', titleVerified: false },
    ],
    events: [{ id: 'e', title: 'E', start: '2022-11-23', status: 'confirmed', sources: ['a', 'b', 'c'] }],
  });
  assert.match(html, /Rebuilt from the URL<\/a> \(headline not verified\)/);
  assert.match(html, /Seen on the page<\/a>, /);
  assert.match(html, /, Example Daily\)<\/li>/);
  assert.match(
    fallbackHtml(
      { version: 1, title: 'T', timeZone: 'UTC', sources: [{ id: 'a', title: 'X', titleVerified: false }], events: [{ id: 'e', title: 'E', start: '2022', sources: ['a'] }] },
      { locale: 'hi' },
    ),
    /X \(शीर्षक की पुष्टि नहीं\)/,
  );
});
