import { expect } from 'chai';
import '../../src/index.js';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { Incident, Place } from '../../src/model/types.js';
import { cleanup, fixture, waitFor } from '../browser/helpers.js';
import { ashburn, bowtie, delhi, saoPaulo } from '../fixtures/far-places.js';

/** An incident whose places each have a claim joining them to New Delhi. */
function incident(others: Place[]): Incident {
  return {
    version: 1,
    title: 'Far places',
    timeZone: 'UTC',
    events: [{ id: 'e', title: 'Event', start: '2024-01-01', status: 'confirmed', sources: ['s'] }],
    sources: [{ id: 's', publisher: 'Desk', url: 'https://example.org/' }],
    places: [delhi, ...others],
    claims: others.map((o) => ({
      id: `c-${o.id}`,
      from: o.id,
      to: 'delhi',
      relation: 'infrastructure-located-in',
      assertion: 'Traced there.',
      assertedBy: 'Police',
      status: 'reported',
      sources: ['s'],
    })),
  } as Incident;
}

/** The map, drawn at `width`. */
async function map(data: Incident, width: number): Promise<AttackMap> {
  const el = await fixture<AttackMap>('attack-map', (m) => (m.incident = data), width);
  await waitFor(() => el.shadowRoot!.querySelector('svg.plot [data-place-id]') && el.shadowRoot!.querySelector('.land'), 'map drawn');
  return el;
}

/** Every place's target and every drawn claim line lies inside the drawn map. */
function assertInside(el: AttackMap, label: string) {
  const root = el.shadowRoot!;
  const frame = root.querySelector('svg.plot')!.getBoundingClientRect();
  const inside = (r: DOMRect, what: string) => {
    expect(r.left, `${label}: ${what} left`).to.be.at.least(frame.left - 0.5);
    expect(r.right, `${label}: ${what} right`).to.be.at.most(frame.right + 0.5);
    expect(r.top, `${label}: ${what} top`).to.be.at.least(frame.top - 0.5);
    expect(r.bottom, `${label}: ${what} bottom`).to.be.at.most(frame.bottom + 0.5);
  };
  const targets = [...root.querySelectorAll('[data-target-place] circle')];
  expect(targets.length, `${label}: a target per place`).to.equal(el.incident!.places!.length);
  targets.forEach((t, i) => inside(t.getBoundingClientRect(), `place ${i}`));
  const arcs = [...root.querySelectorAll('svg.layer path.arc')];
  expect(arcs.length, `${label}: a line per claim`).to.equal(el.incident!.claims!.length);
  arcs.forEach((a, i) => inside(a.getBoundingClientRect(), `claim line ${i}`));
}

describe('hardening: places at the ends of the map', function () {
  this.timeout(30_000);
  afterEach(cleanup);

  it('keeps a target in New Delhi, infrastructure in Ashburn and an outline near São Paulo in the frame, with the arcs between them', async () => {
    for (const width of [375, 1280]) {
      assertInside(await map(incident([ashburn]), width), `Ashburn at ${width}`);
      cleanup();
      assertInside(await map(incident([saoPaulo]), width), `São Paulo at ${width}`);
      cleanup();
    }
  });

  it('warns about an outline that crosses itself and draws its label beside it, not in mid-ocean', async () => {
    const el = await map(incident([bowtie]), 1280);
    expect(el.issues.warnings.map((w) => w.path)).to.include('places[1].shape.coordinates[0]');
    assertInside(el, 'bowtie');
    const root = el.shadowRoot!;
    const outline = root.querySelector('svg.layer path.area[data-outline]')!.getBoundingClientRect();
    const target = root.querySelector('[data-target-place="bow"] circle')!.getBoundingClientRect();
    const [cx, cy] = [(target.left + target.right) / 2, (target.top + target.bottom) / 2];
    expect(cx).to.be.within(outline.left, outline.right);
    expect(cy).to.be.within(outline.top, outline.bottom);
  });

  it('caps a precision wider than the Earth and says the place is not located, not "within about 10,00,000 km"', async () => {
    const everywhere: Place = { id: 'far', name: 'Somewhere', role: 'infrastructure', lat: 10, lon: 10, precisionMeters: 1e9 };
    const el = await map(incident([everywhere]), 1280);
    expect(el.issues.warnings.map((w) => w.path)).to.include('places[1].precisionMeters');
    const option = el.shadowRoot!.querySelector('[data-place-id="far"]')!;
    const said = `${option.getAttribute('aria-label') ?? ''} ${option.getAttribute('aria-description') ?? ''} ${el.shadowRoot!.textContent ?? ''}`;
    expect(said).to.not.match(/within about/i);
    el.selection = { place: 'far' };
    await el.updateComplete;
    const details = el.shadowRoot!.querySelector('[part~="details"]')!;
    expect(details.textContent).to.include('Not located: the stated precision covers the whole Earth');
  });
});
