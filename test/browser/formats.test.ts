import { expect } from 'chai';
import '../../src/index.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import type { Incident } from '../../src/model/types.js';
import { cleanup, fixture, frames, waitFor } from './helpers.js';
import { excelCsv, sheetCsv, timelineJson } from '../model/formats/fixtures/timelinejs.js';

/** Every foreign format loads through `src`, detected by its content, as a reader would see it. */

const blobUrl = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));
const marks = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[data-event-id]')].map((m) => m.getAttribute('data-event-id'));

async function load(src: string, setup: (el: AttackTimeline) => void = () => undefined) {
  let loaded: Incident | null = null;
  let errors: { path: string; message: string }[] = [];
  const el = await fixture<AttackTimeline>('attack-timeline', (t) => {
    t.addEventListener('attack-load', (e) => (loaded = e.detail.incident));
    t.addEventListener('attack-error', (e) => (errors = e.detail.errors));
    t.setAttribute('time-zone', 'Asia/Kolkata');
    t.debug = true;
    setup(t);
    t.src = src;
  });
  await waitFor(() => loaded ?? (errors.length ? errors : null), `attack-load or attack-error for ${src}`);
  await el.updateComplete;
  await frames(2);
  return { el, incident: loaded as Incident | null, errors, alert: el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '' };
}

const stixBundle = {
  type: 'bundle',
  id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
  objects: [
    {
      type: 'identity',
      spec_version: '2.1',
      id: 'identity--0b5e1f0e-8a6c-4a7e-9d6b-7b7e0a1c2d3e',
      created: '2023-03-04T00:00:00.000Z',
      modified: '2023-03-04T00:00:00.000Z',
      name: 'Example Daily',
      identity_class: 'organization',
    },
    {
      type: 'report',
      spec_version: '2.1',
      id: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3',
      created: '2023-03-04T00:00:00.000Z',
      modified: '2023-03-04T00:00:00.000Z',
      name: 'Hospital hit by ransomware',
      published: '2023-03-04T09:30:00.000Z',
      object_refs: ['identity--0b5e1f0e-8a6c-4a7e-9d6b-7b7e0a1c2d3e'],
      external_references: [{ source_name: 'Example Daily', url: 'https://news.example.com/a1' }],
    },
  ],
};

describe('formats through src', () => {
  afterEach(cleanup);

  it('a TimelineJS3 JSON', async () => {
    const { el, incident, errors } = await load(blobUrl(JSON.stringify(timelineJson), 'application/json'));
    expect(incident!.title).to.equal('Ransomware at City Hospital');
    expect(marks(el)).to.include.members(['screens-dark', 'manual-records']);
    expect(errors.map((e) => e.path)).to.deep.equal(['events[3].start_date.month', 'events[4].start_date.year']);
    // The rest renders beside the errors.
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('events[3].start_date.month');
  });

  it('the TimelineJS3 sheet as published, and as Excel saves it', async () => {
    const sheet = await load(blobUrl(sheetCsv, 'text/csv'));
    expect(sheet.incident!.events.map((e) => e.title)).to.deep.equal(['Screens go dark', 'Manual records', 'Systems offline']);
    expect(sheet.errors.map((e) => e.path)).to.deep.equal(['row 6, "Month"', 'row 7, "Time"']);
    cleanup();
    const excel = await load(blobUrl(excelCsv, 'text/csv'));
    expect(excel.errors).to.deep.equal([]);
    expect(marks(excel.el)).to.have.length(2);
  });

  it('our CSV template, from a file on the server', async () => {
    const { el, incident, errors } = await load('/examples/template.csv');
    expect(errors).to.deep.equal([]);
    expect(incident!.timeZone).to.equal('Asia/Kolkata');
    expect(marks(el)).to.deep.equal(['screens-dark', 'manual-records', 'police-case']);
  });

  it('a STIX 2.1 bundle', async () => {
    const { el, incident } = await load(blobUrl(JSON.stringify(stixBundle), 'application/json'));
    expect(incident!.events).to.have.length(1);
    expect(incident!.events[0]!.dateKind).to.equal('reported');
    expect(marks(el)).to.have.length(1);
  });

  it('the format attribute forces a format, with errors in its terms', async () => {
    const { errors, alert } = await load(blobUrl(JSON.stringify({ events: [{ start_date: { year: 'twenty' }, text: { headline: 'x' } }] }), 'application/json'), (t) =>
      t.setAttribute('format', 'timelinejs'),
    );
    expect(errors[0]?.path).to.equal('events[0].start_date.year');
    expect(alert).to.contain('events[0].start_date.year');
  });

  it('a JSON syntax error names its line and column', async () => {
    const { errors, alert } = await load(blobUrl('{\n  "version": 1,\n  "events": [,]\n}', 'application/json'));
    expect(errors[0]?.path).to.equal('src');
    expect(errors[0]?.message).to.match(/line 3, column 14/);
    expect(alert).to.contain('line 3, column 14');
  });

  it('an inline <script type="text/csv"> works like the JSON one', async () => {
    const el = await fixture<AttackTimeline>('attack-timeline', (t) => {
      const script = document.createElement('script');
      script.type = 'text/csv';
      script.textContent =
        'id,start,title,status,sources\nfirst,2023-03-04,First event,confirmed,https://news.example.com/a1\nsecond,2023-03-05,Second event,reported,https://news.example.com/a1\n';
      t.append(script);
    });
    await waitFor(() => marks(el).length === 2 || null, 'two marks from inline CSV');
    expect(el.incident!.events.map((e) => e.id)).to.deep.equal(['first', 'second']);
  });

  it('<attack-story> loads a CSV and links its parts', async () => {
    const story = await fixture<AttackStory>('attack-story', (s) => {
      s.setAttribute('no-deep-link', '');
      s.src = '/examples/template.csv';
    });
    await waitFor(() => story.incident, 'the story loads');
    await story.updateComplete;
    const timeline = await waitFor(() => story.shadowRoot!.querySelector('attack-timeline'), 'the story timeline');
    await waitFor(() => marks(timeline as HTMLElement).length === 3 || null, 'three marks');
    expect(story.shadowRoot!.querySelector('[part="title"]')!.textContent).to.contain('city hospital');
    // A sheet has no places: the timeline takes the whole width, with no empty map beside it.
    expect(story.shadowRoot!.querySelector('attack-map')).to.equal(null);
    const panes = story.shadowRoot!.querySelector('.panes')!.getBoundingClientRect();
    expect(timeline.getBoundingClientRect().width).to.be.closeTo(panes.width, 2);
  });
});
