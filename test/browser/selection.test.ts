/**
 * One selection across the three elements: the bugs the shared model fixed (a stale map
 * choice in a story, ids with ":" or "=", parsing again on every selection, focus lost or
 * stolen), and a property test that any string works as an event, place, claim, source or
 * lane id in all three elements.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import '../../src/index.js';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { Incident } from '../../src/model/types.js';
import { click, harness } from './harness.js';
import { aiimsIncident, cleanup, fixture, frames, waitFor } from './helpers.js';

afterEach(cleanup);

interface Ids {
  first: string;
  second: string;
  target: string;
  origin: string;
  claim: string;
  source: string;
  lane: string;
}

/** Two events, a target and an origin, one claim between them, one source, one lane. */
const incident = (ids: Ids, extra: Partial<Incident> = {}): Incident => ({
  version: 1,
  title: 'Any ids',
  timeZone: 'UTC',
  lanes: [{ id: ids.lane, label: 'The only lane' }],
  sources: [{ id: ids.source, title: 'The only source' }],
  places: [
    { id: ids.target, name: 'Target town', role: 'target', lat: 28.6, lon: 77.2 },
    { id: ids.origin, name: 'Origin city', role: 'infrastructure', lat: 22.3, lon: 114.2, precisionMeters: 50000 },
  ],
  events: [
    { id: ids.second, title: 'Second event', start: '2022-11-25', lane: ids.lane, status: 'confirmed', sources: [ids.source], places: [ids.origin] },
    { id: ids.first, title: 'First event', start: '2022-11-23', lane: ids.lane, status: 'reported', sources: [ids.source] },
  ],
  claims: [
    {
      id: ids.claim,
      from: ids.origin,
      to: ids.target,
      relation: 'infrastructure-located-in',
      assertion: 'Mail servers there',
      assertedBy: 'Police',
      status: 'reported',
      sources: [ids.source],
      event: ids.second,
    },
  ],
  ...extra,
});

/** Places "hk:ip" and "hk", claims "c:2" and "c": the ids a split on ":" confused. */
const colons = (): Incident => {
  const doc = incident({ first: 'e:1', second: 'e:2', target: 'delhi', origin: 'hk:ip', claim: 'c:2', source: 's:1', lane: 'l:1' });
  doc.places!.push({ id: 'hk', name: 'Another place', role: 'origin', lat: 34.7, lon: 113.6, precisionMeters: 90000 });
  doc.claims!.push({
    id: 'c',
    from: 'hk',
    to: 'delhi',
    relation: 'actor-originates-from',
    assertion: 'Actor from elsewhere',
    assertedBy: 'Analyst',
    status: 'disputed',
    sources: ['s:1'],
  });
  return doc;
};

async function drawnMap(doc: Incident, width = 700) {
  const el = await fixture<AttackMap>('attack-map', (m) => (m.incident = doc), width);
  await waitFor(() => el.shadowRoot!.querySelector('svg.plot[role="listbox"]'), 'map drawn');
  const h = harness(el);
  await h.settle();
  return h;
}

async function drawnStory(doc: Incident, setup: (s: AttackStory) => void = () => undefined) {
  const el = await fixture<AttackStory>('attack-story', (s) => {
    s.incident = doc;
    setup(s);
  });
  el.scrollIntoView({ block: 'start' });
  const h = harness(el);
  await waitFor(() => {
    const t = el.shadowRoot?.querySelector('attack-timeline')?.shadowRoot?.querySelector('[data-event-id]');
    const m = el.shadowRoot?.querySelector('attack-map')?.shadowRoot?.querySelector('svg.plot [data-place-id]');
    return t && m;
  }, 'story drawn');
  await h.settle();
  return {
    ...h,
    timeline: harness(el.shadowRoot!.querySelector<AttackTimeline>('attack-timeline')!),
    map: harness(el.shadowRoot!.querySelector<AttackMap>('attack-map')!),
    next: () => click(el.shadowRoot!.querySelectorAll('[part="stepper"] button')[1]!),
  };
}

