import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { AttackMap } from './attack-map.js';
import type { AttackTimeline } from '../attack-timeline/attack-timeline.js';
import type { AttackSelectDetail } from '../../events.js';
import type { Incident } from '../../model/types.js';
import { aiimsIncident, axeViolations, cleanup, contrast, deepActiveElement, fixture, frames, rgb, trapPageErrors, waitFor } from '../../../test/browser/helpers.js';

const root = (el: HTMLElement) => el.shadowRoot!;
/** A map with its geometry drawn (layout code and land are loaded lazily). */
async function map(setup: (el: AttackMap) => void, width = 700): Promise<AttackMap> {
  const el = await fixture<AttackMap>('attack-map', setup, width);
  await waitFor(() => root(el).querySelector('svg.plot[role="listbox"]') && root(el).querySelector('.land'), 'map drawn with land');
  await el.updateComplete;
  return el;
}
const withData = async (data?: Incident, width = 700) => {
  const incident = data ?? (await aiimsIncident());
  return map((el) => (el.incident = incident), width);
};
const settle = async (el: HTMLElement & { updateComplete: Promise<unknown> }) => {
  await el.updateComplete;
  await frames(2);
  await el.updateComplete;
};

afterEach(cleanup);

describe('<attack-map> accessibility', () => {
  it('has no axe violations, drawn and with a claim open', async () => {
    const el = await withData();
    expect(await axeViolations(el)).to.deep.equal([]);
    root(el).querySelector<SVGGElement>('[data-claim-id="att-hk-ip"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle(el);
    expect(root(el).querySelector('[part="details"]')).to.exist;
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says every claim in words, with who said it and its caveats', async () => {
    const el = await withData();
    const list = root(el).querySelector('[part="claims"]')!.textContent!;
    expect(list).to.contain('Where infrastructure was traced');
    expect(list).to.contain("An IP address location is not the attacker's location");
    expect(list).to.contain('An unnamed Ministry of Health and Family Welfare official');
    const arc = root(el).querySelector('[data-claim-id="att-henan-ip"]')!;
    expect(arc.getAttribute('aria-label')).to.match(/Henan province.*Reported.*Likely \(70 in 100\).*Caveats: An IP address location is not the attacker's location/);
  });
});

describe('<attack-map> drawing', () => {
  it('gives each place one data-place-id and each claim one data-claim-id: its arc, else its list entry', async () => {
    const el = await withData();
    const places = [...root(el).querySelectorAll('[data-place-id]')].map((p) => p.getAttribute('data-place-id'));
    expect(places.sort()).to.deep.equal(['aiims-new-delhi', 'henan', 'hong-kong', 'zhengzhou']);
    const claims = [...root(el).querySelectorAll('[data-claim-id]')];
    expect(claims.map((c) => c.getAttribute('data-claim-id')).sort()).to.deep.equal(['att-china-actor-claim', 'att-henan-ip', 'att-hk-ip']);
    expect(claims.find((c) => c.getAttribute('data-claim-id') === 'att-hk-ip')!.closest('svg')).to.exist;
    expect(claims.find((c) => c.getAttribute('data-claim-id') === 'att-china-actor-claim')!.tagName).to.equal('LI');
  });

  it('draws origins as areas (Henan as its outline), never a pin, and the target as a marker', async () => {
    const el = await withData();
    const areas = root(el).querySelectorAll('.layer .area');
    expect(areas.length).to.equal(2);
    const henan = root(el).querySelector<SVGGElement>('[data-place-id="henan"] .hit')!.getBoundingClientRect();
    expect(henan.width).to.be.greaterThan(15);
    const hk = root(el).querySelector<SVGGElement>('[data-place-id="hong-kong"] .hit')!.getBoundingClientRect();
    expect(hk.width).to.be.at.least(13, 'an area of at least 7 px radius');
    expect(root(el).querySelector('.target')).to.exist;
    expect(root(el).querySelector('.boundary')).to.equal(null, 'no international boundaries by default');
  });

  it('styles arcs by status and confidence, and hides denied claims unless asked', async () => {
    const data = await aiimsIncident();
    data.claims![0].status = 'confirmed';
    data.claims![1].status = 'single-source';
    data.claims![1].confidence = 10;
    data.claims!.push({ ...data.claims![0], id: 'denied-claim', status: 'denied' });
    const el = await withData(data);
    // Backdrop arcs are drawn in claim order: Hong Kong, Henan (the denied one only when shown).
    const arc = (id: 'att-hk-ip' | 'att-henan-ip') => [...root(el).querySelectorAll<SVGPathElement>('.layer .arc')][id === 'att-hk-ip' ? 0 : 1];
    expect(getComputedStyle(arc('att-hk-ip')).strokeDasharray).to.equal('none');
    expect(getComputedStyle(arc('att-henan-ip')).strokeDasharray).to.not.equal('none');
    expect(Number(arc('att-hk-ip').getAttribute('stroke-opacity'))).to.be.greaterThan(Number(arc('att-henan-ip').getAttribute('stroke-opacity')));
    expect(Number(arc('att-henan-ip').getAttribute('stroke-opacity'))).to.be.at.least(0.55, 'a floor keeps it visible');
    expect(root(el).querySelector('svg [data-claim-id="denied-claim"]')).to.equal(null);
    expect(root(el).querySelector('li[data-claim-id="denied-claim"]')).to.exist;
    el.showDenied = true;
    await settle(el);
    expect(root(el).querySelector('svg [data-claim-id="denied-claim"]')).to.exist;
    expect(root(el).querySelector('li[data-claim-id="denied-claim"]')).to.equal(null);
  });

  it('labels places without overlapping each other', async () => {
    for (const width of [375, 1000]) {
      const el = await withData(undefined, width);
      const boxes = [...root(el).querySelectorAll('.place-label')].map((t) => t.getBoundingClientRect());
      expect(boxes.length).to.equal(4);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          expect(a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1, `labels ${i} and ${j} at ${width}`).to.equal(false);
        }
      cleanup();
    }
  });

  it('loads the land for its size: 110m up to 1200 px wide, 50m above', async () => {
    await withData(undefined, 1100);
    const resources = () => performance.getEntriesByType('resource').map((e) => e.name);
    expect(resources().some((n) => n.includes('land-110m'))).to.equal(true);
    expect(resources().some((n) => n.includes('land-50m'))).to.equal(false);
    await withData(undefined, 1250);
    await waitFor(() => resources().some((n) => n.includes('land-50m')), '50m land');
  });

  it('never captures page scrolling', async () => {
    const el = await withData();
    const wheel = new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true });
    root(el).querySelector('svg.plot')!.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).to.equal(false);
  });

  it('speaks Hindi with a Hindi locale', async () => {
    const data = await aiimsIncident();
    const el = await map((m) => {
      m.locale = 'hi-IN';
      m.incident = data;
    });
    expect(root(el).querySelector('.caption-title')!.textContent).to.equal('यह कहाँ से आया बताया गया');
  });
});

