/**
 * Pointer and touch on the map (WCAG 2.5.8): a real mouse click at the centre of every drawn
 * place selects that place, and never a claim line that passes over or ends in it; every
 * place's target reaches at least 12 px from its centre in all four directions (24 × 24 px);
 * the middle of every claim line selects that claim. At a desk's width, a phone's and inside
 * a story.
 */
import { expect } from 'chai';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { Incident } from '../../src/model/types.js';
import { aiimsIncident, cleanup, trapPageErrors } from './helpers.js';
import { drawnMap, drawnStory, type Harness } from './harness.js';

let trap: ReturnType<typeof trapPageErrors>;
beforeEach(() => (trap = trapPageErrors()));
afterEach(async () => {
  await sendMouse({ type: 'move', position: [0, 0] });
  await setViewport({ width: 800, height: 600 });
  cleanup();
  trap.stop();
  expect(trap.errors).to.deep.equal([]);
});

/** Where on the page a place is drawn: the centre of its outline or marker in the backdrop. */
function placeCentres(m: Harness<AttackMap>): { id: string; x: number; y: number }[] {
  return m.all('data-place-id').map(({ node, id }) => {
    const r = node.getBoundingClientRect();
    return { id, x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  });
}

/** The page position of the middle of each drawn claim line (the visible arc, not its target). */
function arcMiddles(m: Harness<AttackMap>): { id: string; x: number; y: number }[] {
  const ids = m.all('data-claim-id').filter(({ node }) => node.closest('svg'));
  const arcs = [...m.root.querySelectorAll<SVGPathElement>('svg.layer path.arc')];
  expect(arcs.length).to.equal(ids.length);
  return arcs.map((arc, i) => {
    const p = arc.getPointAtLength(arc.getTotalLength() / 2);
    const s = new DOMPoint(p.x, p.y).matrixTransform(arc.getScreenCTM()!);
    return { id: ids[i]!.id, x: Math.round(s.x), y: Math.round(s.y) };
  });
}

/** What a click at (x, y) chose: `place:id`, `claim:id` or nothing. */
async function clickAt(m: Harness<AttackMap>, x: number, y: number): Promise<string> {
  m.el.selection = {};
  await m.settle();
  await sendMouse({ type: 'click', position: [x, y] });
  await m.settle();
  const s = m.el.selection;
  return s.place !== undefined ? `place:${s.place}` : s.claim !== undefined ? `claim:${s.claim}` : 'nothing';
}

async function checkPlacesAndClaims(m: Harness<AttackMap>) {
  const places = placeCentres(m);
  expect(places.length, 'places drawn').to.be.at.least(3);
  for (const p of places) {
    expect(await clickAt(m, p.x, p.y), `centre of ${p.id}`).to.equal(`place:${p.id}`);
    // A 24 × 24 px target: 11 px either way from the centre still reaches the place.
    for (const [dx, dy] of [
      [-11, 0],
      [11, 0],
      [0, -11],
      [0, 11],
    ] as const) {
      expect(await clickAt(m, p.x + dx, p.y + dy), `${p.id} at (${dx}, ${dy})`).to.equal(`place:${p.id}`);
    }
  }
  for (const a of arcMiddles(m)) expect(await clickAt(m, a.x, a.y), `middle of ${a.id}`).to.equal(`claim:${a.id}`);
}

async function aiimsMap(width: number): Promise<Harness<AttackMap>> {
  const data = await aiimsIncident();
  // The window holds the whole map, so a real click can reach every place in it.
  await setViewport({ width: Math.max(800, width + 40), height: 900 });
  const m = await drawnMap((el) => (el.incident = data), width);
  m.el.scrollIntoView({ block: 'start' });
  await m.settle();
  return m;
}

describe('map targets (WCAG 2.5.8)', () => {
  it('the centre of every place selects that place, and each arc its claim, at 900 px', async () => {
    await checkPlacesAndClaims(await aiimsMap(900));
  });

  it('the same on a phone (343 px), where Hong Kong and Henan are small', async () => {
    await checkPlacesAndClaims(await aiimsMap(343));
  });

  it('inside a story at 375 px', async () => {
    const data: Incident = await aiimsIncident();
    const s = await drawnStory((el) => (el.incident = data), 375);
    s.map.el.scrollIntoView({ block: 'start' });
    await s.settle();
    await checkPlacesAndClaims(s.map);
  });

  it('a small place where two claim lines meet is still reached at its centre', async () => {
    // Two claims from one small origin to two targets: both lines end inside the origin.
    const m = await drawnMap((el) => {
      el.incident = {
        version: 1,
        title: 'Two lines from one small place',
        timeZone: 'UTC',
        places: [
          { id: 'small', name: 'Small origin', lat: 22.3, lon: 114.2, role: 'infrastructure', precisionMeters: 5000 },
          { id: 'a', name: 'Target A', lat: 28.6, lon: 77.2, role: 'target' },
          { id: 'b', name: 'Target B', lat: 1.35, lon: 103.8, role: 'target' },
        ],
        claims: [
          { id: 'c1', relation: 'infrastructure-located-in', from: 'small', to: 'a', assertion: 'Traced to the small place', assertedBy: 'A report', status: 'reported' },
          { id: 'c2', relation: 'infrastructure-located-in', from: 'small', to: 'b', assertion: 'Traced to the small place', assertedBy: 'A report', status: 'reported' },
        ],
        events: [{ id: 'e', title: 'An event', start: '2024-01-01', status: 'reported' }],
      } satisfies Incident;
    }, 600);
    await checkPlacesAndClaims(m);
  });
});
