import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iframeSnippet, inlineJson, scriptSnippet, storyId } from '../../src/editor/snippet.js';
import type { Incident } from '../../src/model/types.js';

const incident: Incident = { version: 1, title: 'A "story" <b>', timeZone: 'UTC', events: [{ id: 'a', title: '</script><script>alert(1)</script>', start: '2024-01-01' }] };
const options = {
  id: 'desk',
  scriptUrl: 'https://cdn.example/dist/attack-timeline.min.js',
  embedUrl: 'https://cdn.example/examples/',
  fallback: '<h2>A</h2>\n<ol>\n  <li>x</li>\n</ol>\n',
};

test('inlineJson(…) cannot close its script or open a comment, and reads back unchanged', () => {
  const text = inlineJson(incident);
  assert.ok(!/<\/?script|<!--/i.test(text));
  assert.ok(!text.includes('<'));
  assert.deepEqual(JSON.parse(text), incident);
  assert.deepEqual(JSON.parse(inlineJson({ s: '\u2028\u2029&' })), { s: '\u2028\u2029&' });
});

test('scriptSnippet(…): the library, the story with its data inline or by URL, the fallback, and the reserved heights', () => {
  const inline = scriptSnippet(incident, { ...options, minHeights: { phone: 1200.4, desktop: 700 } });
  assert.match(inline, /<script type="module" src="https:\/\/cdn\.example\/dist\/attack-timeline\.min\.js"><\/script>/);
  assert.match(inline, /<attack-story id="desk" style="--attack-story-min-height: 1201px; --attack-story-min-height-wide: 700px">\n {2}<script type="application\/json">\n/);
  assert.match(inline, / {2}<ol>\n {4}<li>x<\/li>\n {2}<\/ol>\n<\/attack-story>/);
  const byUrl = scriptSnippet(incident, { ...options, dataUrl: 'https://news.example/d.json?a=1&b="2"' });
  assert.match(byUrl, /<attack-story id="desk" src="https:\/\/news\.example\/d\.json\?a=1&amp;b=&quot;2&quot;">/);
  assert.ok(!byUrl.includes('application/json'));
  assert.ok(!byUrl.includes('style='), 'no heights measured: nothing reserved');
});

test('iframeSnippet(…): the embed page with the data URL, the parent script, a fallback for readers without scripts', () => {
  const html = iframeSnippet(incident, { ...options, dataUrl: 'https://news.example/d.json', minHeights: { phone: 1500, desktop: 800 } });
  assert.match(html, /title="A &quot;story&quot; &lt;b&gt;"/);
  assert.match(html, /src="https:\/\/cdn\.example\/examples\/embed\.html\?src=https%3A%2F%2Fnews\.example%2Fd\.json&amp;key=desk&amp;childId=desk"/);
  assert.match(html, /height="1500"/);
  assert.match(html, /<script type="module" src="https:\/\/cdn\.example\/examples\/embed-parent\.js"><\/script>/);
  assert.match(html, /<noscript>\n {2}<h2>A<\/h2>/);
  assert.match(iframeSnippet(incident, options), /Replace DATA-URL/);
  assert.doesNotMatch(html, /embed\.html\?[^"]*parent=/, 'no host origin given: no pin');
});

test('iframeSnippet(…): a known host origin pins the embed to it (parent=), anything else pins nothing', () => {
  const pinned = iframeSnippet(incident, { ...options, dataUrl: 'https://news.example/d.json', parentOrigin: 'https://News.Example/articles/x?y=1' });
  assert.match(pinned, /src="https:\/\/cdn\.example\/examples\/embed\.html\?src=[^"]*&amp;childId=desk&amp;parent=https%3A%2F%2Fnews\.example"/);
  assert.match(pinned, /talks only to pages on https:\/\/news\.example/);
  for (const parentOrigin of ['javascript:alert(1)', 'news.example', '', 'file:///x']) {
    assert.doesNotMatch(iframeSnippet(incident, { ...options, parentOrigin }), /embed\.html\?[^"]*parent=/, parentOrigin);
  }
});

test('storyId(…) is a page-safe id from the incident id or title', () => {
  assert.equal(storyId({ id: 'aiims-delhi-2022', title: 'x' }), 'aiims-delhi-2022');
  assert.equal(storyId({ title: '2022: Ransomware at "AIIMS"!' }), 'ransomware-at-aiims');
  assert.equal(storyId({ title: 'एम्स' }), 'story');
  assert.match(storyId({ title: 'a'.repeat(100) }), /^a{40}$/);
});