describe('<attack-map> themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`keeps the faintest arc at 3:1 against the land, ${theme}`, async () => {
      const data = await aiimsIncident();
      data.claims![0].confidence = 0;
      const el = await map((m) => {
        m.theme = theme;
        m.incident = data;
      });
      const arc = root(el).querySelector<SVGPathElement>('.layer .arc')!;
      const opacity = Number(arc.getAttribute('stroke-opacity'));
      expect(opacity).to.equal(0.55);
      const land = rgb(getComputedStyle(root(el).querySelector('.land')!).fill);
      const line = rgb(getComputedStyle(arc).stroke).map((v, i) => v * opacity + land[i] * (1 - opacity));
      expect(contrast(line, land)).to.be.at.least(3);
      const label = rgb(getComputedStyle(root(el).querySelector('.place-label')!).fill);
      expect(contrast(label, land)).to.be.at.least(4.5);
    });
  }

  it('uses system colours in forced-colours mode', async function () {
    const el = await withData();
    if (!(await executeServerCommand('emulate-forced-colors', { active: true }))) this.skip();
    try {
      await settle(el);
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      document.body.append(probe);
      const text = getComputedStyle(probe).color;
      probe.remove();
      expect(getComputedStyle(root(el).querySelector('.layer .arc')!).stroke).to.equal(text);
      expect(getComputedStyle(root(el).querySelector('.layer .area')!).stroke).to.equal(text);
      expect(getComputedStyle(root(el).querySelector('.place-label')!).fill).to.equal(text);
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('runs no animation, so reduced motion holds', async () => {
    const el = await withData();
    root(el).querySelector('[data-claim-id="att-hk-ip"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle(el);
    expect(root(el).getAnimations()).to.have.length(0);
  });
});

describe('<attack-map> keyboard and selection', () => {
  it('takes one tab stop; arrows move between places and claims; Enter shows a claim; Escape clears', async () => {
    const el = await withData();
    const selections: AttackSelectDetail[] = [];
    const listen = (e: Event) => selections.push((e as CustomEvent<AttackSelectDetail>).detail);
    document.addEventListener('attack-select', listen);
    try {
      expect(root(el).querySelectorAll('svg.plot [tabindex="0"]').length).to.equal(1);
      root(el).querySelector<SVGGElement>('svg.plot [tabindex="0"]')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(getComputedStyle(deepActiveElement()!.querySelector('.hit')!).strokeWidth, 'a visible focus ring').to.equal('3px');
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const a = deepActiveElement()!;
        seen.push(a.getAttribute('data-place-id') ?? `claim:${a.getAttribute('data-claim-id')}`);
        await sendKeys({ press: 'ArrowRight' });
        await settle(el);
      }
      expect(seen).to.deep.equal(['aiims-new-delhi', 'hong-kong', 'henan', 'zhengzhou', 'claim:att-hk-ip', 'claim:att-henan-ip']);
      await sendKeys({ press: 'Enter' });
      await settle(el);
      const details = root(el).querySelector('[part="details"]')!.textContent!;
      expect(details).to.contain("The IP address of the other email was traced to China's Henan province.");
      expect(details).to.contain('Province-level only: no source names a city.');
      expect(details).to.contain('Reported in');
      expect(selections).to.deep.equal([{ id: 'ev-ip-trace', claim: 'att-henan-ip' }]);
      expect(el.selected).to.equal('ev-ip-trace');
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(root(el).querySelector('[part="details"]')).to.equal(null);
      expect(deepActiveElement()!.getAttribute('data-claim-id')).to.equal('att-henan-ip');
      expect(selections).to.have.length(2);
    } finally {
      document.removeEventListener('attack-select', listen);
    }
  });

  it('follows a linked timeline, and the timeline follows it; one action, one attack-select', async () => {
    const data = await aiimsIncident();
    const timeline = await fixture<AttackTimeline>('attack-timeline', (t) => (t.incident = data), 900);
    const el = await withData(data);
    let count = 0;
    const listen = () => count++;
    document.addEventListener('attack-select', listen);
    try {
      root(timeline).querySelector('[data-event-id="ev-ip-trace"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await settle(el);
      expect(count).to.equal(1);
      expect(el.selected).to.equal('ev-ip-trace');
      expect(root(el).querySelectorAll('.area.highlight').length).to.equal(2);
      expect(root(el).querySelectorAll('.arc.highlight').length).to.equal(2);
      expect(root(el).querySelector('[part="details"]')!.textContent).to.contain('Hong Kong');

      root(el).querySelector('[data-place-id="henan"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await settle(timeline);
      expect(count).to.equal(2);
      expect(timeline.selected).to.equal(null);
      const lit = [...root(timeline).querySelectorAll('.mark.highlight')].map((m) => m.getAttribute('data-event-id'));
      expect(lit.sort()).to.deep.equal(['ev-ip-trace', 'ev-police-on-record']);

      root(el).querySelector('[data-claim-id="att-hk-ip"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await settle(timeline);
      expect(count).to.equal(3);
      expect(timeline.selected).to.equal('ev-ip-trace');
    } finally {
      document.removeEventListener('attack-select', listen);
    }
  });

  it('does not follow an element telling another story', async () => {
    const data = await aiimsIncident();
    const other = structuredClone(data);
    other.id = 'another-incident';
    const timeline = await fixture<AttackTimeline>('attack-timeline', (t) => (t.incident = other), 900);
    const el = await withData(data);
    root(timeline).querySelector('[data-event-id="ev-ip-trace"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle(el);
    expect(el.selected).to.equal(null);
  });
});

describe('<attack-map> boundaries and bad data', () => {
  let trap: ReturnType<typeof trapPageErrors>;
  beforeEach(() => (trap = trapPageErrors()));
  afterEach(() => {
    trap.stop();
    expect(trap.errors).to.deep.equal([]);
  });

  for (const kind of ['geojson', 'topojson']) {
    it(`draws a publisher's ${kind} boundary layer and credits it`, async () => {
      const data = await aiimsIncident();
      const el = await map((m) => {
        m.boundaries = `/test-api/boundaries.${kind}`;
        m.incident = data;
      });
      await waitFor(() => root(el).querySelector('.boundary'), 'boundary layer');
      expect(root(el).querySelector('.boundary')!.getAttribute('d')).to.match(/^M/);
      expect(root(el).querySelector('[part="credit"]')!.textContent).to.contain('Boundaries supplied by the publisher');
    });
  }

  it('reports a bad boundary layer by path and still draws the map', async () => {
    const data = await aiimsIncident();
    let errors: { path: string; message: string }[] = [];
    const el = await map((m) => {
      m.addEventListener('attack-error', (e) => (errors = e.detail.errors));
      m.boundaries = '/test-api/not-geo';
      m.incident = data;
    });
    await waitFor(() => errors.length, 'attack-error');
    await settle(el);
    expect(errors).to.deep.equal([{ path: 'boundaries', message: 'is not TopoJSON or GeoJSON with lines or polygons' }]);
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('boundaries');
    expect(root(el).querySelectorAll('[data-place-id]').length).to.equal(4);
  });

  it('reports places and claims with bad data by path; the rest still draws', async () => {
    const data = await aiimsIncident();
    data.places!.push({ id: 'nowhere', name: 'Nowhere', role: 'origin' });
    data.places!.push({ id: 'far', name: 'Far', role: 'origin', lat: 123, lon: 0 });
    data.claims!.push({ ...data.claims![0], id: 'ghost', from: 'atlantis' });
    let errors: { path: string }[] = [];
    const el = await map((m) => {
      m.addEventListener('attack-error', (e) => (errors = e.detail.errors));
      m.incident = data;
    });
    expect(errors.map((e) => e.path)).to.deep.equal(['places[5].lat', 'claims[3].from']);
    expect(el.issues.warnings.map((w) => w.path)).to.include('places[4]');
    expect(root(el).querySelectorAll('svg [data-place-id]').length).to.equal(4);
    expect(root(el).querySelectorAll('svg [data-claim-id]').length).to.equal(2);
  });
});

describe('<attack-map> pointer', () => {
  it('hovering an arc shows its claim; leaving the map hides it again', async () => {
    const el = await withData();
    const arc = root(el).querySelector('[data-claim-id="att-hk-ip"] .hit')!;
    arc.dispatchEvent(new PointerEvent('pointerover', { pointerType: 'mouse', bubbles: true, composed: true }));
    await settle(el);
    expect(root(el).querySelector('[part="details"]')!.textContent).to.contain('traced to Hong Kong');
    expect(el.selected, 'hover selects nothing').to.equal(null);
    root(el).querySelector('.chart')!.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    await settle(el);
    expect(root(el).querySelector('[part="details"]')).to.equal(null);
  });
});
