import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportIncident, importIncident } from '../../../src/model/formats/index.js';
import { excelCsv, sheetCsv, timelineJson } from './fixtures/timelinejs.js';

const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

test('importIncident(…) detects TimelineJS3 JSON and maps title, events, groups and eras', () => {
  const r = importIncident(JSON.stringify(timelineJson), { timeZone: 'Asia/Kolkata' });
  assert.equal(r.format, 'timelinejs');
  const doc = r.incident!;
  assert.equal(doc.title, 'Ransomware at City Hospital');
  assert.equal(doc.summary, 'How a weekend attack shut the records system.\nUpdated & sourced.');
  assert.equal(doc.timeZone, 'Asia/Kolkata');
  const [first, second, third, era] = doc.events;
  assert.ok(first && second && third && era);
  assert.deepEqual([first.id, first.title, first.start, first.lane], ['screens-dark', 'Screens go dark', '2023-03-04T07:15', 'attack']);
  assert.equal(first.description, 'Staff see a ransom note.\nReported by Daily Example.');
  assert.deepEqual([second.id, second.start, second.end, second.lane], ['manual-records', '2023-03-05', '2023-03-09', 'response']);
  assert.equal(second.description, 'Paper forms – for five days.\nQueues grow.');
  assert.deepEqual([third.start, third.displayDate], ['2023-04', 'Early April']);
  assert.equal(third.description, 'Case under the IT Act.', 'script content is dropped, never kept as markup');
  assert.deepEqual([era.title, era.start, era.end, era.kind], ['Systems offline', '2023-03-04', '2023-03-20', 'era']);
  assert.deepEqual(
    doc.lanes!.map((l) => l.label),
    ['Attack', 'Response', 'Periods'],
  );
  assert.equal(r.resolved!.events.find((e) => e.id === 'screens-dark')!.start.start, Date.UTC(2023, 2, 4, 1, 45));
});

test('importIncident(…) cites text links and media links as sources, never embedding media', () => {
  const r = importIncident(timelineJson, { timeZone: 'Asia/Kolkata' });
  const doc = r.incident!;
  const byId = new Map(doc.sources!.map((s) => [s.id, s]));
  const [screens, manual] = doc.events;
  assert.ok(screens && manual);
  const first = screens.sources!.map((id) => byId.get(id)!);
  assert.deepEqual(
    first.map((s) => [s.url, s.title]),
    [['https://news.example.com/a1', 'Daily Example']],
  );
  const second = manual.sources!.map((id) => byId.get(id)!);
  assert.deepEqual(
    second.map((s) => [s.url, s.title, s.publisher]),
    [['https://video.example.com/watch?v=1', 'Queues outside', 'Example TV']],
  );
  assert.ok(r.warnings.some((w) => w.path === 'media' && /never embedded/.test(w.message)));
});

test('importIncident(…) reports dates TimelineJS3 allows but the model cannot hold, by path, and keeps the rest', () => {
  const r = importIncident(timelineJson, { timeZone: 'Asia/Kolkata' });
  assert.deepEqual(paths(r.errors), ['events[3].start_date.month', 'events[4].start_date.year']);
  assert.match(r.errors[1]!.message, /cosmological and BC/);
  assert.equal(r.incident!.events.length, 4);
});

test('importIncident(…) reads TimelineJS3 in UTC with one warning when no time zone is given', () => {
  const r = importIncident(timelineJson);
  assert.equal(r.incident!.timeZone, 'UTC');
  assert.equal(r.warnings.filter((w) => w.path === 'timeZone').length, 1);
  assert.match(r.warnings.find((w) => w.path === 'timeZone')!.message, /UTC/);
  // One summary for the missing statuses, not one per slide.
  assert.equal(r.warnings.filter((w) => /status/.test(w.message)).length, 1);
});

test('importIncident(…) reads the TimelineJS3 sheet as Google publishes it, naming rows and columns', () => {
  const r = importIncident(sheetCsv, { timeZone: 'Asia/Kolkata' });
  assert.equal(r.format, 'csv');
  const doc = r.incident!;
  assert.equal(doc.title, 'Ransomware at City Hospital');
  assert.deepEqual(
    doc.events.map((e) => e.title),
    ['Screens go dark', 'Manual records', 'Systems offline'],
  );
  assert.equal(doc.events[0]?.start, '2023-03-04T07:15');
  assert.equal(doc.events[0]?.description, 'Staff see a ransom note, then "all files locked".\nSecond paragraph.');
  assert.equal(doc.events[2]?.kind, 'era');
  assert.deepEqual(paths(r.errors), ['row 6, "Month"', 'row 7, "Time"']);
  assert.equal(r.errors[0]?.line, 7, 'row 6 starts on line 7: a cell above spans two lines');
  const media = doc.sources!.find((s) => s.url === 'https://news.example.com/a1')!;
  assert.deepEqual([media.title, media.publisher], ['Front page', 'Daily Example']);
});

test('importIncident(…) reads the sheet as Excel saves it: BOM, CRLF, semicolons, empty columns', () => {
  const r = importIncident(excelCsv, { timeZone: 'Asia/Kolkata' });
  assert.deepEqual(r.errors, []);
  const doc = r.incident!;
  assert.equal(doc.title, 'Ransomware at City Hospital');
  assert.deepEqual(
    doc.events.map((e) => [e.start, e.title]),
    [
      ['2023-03-04T22:15', 'Screens go dark'],
      ['2023-03-05', 'Manual records'],
    ],
  );
  assert.equal(doc.events[0]?.description, 'Staff see a note; "locked".\nSecond line.');
  assert.equal(doc.events[1]?.description, 'Paper forms, for five days.');
});