describe('one selection in a story', () => {
  it('a place chosen on the map gives way to Next: the map and the timeline follow the new event', async () => {
    const s = await drawnStory(await aiimsIncident());
    click(s.map.find('data-place-id', 'hong-kong')!);
    await s.settle();
    expect(s.map.find('data-place-id', 'hong-kong')!.getAttribute('aria-selected')).to.equal('true');
    expect(s.timeline.root.querySelectorAll('.mark.highlight').length, 'events in Hong Kong lit').to.be.greaterThan(0);
    s.next();
    s.next();
    await s.settle();
    const event = s.el.selected!;
    expect(event).to.be.a('string');
    expect(
      s.map.all('data-place-id').filter((p) => p.node.getAttribute('aria-selected') === 'true'),
      'no place still chosen',
    ).to.have.length(0);
    expect(s.map.el.selection).to.deep.equal({ event });
    expect(s.timeline.el.selection).to.deep.equal({ event });
    expect(s.timeline.root.querySelectorAll('.mark.highlight').length, 'no place highlights left').to.equal(0);
    expect(s.timeline.find('data-event-id', event)!.getAttribute('aria-selected')).to.equal('true');
  });

  it('parses the document once: selections do not make the parts read it again', async () => {
    const s = await drawnStory(await aiimsIncident());
    const shown = s.timeline.el.incident;
    expect(shown, 'the parts show the story’s own document').to.equal(s.el.incident);
    expect(s.map.el.incident).to.equal(s.el.incident);
    for (let i = 0; i < 3; i++) s.next();
    click(s.map.find('data-place-id', 'henan')!);
    await s.settle();
    expect(s.timeline.el.incident, 'same object after four selections').to.equal(shown);
    expect(s.map.el.incident).to.equal(shown);
  });

  it('the selection property sets a place in the story and its map', async () => {
    const s = await drawnStory(await aiimsIncident());
    s.el.selection = { place: 'henan' };
    await s.settle();
    expect(s.map.find('data-place-id', 'henan')!.getAttribute('aria-selected')).to.equal('true');
    expect(s.map.root.querySelector('[part="details"]')!.textContent).to.contain('Henan');
    expect(s.el.selected).to.equal(null);
  });
});

describe('ids are opaque on the map', () => {
  it('place "hk:ip" opens itself, not "hk"; claim "c:2" shows itself, not "c"', async () => {
    const h = await drawnMap(colons());
    click(h.find('data-place-id', 'hk:ip')!);
    await h.settle();
    expect(h.el.selection).to.deep.equal({ place: 'hk:ip' });
    const details = () => h.root.querySelector('[part="details"]')!.textContent;
    expect(details()).to.contain('Origin city').and.not.contain('Another place');
    click(h.find('data-claim-id', 'c:2')!);
    await h.settle();
    expect(h.el.selection).to.deep.equal({ event: 'e:2', claim: 'c:2' });
    expect(details()).to.contain('Mail servers there').and.not.contain('Actor from elsewhere');
  });

  it('arrow keys move through every place and claim, never sticking on the first place', async () => {
    const h = await drawnMap(colons());
    (h.root.querySelector('svg.plot [tabindex="0"]') as SVGGElement).focus();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const node = h.root.activeElement!;
      seen.push(`${node.hasAttribute('data-place-id') ? 'place' : 'claim'} ${node.getAttribute('data-place-id') ?? node.getAttribute('data-claim-id')}`);
      await h.press('ArrowRight');
      await h.settle();
    }
    expect(new Set(seen).size, seen.join(' → ')).to.equal(5);
    expect(seen).to.include.members(['place hk:ip', 'place hk', 'claim c:2', 'claim c']);
  });
});

describe('focus stays where the reader put it', () => {
  const ids: Ids = { first: 'b', second: 'c', target: 't', origin: 'o', claim: 'k', source: 's', lane: 'l' };

  it('a new document keeps focus on the same event (marks are keyed by id)', async () => {
    const el = await fixture<AttackTimeline>('attack-timeline', (t) => (t.incident = incident(ids)));
    const h = harness(el);
    (h.find('data-event-id', 'c') as SVGGElement).focus();
    const doc = incident(ids);
    doc.events.unshift({ id: 'a', title: 'Earlier event', start: '2022-11-20', lane: 'l', status: 'confirmed', sources: ['s'] });
    el.incident = doc;
    await h.settle();
    expect(h.focusedId('data-event-id')).to.equal('c');
  });

  it('"+" on the edge mark keeps focus on that event', async () => {
    const doc = await aiimsIncident();
    const el = await fixture<AttackTimeline>('attack-timeline', (t) => (t.incident = doc));
    const h = harness(el);
    await waitFor(() => h.all('data-event-id').length > 5, 'marks');
    const last = h.all('data-event-id').at(-1)!;
    (last.node as SVGGElement).focus();
    await h.press('+');
    await h.settle();
    await frames(2);
    expect(h.focusedId('data-event-id')).to.equal(last.id);
  });

  it('a new src keeps focus on the same event once it has loaded', async () => {
    const el = await fixture<AttackTimeline>('attack-timeline', (t) => (t.src = '/examples/data/aiims-delhi-2022.json'));
    const h = harness(el);
    await waitFor(() => h.find('data-event-id', 'ev-fir'), 'marks');
    await h.settle();
    (h.find('data-event-id', 'ev-fir') as SVGGElement).focus();
    el.src = '/examples/data/aiims-delhi-2022.json?again';
    await el.updateComplete;
    expect(el.incident, 'loading the new src').to.equal(null);
    await waitFor(() => el.incident && h.find('data-event-id', 'ev-fir'), 'reloaded');
    await h.settle();
    expect(h.focusedId('data-event-id'), `focus on ${document.activeElement?.tagName} / ${h.root.activeElement?.tagName}`).to.equal('ev-fir');
  });

  it('when the focused event disappears, focus goes to the chart, not the page', async () => {
    const el = await fixture<AttackTimeline>('attack-timeline', (t) => (t.incident = incident(ids)));
    const h = harness(el);
    (h.find('data-event-id', 'c') as SVGGElement).focus();
    el.selected = 'c';
    await h.settle();
    const doc = incident(ids);
    doc.events = doc.events.filter((e) => e.id !== 'c');
    el.incident = doc;
    await h.settle();
    expect(el.selected).to.equal(null);
    expect(h.focusedId('data-event-id')).to.equal('b');
  });

  it('after Enter on a bin that cannot split, focus moved to the page stays there through a resize', async () => {
    const events = Array.from({ length: 600 }, (_, i) => ({ id: `same-${i}`, title: `Log line ${i}`, start: '2022-11-23T07:00:00+05:30', status: 'confirmed', sources: [] }));
    const el = await fixture<AttackTimeline>(
      'attack-timeline',
      (t) => (t.incident = { version: 1, title: 'One instant', timeZone: 'Asia/Kolkata', events } as unknown as Incident),
    );
    const h = harness(el);
    const bin = await waitFor(() => h.root.querySelector<SVGGElement>('[data-bin]'), 'a bin');
    bin.focus();
    await h.press('Enter');
    await h.settle();
    expect(h.root.querySelector('[data-bin]'), 'still a bin at the deepest zoom').to.exist;
    const button = document.createElement('button');
    button.textContent = 'Host page button';
    document.body.append(button);
    try {
      button.focus();
      // Narrow: the vertical layout draws the events the bin held, the one focus was meant for.
      el.parentElement!.style.width = '400px';
      await frames(3);
      await h.settle();
      await waitFor(() => h.find('data-event-id', 'same-0'), 'events drawn one by one');
      await h.settle();
      expect(document.activeElement).to.equal(button);
    } finally {
      button.remove();
    }
  });
});

