import { expect } from 'chai';
import '../../src/index.js';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { Incident } from '../../src/model/types.js';
import { axeViolations, cleanup, fixture, waitFor } from './helpers.js';

/** The line boxes of a node's text, top to bottom. */
const lines = (node: Node) => {
  const range = document.createRange();
  range.selectNodeContents(node);
  return [...range.getClientRects()].filter((r) => r.width > 0);
};

describe('polish: source lists', function () {
  this.timeout(20_000);
  afterEach(cleanup);

  it('a wrapped source link keeps its number on its first line, and its date runs on from its last line', async () => {
    const incident: Incident = {
      version: 1,
      title: 'Sources that wrap',
      timeZone: 'Asia/Kolkata',
      sources: [
        {
          id: 's',
          publisher: 'The Daily Example',
          title: 'Minister tells the upper house that five servers were hit and about 1.3 TB of data was encrypted in the attack',
          url: 'https://example.org/news/long',
          published: '2022-12-14',
        },
      ],
      events: [{ id: 'e', title: 'An event', start: '2022-12-14', status: 'confirmed', sources: ['s'] }],
    } as Incident;
    const el = await fixture<AttackTimeline>('attack-timeline', (t) => (t.incident = incident), 375);
    await waitFor(() => el.shadowRoot!.querySelector('[data-event-id]'), 'drawn');
    el.select('e');
    await el.updateComplete;
    const item = await waitFor(() => el.shadowRoot!.querySelector('.details ol.sources li'), 'source listed');
    const link = item.querySelector('a')!;
    const linkLines = link.getClientRects();
    expect(linkLines.length, 'the headline wraps at 375 px').to.be.greaterThan(1);
    const date = [...item.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('2022'))!;
    expect(date, 'the date follows the link').to.not.equal(undefined);
    const [dateLine] = lines(date);
    const last = linkLines[linkLines.length - 1]!;
    expect(Math.abs(dateLine!.top - last.top), 'date on the link’s last line').to.be.below(4);
    // The list number sits on the first line: the item's first line box is the link's first.
    const itemTop = item.getBoundingClientRect().top;
    expect(Math.abs(linkLines[0]!.top - itemTop), 'the first line starts the item').to.be.below(6);
    for (const r of linkLines) expect(r.height, 'each line of the link is a 24 px target').to.be.at.least(23.5);
  });
});

describe('polish: no places', function () {
  this.timeout(20_000);
  afterEach(cleanup);

  const noPlaces = (): Incident =>
    ({
      version: 1,
      title: 'No places',
      timeZone: 'UTC',
      events: [{ id: 'e', title: 'An event', start: '2024-01-01', status: 'confirmed', sources: [] }],
    }) as Incident;

  it('a map with no places says so in a line, with no land box and no legend', async () => {
    const el = await fixture<AttackMap>('attack-map', (m) => (m.incident = noPlaces()));
    await waitFor(() => el.shadowRoot!.querySelector('.no-places'), 'status shown');
    const root = el.shadowRoot!;
    expect(root.querySelector('.no-places')!.textContent).to.equal('No places are named in this incident, so there is nothing to map.');
    expect(root.querySelector('svg'), 'no empty map drawn').to.equal(null);
    expect(root.querySelector('[part~="legend"]'), 'no legend').to.equal(null);
    expect(el.getBoundingClientRect().height, 'a line, not a map-sized box').to.be.below(120);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('a story with no places shows its timeline alone', async () => {
    const el = await fixture<AttackStory>('attack-story', (s) => (s.incident = noPlaces()));
    await waitFor(() => el.shadowRoot!.querySelector('attack-timeline')?.shadowRoot?.querySelector('[data-event-id]'), 'timeline drawn');
    expect(el.shadowRoot!.querySelector('attack-map')).to.equal(null);
    const timeline = el.shadowRoot!.querySelector('attack-timeline')!.getBoundingClientRect();
    expect(timeline.width, 'the timeline takes the whole width').to.be.above(el.getBoundingClientRect().width - 60);
  });
});