test('importIncident(…) names a header that is neither template', () => {
  const r = importIncident('Date,What\n2022-11-23,Attack\n');
  assert.equal(r.incident, null);
  const [error] = r.errors;
  assert.ok(error);
  assert.equal(error.path, 'row 1');
  assert.match(error.message, /TimelineJS3/);
});

test('exportIncident(…, "timelinejs") writes slides that read back with the same dates, titles and groups', () => {
  const { incident } = importIncident(timelineJson, { timeZone: 'Asia/Kolkata' });
  const text = exportIncident(incident!, 'timelinejs');
  const tjs = JSON.parse(text);
  assert.equal(tjs.title.text.headline, 'Ransomware at City Hospital');
  const first = tjs.events.find((e: { unique_id: string }) => e.unique_id === 'screens-dark');
  assert.deepEqual(first.start_date, { year: 2023, month: 3, day: 4, hour: 7, minute: 15 });
  assert.equal(first.group, 'Attack');
  assert.match(first.display_date, /4 Mar 2023/);
  const back = importIncident(text, { timeZone: 'Asia/Kolkata' }).incident!;
  for (const e of incident!.events) {
    const b = back.events.find((x) => x.id === e.id)!;
    assert.deepEqual([b.title, b.start, b.end], [e.title, e.start, e.end], e.id);
  }
});

test('exportIncident(…, "timelinejs") escapes markup so TimelineJS3 shows it as text', () => {
  const incident = {
    version: 1 as const,
    title: '<img src=x onerror=alert(1)>',
    timeZone: 'UTC',
    events: [{ id: 'a', title: '<b>bold</b>', start: '2022-01-01', status: 'confirmed' as const, sources: [] }],
  };
  const tjs = JSON.parse(exportIncident(incident, 'timelinejs'));
  assert.equal(tjs.title.text.headline, '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(tjs.events[0].text.headline, '&lt;b&gt;bold&lt;/b&gt;');
});

test('exportIncident(…, "timelinejs") escapes display dates and groups too, which TimelineJS3 shows as HTML', () => {
  const incident = {
    version: 1 as const,
    title: 't',
    timeZone: 'UTC',
    events: [
      { id: 'a', title: 'a', start: '2022-01-01', displayDate: 'c. <b>24</b> Nov & later', lane: 'A & B <i>C</i>', status: 'confirmed' as const, sources: [] },
      { id: 'b', title: 'b', start: '2022-01-02', lane: 'other', status: 'confirmed' as const, sources: [] },
    ],
  };
  const [a] = JSON.parse(exportIncident(incident, 'timelinejs')).events;
  assert.equal(a.display_date, 'c. &lt;b&gt;24&lt;/b&gt; Nov &amp; later');
  assert.equal(a.group, 'A &amp; B &lt;i&gt;C&lt;/i&gt;');
  const back = importIncident(exportIncident(incident, 'timelinejs'), { timeZone: 'UTC' }).incident!;
  assert.equal(back.events[0]?.displayDate, 'c. <b>24</b> Nov & later');
});

test('exportIncident(…, "timelinejs", { locale: "hi" }) words the dates in Hindi', () => {
  const incident = { version: 1 as const, title: 't', timeZone: 'Asia/Kolkata', events: [{ id: 'a', title: 'a', start: '2022-11-23', status: 'confirmed' as const, sources: [] }] };
  const [a] = JSON.parse(exportIncident(incident, 'timelinejs', { locale: 'hi' })).events;
  assert.equal(a.display_date, '23 नवंबर 2022');
});

test('importIncident(…) names TimelineJS3 fields in its own terms, in the JSON and in the sheet', () => {
  const json = importIncident({ events: [{ start_date: { year: 2023 }, text: {} }, { text: { headline: 'No date' } }] }, { timeZone: 'UTC' });
  assert.deepEqual(
    json.errors.map((e) => e.path),
    ['events[0].text.headline', 'events[1].start_date'],
  );
  const sheet = importIncident('Year,Month,Day,Time,Headline\n,3,4,,No year\n2023,3,4,10 AM,Hour only\n', { timeZone: 'UTC' });
  assert.deepEqual(
    sheet.errors.map((e) => e.path),
    ['row 2, "Year"'],
  );
  assert.equal(sheet.resolved!.events[0]?.start.unit, 'hour', '"10 AM" is known to the hour, not the minute');
  assert.equal(sheet.warnings.filter((w) => /sourcing status/.test(w.message)).length, 1);
});

test('exportIncident(…, "timelinejs") never publishes an approximate or reported date as exact', () => {
  const incident = {
    version: 1 as const,
    title: 't',
    timeZone: 'Asia/Kolkata',
    events: [
      { id: 'a', title: 'a', start: '2022-11', precision: 'approximate' as const, status: 'reported' as const, sources: [] },
      { id: 'b', title: 'b', start: '2022-12-14', dateKind: 'reported' as const, status: 'reported' as const, sources: [] },
    ],
  };
  const [a, b] = JSON.parse(exportIncident(incident, 'timelinejs')).events;
  assert.match(a.display_date, /around/i);
  assert.match(b.display_date, /reported/i);
});