/** The timeline, the map and the story, each with the ids, each used the way a reader would. */
async function everyElementWorksWith(ids: Ids) {
  // Timeline: the marks carry the ids; choosing one shows its event, its lane and its source.
  const t = harness(await fixture<AttackTimeline>('attack-timeline', (el) => (el.incident = incident(ids))));
  expect(t.all('data-event-id').map((m) => m.id)).to.deep.equal([ids.first, ids.second]);
  click(t.find('data-event-id', ids.second)!);
  await t.settle();
  expect(t.el.selected).to.equal(ids.second);
  const details = t.root.querySelector('[part="details"]')!.textContent;
  expect(details).to.contain('Second event').and.contain('The only lane').and.contain('The only source');
  (t.find('data-event-id', ids.first) as SVGGElement).focus();
  await t.press('ArrowRight');
  await t.settle();
  expect(t.focusedId('data-event-id')).to.equal(ids.second);

  // Map: the place and the claim open themselves; keys move from item to item.
  const m = await drawnMap(incident(ids));
  click(m.find('data-place-id', ids.origin)!);
  await m.settle();
  expect(m.el.selection).to.deep.equal({ place: ids.origin });
  expect(m.root.querySelector('[part="details"]')!.textContent).to.contain('Origin city');
  click(m.find('data-claim-id', ids.claim)!);
  await m.settle();
  expect(m.el.selection).to.deep.equal({ event: ids.second, claim: ids.claim });
  // The claim holds the tab stop; it is last in the order, so the left arrow moves on.
  (m.root.querySelector('svg.plot [tabindex="0"]') as SVGGElement).focus();
  expect(m.focusedId('data-claim-id')).to.equal(ids.claim);
  await m.press('ArrowLeft');
  await m.settle();
  expect(m.focusedId('data-place-id')).to.be.oneOf([ids.origin, ids.target]);

  // Story: next steps through the events, and the parts follow.
  const s = await drawnStory(incident(ids), (el) => (el.noDeepLink = true));
  s.next();
  s.next();
  await s.settle();
  expect(s.el.selected).to.equal(ids.second);
  expect(s.timeline.find('data-event-id', ids.second)!.getAttribute('aria-selected')).to.equal('true');
  expect(s.map.root.querySelector('[part="details"]')!.textContent).to.contain('Mail servers there');
}

describe('any string is an id', () => {
  it('plain ids work in every element (the baseline the property test varies)', async () => {
    await everyElementWorksWith({ first: 'first', second: 'second', target: 'target', origin: 'origin', claim: 'claim', source: 'source', lane: 'lane' });
  });

  // Every UTF-16 code unit, lone surrogates included, plus the characters that broke ids before.
  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(':', '=', '"', "'", ' ', '&', '#', '\\', '\ud800', '\udfff'),
  );
  const id = fc.string({ unit, minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== '');
  const ids = fc
    .uniqueArray(id, { minLength: 7, maxLength: 7 })
    .map(([first, second, target, origin, claim, source, lane]) => ({ first, second, target, origin, claim, source, lane }) as Ids);

  it('works as an event, place, claim, source and lane id in the timeline, the map and the story', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(ids, async (ids) => {
        try {
          await everyElementWorksWith(ids);
        } finally {
          cleanup();
        }
      }),
      { numRuns: 10, verbose: 1 },
    );
  });
});
