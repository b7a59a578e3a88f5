import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { exportIncident, importIncident } from '../../../src/model/formats/index.js';
import { parseIncident } from '../../../src/model/parse.js';
import { templateCsv } from './fixtures/template.js';

test('importIncident(…) reads our CSV template with its story and sources tables', () => {
  const r = importIncident(templateCsv);
  assert.equal(r.format, 'csv');
  const doc = r.incident!;
  assert.deepEqual([doc.title, doc.timeZone, doc.updated], ['Ransomware at City Hospital', 'Asia/Kolkata', '2023-03-10']);
  const [dark, manual, police] = doc.events;
  assert.ok(dark && manual && police);
  assert.equal(dark.description, 'Staff see a ransom note.\nThen "all files locked".');
  assert.deepEqual([dark.status, dark.milestone, dark.techniques, dark.lane], ['confirmed', true, ['T1486'], 'Attack']);
  assert.equal(manual.id, 'manual-records', 'a blank id comes from the title');
  assert.equal(manual.confidence, 'likely');
  assert.deepEqual(manual.conflicts, [{ date: '2023-03-06', note: 'One outlet says six days' }]);
  assert.deepEqual([police.confidence, police.displayDate, police.milestone], [70, 'Early April', false]);
  const source = (id: string | undefined) => doc.sources!.find((s) => s.id === id)!;
  assert.deepEqual([source(dark.sources![0]).title, source(dark.sources![0]).publisher], ['Hospital hit by ransomware', 'Daily Example']);
  assert.equal(source(police.sources![0]).publisher, 'City Police');
  assert.equal(manual.sources!.length, 2);
});

test('importIncident(…) names the row and column of a bad cell, and its line', () => {
  const r = importIncident(templateCsv);
  const bad = r.errors.find((e) => e.path === 'row 8, "start"');
  assert.ok(bad, JSON.stringify(r.errors));
  assert.match(bad.message, /23\/03\/2023/);
  assert.equal(bad.line, 10, 'row 8 starts on line 10: two cells above span two lines');
  assert.equal(r.incident!.events.length, 3);
});

test('importIncident(…) warns once about links that have no title or publisher', () => {
  const r = importIncident(templateCsv);
  const w = r.warnings.filter((x) => x.path === 'sources');
  assert.equal(w.length, 1);
  assert.match(w[0]!.message, /1 link has no title/);
});

test('exportIncident(…, "csv") round-trips every event\'s id, title, dates, status, confidence and sources', () => {
  const aiims = JSON.parse(readFileSync('examples/data/aiims-delhi-2022.json', 'utf8'));
  const original = parseIncident(aiims).incident!;
  const csv = exportIncident(original, 'csv');
  const back = importIncident(csv);
  assert.deepEqual(back.errors, []);
  const doc = back.incident!;
  assert.equal(doc.title, original.title);
  assert.equal(doc.timeZone, original.timeZone);
  assert.equal(doc.events.length, original.events.length);
  const sourceOf = (d: typeof doc, id: string) => {
    const s = d.sources!.find((x) => x.id === id)!;
    return [s.url, s.title, s.publisher, s.published];
  };
  original.events.forEach((e, i) => {
    const b = doc.events[i];
    assert.ok(b, e.id);
    const pick = (x: typeof e) => [
      x.id,
      x.title,
      x.start,
      x.end,
      x.precision,
      x.displayDate,
      x.status,
      x.confidence,
      x.description,
      x.lane,
      x.milestone,
      x.techniques,
      x.conflicts,
    ];
    assert.deepEqual(pick(b), pick(e), e.id);
    assert.deepEqual(
      b.sources!.map((id) => sourceOf(doc, id)),
      e.sources!.map((id) => sourceOf(original, id)),
      e.id,
    );
  });
});

test('examples/template.csv imports without errors', () => {
  const r = importIncident(readFileSync('examples/template.csv', 'utf8'));
  assert.deepEqual(r.errors, []);
  assert.ok(r.incident!.events.length >= 3);
});

test('importIncident(…) splits links typed with commas, and names a link by its address until the sources table does', () => {
  const r = importIncident('id,start,title,status,sources\na,2023-03-04,A,confirmed,"https://a.example/1,https://a.example/2; https://b.example/3"\n', { timeZone: 'UTC' });
  const doc = r.incident!;
  assert.deepEqual(
    doc.sources!.map((s) => [s.url, s.title]),
    [
      ['https://a.example/1', 'a.example'],
      ['https://a.example/2', 'a.example'],
      ['https://b.example/3', 'b.example'],
    ],
  );
  assert.equal(doc.events[0]?.sources?.length, 3);
});

test('importIncident(…) names cells by the header as the sheet writes it', () => {
  const r = importIncident('ID,Start,Title,Status,Confidence,Date_Kind\na,2023-03-04,A,Confirmed,sure,Reported\n', { timeZone: 'UTC' });
  assert.equal(r.incident!.events[0]?.status, 'confirmed');
  assert.equal(r.incident!.events[0]?.dateKind, 'reported', 'a dropdown word is read whatever its case');
  assert.ok(
    r.warnings.some((w) => w.path === 'row 2, "Confidence"'),
    JSON.stringify(r.warnings),
  );
});

test('exportIncident(…, "csv") keeps lane labels and source ids with spaces', () => {
  const incident = {
    version: 1 as const,
    title: 't',
    timeZone: 'UTC',
    lanes: [{ id: 'attack', label: 'Attack & impact' }],
    sources: [
      { id: 'police statement', publisher: 'City Police' },
      { id: 'daily', url: 'https://news.example.com/1', title: 'Story' },
    ],
    events: [{ id: 'a', title: 'A', start: '2023-03-04', lane: 'attack', status: 'confirmed' as const, sources: ['police statement', 'daily'] }],
  };
  const back = importIncident(exportIncident(incident, 'csv'));
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.incident!.lanes, incident.lanes);
  assert.deepEqual(back.incident!.events[0]?.sources, ['police statement', 'daily']);
});

test('exportIncident(…) refuses an unknown format and an incident with nothing to export, clearly', () => {
  assert.throws(() => exportIncident({} as never, 'csv'), /nothing to export: events: is missing/);
  assert.throws(() => exportIncident({ version: 1, title: 't', events: [] }, 'pdf' as never), /"pdf" is not a format/);
});
