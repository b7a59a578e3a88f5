import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../index.js';
import type { AttackTimeline } from '../attack-timeline/attack-timeline.js';
import type { AttackSelectDetail } from '../../events.js';
import type { Incident } from '../../model/types.js';
import { aiimsIncident, axeViolations, cleanup, contrast, deepActiveElement, rgb, skipBecause, trapPageErrors, waitFor } from '../../../test/browser/helpers.js';
import { click, drawnMap, mount } from '../../../test/browser/harness.js';

/*
 * Places and claims are found by data-place-id and data-claim-id, the map by its listbox role,
 * panels by part. Classes stay only where nothing else observes the node: land, boundaries,
 * areas, arcs, the target marker and place labels are drawn in the aria-hidden backdrop (no
 * role or name; `.highlight` there is a purely visual emphasis); an option's `.hit` (a place)
 * or `.band` (a claim) shows selection and its `.ring` focus. The pointer lands on the
 * aria-hidden targets layer above, found by data-target-place and data-target-claim.
 */
const withData = async (data?: Incident, width = 700) => {
  const incident = data ?? (await aiimsIncident());
  return drawnMap((el) => (el.incident = incident), width);
};

afterEach(cleanup);

describe('<attack-map> accessibility', () => {
  it('has no axe violations, drawn and with a claim open', async () => {
    const m = await withData();
    expect(await axeViolations(m.el)).to.deep.equal([]);
    click(m.find('data-claim-id', 'att-hk-ip')!);
    await m.settle();
    expect(m.part('details')).to.exist;
    expect(await axeViolations(m.el)).to.deep.equal([]);
  });

  it('says every claim in words, with who said it and its caveats', async () => {
    const m = await withData();
    const list = m.part('claims')!.textContent;
    expect(list).to.contain('Where infrastructure was traced');
    expect(list).to.contain("An IP address location is not the attacker's location");
    expect(list).to.contain('An unnamed Ministry of Health and Family Welfare official');
    const arc = m.find('data-claim-id', 'att-henan-ip')!;
    // The name says what tells it apart; the description says the rest.
    expect(arc.getAttribute('aria-label')).to.equal('Henan province, China → AIIMS, New Delhi: Where infrastructure was traced, Delhi Police (on the record, 18 Dec 2022)');
    expect(arc.getAttribute('aria-description')).to.match(
      /Delhi Police \(on the record, 18 Dec 2022\) said the IP address of the other email ID was traced to China's Henan province.*Confirmed on the record.*Likely \(70 in 100\).*Caveats: An IP address location is not the attacker's location/,
    );
  });
});

describe('<attack-map> drawing', () => {
  it('gives each place one data-place-id and each claim one data-claim-id: its arc, else its list entry', async () => {
    const m = await withData();
    const places = m.all('data-place-id').map((p) => p.id);
    expect(places.sort()).to.deep.equal(['aiims-new-delhi', 'henan', 'hong-kong']);
    const claims = m.all('data-claim-id');
    expect(claims.map((c) => c.id).sort()).to.deep.equal(['att-china-actor-claim', 'att-henan-ip', 'att-hk-ip', 'att-pti-origin-claim']);
    expect(claims.find((c) => c.id === 'att-hk-ip')!.node.closest('svg')).to.exist;
    expect(claims.find((c) => c.id === 'att-henan-ip')!.node.closest('svg')).to.exist;
    // The two claims with no place to start from are listed, not drawn.
    expect(claims.find((c) => c.id === 'att-china-actor-claim')!.node.tagName).to.equal('LI');
    expect(claims.find((c) => c.id === 'att-pti-origin-claim')!.node.tagName).to.equal('LI');
  });

  it('draws origins as areas (Henan as its outline), never a pin, and the target as a marker', async () => {
    const m = await withData();
    const chart = m.part('chart')!;
    const areas = chart.querySelectorAll('.area');
    expect(areas.length).to.equal(2);
    // An option's box is its hit area (its only child): the outline for Henan, a circle for Hong Kong.
    const henan = m.find('data-place-id', 'henan')!.getBoundingClientRect();
    expect(henan.width).to.be.greaterThan(15);
    const hk = m.find('data-place-id', 'hong-kong')!.getBoundingClientRect();
    expect(hk.width).to.be.at.least(13, 'an area of at least 7 px radius');
    expect(chart.querySelector('.target')).to.exist;
    expect(m.root.querySelector('.boundary')).to.equal(null, 'no international boundaries by default');
  });

  it('styles arcs by status and confidence, and hides denied claims unless asked', async () => {
    const data = await aiimsIncident();
    data.claims![0]!.status = 'confirmed';
    data.claims![1]!.status = 'single-source';
    data.claims![1]!.confidence = 10;
    data.claims!.push({ ...data.claims![0]!, id: 'denied-claim', status: 'denied' });
    const m = await withData(data);
    // Backdrop arcs are drawn in claim order: Hong Kong, Henan (the denied one only when shown).
    const arc = (id: 'att-hk-ip' | 'att-henan-ip') => [...m.part('chart')!.querySelectorAll<SVGPathElement>('.arc')][id === 'att-hk-ip' ? 0 : 1]!;
    expect(getComputedStyle(arc('att-hk-ip')).strokeDasharray).to.equal('none');
    expect(getComputedStyle(arc('att-henan-ip')).strokeDasharray).to.not.equal('none');
    expect(Number(arc('att-hk-ip').getAttribute('stroke-opacity'))).to.be.greaterThan(Number(arc('att-henan-ip').getAttribute('stroke-opacity')));
    expect(Number(arc('att-henan-ip').getAttribute('stroke-opacity'))).to.be.at.least(0.55, 'a floor keeps it visible');
    // Where the denied claim's hook is: an option on the map, or an entry in the list of claims.
    const denied = () =>
      m
        .all('data-claim-id')
        .filter((c) => c.id === 'denied-claim')
        .map((c) => (c.node.closest('svg') ? 'map' : c.node.tagName));
    expect(denied()).to.deep.equal(['LI']);
    m.el.showDenied = true;
    await m.settle();
    expect(denied()).to.deep.equal(['map']);
  });

  it('labels places without overlapping each other', async () => {
    for (const width of [375, 1000]) {
      const m = await withData(undefined, width);
      const boxes = [...m.root.querySelectorAll('.place-label')].map((t) => t.getBoundingClientRect());
      expect(boxes.length).to.equal(3);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          expect(a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1, `labels ${i} and ${j} at ${width}`).to.equal(false);
        }
      cleanup();
    }
  });

  it('keeps every place label clear of every area outline (at least 3 px), at 343, 375, 700 and 1000 px', async () => {
    for (const width of [343, 375, 700, 1000]) {
      const m = await withData(undefined, width);
      const labels = [...m.root.querySelectorAll('.place-label')];
      const areas = [...m.root.querySelectorAll('.area')].map((a) => a.getBoundingClientRect());
      expect(labels.length, `labels at ${width}`).to.equal(3);
      expect(areas.length, `areas at ${width}`).to.be.greaterThan(0);
      for (const label of labels) {
        const t = label.getBoundingClientRect();
        for (const a of areas) {
          const touches = t.left < a.right + 3 && a.left - 3 < t.right && t.top < a.bottom + 3 && a.top - 3 < t.bottom;
          expect(touches, `"${label.textContent}" touches an area at ${width} px`).to.equal(false);
        }
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
    const m = await withData();
    const wheel = new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true });
    m.role('listbox')!.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).to.equal(false);
  });

  it('speaks Hindi with a Hindi locale', async () => {
    const data = await aiimsIncident();
    const m = await drawnMap((el) => {
      el.locale = 'hi-IN';
      el.incident = data;
    });
    expect(m.part('title')!.textContent).to.equal('दावों में जिन जगहों के नाम आए');
  });
});

describe('<attack-map> themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`keeps the faintest arc at 3:1 against the land, ${theme}`, async () => {
      const data = await aiimsIncident();
      data.claims![0]!.confidence = 0;
      const m = await drawnMap((el) => {
        el.theme = theme;
        el.incident = data;
      });
      const arc = m.part('chart')!.querySelector<SVGPathElement>('.arc')!;
      const opacity = Number(arc.getAttribute('stroke-opacity'));
      expect(opacity).to.equal(0.55);
      const land = rgb(getComputedStyle(m.root.querySelector('.land')!).fill);
      const line = rgb(getComputedStyle(arc).stroke).map((v, i) => v * opacity + land[i]! * (1 - opacity));
      expect(contrast(line, land)).to.be.at.least(3);
      const label = rgb(getComputedStyle(m.root.querySelector('.place-label')!).fill);
      expect(contrast(label, land)).to.be.at.least(4.5);
    });
  }

  it('uses system colours in forced-colours mode', async function () {
    const m = await withData();
    if (!(await executeServerCommand('emulate-forced-colors', { active: true }))) await skipBecause(this, 'forced colours can be emulated only in Chromium (through CDP)');
    try {
      await m.settle();
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      document.body.append(probe);
      const text = getComputedStyle(probe).color;
      probe.remove();
      expect(getComputedStyle(m.part('chart')!.querySelector('.arc')!).stroke).to.equal(text);
      expect(getComputedStyle(m.part('chart')!.querySelector('.area')!).stroke).to.equal(text);
      expect(getComputedStyle(m.root.querySelector('.place-label')!).fill).to.equal(text);
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('runs no animation, so reduced motion holds', async () => {
    const m = await withData();
    click(m.find('data-claim-id', 'att-hk-ip')!);
    await m.settle();
    expect(m.root.getAnimations()).to.have.length(0);
  });
});

describe('<attack-map> keyboard and selection', () => {
  it('takes one tab stop; arrows move between places and claims; Enter shows a claim; Escape clears', async () => {
    const m = await withData();
    const selections: AttackSelectDetail[] = [];
    const listen = (e: Event) => selections.push((e as CustomEvent<AttackSelectDetail>).detail);
    document.addEventListener('attack-select', listen);
    try {
      const stops = m.role('listbox')!.querySelectorAll<SVGGElement>('[tabindex="0"]');
      expect(stops.length).to.equal(1);
      stops[0]!.focus();
      await m.press('ArrowRight');
      await m.press('ArrowLeft');
      await m.settle();
      const ring = getComputedStyle(deepActiveElement()!.querySelector('.ring')!);
      expect(ring.strokeWidth, 'a visible focus ring').to.equal('3px');
      expect(ring.strokeDasharray, 'dashed, unlike the selection').to.not.equal('none');
      const seen: string[] = [];
      // Three places, then the two drawn claims; ArrowRight on the last stays there.
      for (let i = 0; i < 6; i++) {
        const a = deepActiveElement()!;
        seen.push(a.getAttribute('data-place-id') ?? `claim:${a.getAttribute('data-claim-id')}`);
        await m.press('ArrowRight');
        await m.settle();
      }
      expect(seen).to.deep.equal(['aiims-new-delhi', 'hong-kong', 'henan', 'claim:att-hk-ip', 'claim:att-henan-ip', 'claim:att-henan-ip']);
      await m.press('Enter');
      await m.settle();
      const details = m.part('details')!.textContent;
      expect(details).to.contain("Delhi Police (on the record, 18 Dec 2022) said the IP address of the other email ID was traced to China's Henan province");
      expect(details).to.contain('Province-level only: no source names a city.');
      expect(details).to.contain('Reported in');
      expect(selections).to.deep.equal([{ id: 'ev-police-on-record', claim: 'att-henan-ip' }]);
      expect(m.el.selected).to.equal('ev-police-on-record');
      await m.press('Escape');
      await m.settle();
      expect(m.part('details')).to.equal(null);
      expect(deepActiveElement()!.getAttribute('data-claim-id')).to.equal('att-henan-ip');
      expect(selections).to.have.length(2);
    } finally {
      document.removeEventListener('attack-select', listen);
    }
  });

  it('follows a linked timeline, and the timeline follows it; one action, one attack-select', async () => {
    const data = await aiimsIncident();
    const timeline = await mount<AttackTimeline>('attack-timeline', (t) => (t.incident = data), 900);
    const m = await withData(data);
    let count = 0;
    const listen = () => count++;
    document.addEventListener('attack-select', listen);
    try {
      // The IP claims are reported in the police's on-record statement: selecting it lights both places and both arcs.
      click(timeline.find('data-event-id', 'ev-police-on-record')!);
      await m.settle();
      expect(count).to.equal(1);
      expect(m.el.selected).to.equal('ev-police-on-record');
      expect(m.root.querySelectorAll('.area.highlight').length).to.equal(2);
      expect(m.root.querySelectorAll('.arc.highlight').length).to.equal(2);
      expect(m.part('details')!.textContent).to.contain('Hong Kong');

      click(m.find('data-place-id', 'henan')!);
      await timeline.settle();
      expect(count).to.equal(2);
      expect(timeline.el.selected).to.equal(null);
      // A lit mark is not selected (aria-selected stays false): its highlight is only drawn.
      const lit = timeline
        .all('data-event-id')
        .filter((e) => e.node.classList.contains('highlight'))
        .map((e) => e.id);
      expect(lit.sort()).to.deep.equal(['ev-ip-trace', 'ev-police-on-record']);

      click(m.find('data-claim-id', 'att-hk-ip')!);
      await timeline.settle();
      expect(count).to.equal(3);
      expect(timeline.el.selected).to.equal('ev-police-on-record');
    } finally {
      document.removeEventListener('attack-select', listen);
    }
  });

  it('does not follow an element telling another story', async () => {
    const data = await aiimsIncident();
    const other = structuredClone(data);
    other.id = 'another-incident';
    const timeline = await mount<AttackTimeline>('attack-timeline', (t) => (t.incident = other), 900);
    const m = await withData(data);
    click(timeline.find('data-event-id', 'ev-ip-trace')!);
    await m.settle();
    expect(m.el.selected).to.equal(null);
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
      const m = await drawnMap((el) => {
        el.boundaries = `/test-api/boundaries.${kind}`;
        el.incident = data;
      });
      await waitFor(() => m.root.querySelector('.boundary'), 'boundary layer');
      expect(m.root.querySelector('.boundary')!.getAttribute('d')).to.match(/^M/);
      expect(m.part('credit')!.textContent).to.contain('Boundaries supplied by the publisher');
    });
  }

  it('reports a bad boundary layer by path and still draws the map', async () => {
    const data = await aiimsIncident();
    let errors: { path: string; message: string }[] = [];
    const m = await drawnMap((el) => {
      el.addEventListener('attack-error', (e) => (errors = e.detail.errors));
      el.boundaries = '/test-api/not-geo';
      el.debug = true;
      el.incident = data;
    });
    await waitFor(() => errors.length, 'attack-error');
    await m.settle();
    expect(errors).to.deep.equal([{ path: 'boundaries', message: 'is not TopoJSON or GeoJSON with lines or polygons' }]);
    expect(m.role('alert')!.textContent).to.contain('boundaries');
    expect(m.all('data-place-id').length).to.equal(data.places!.length);
  });

  it('reports places and claims with bad data by path; the rest still draws', async () => {
    const data = await aiimsIncident();
    const [places, claims] = [data.places!.length, data.claims!.length];
    data.places!.push({ id: 'nowhere', name: 'Nowhere', role: 'origin' });
    data.places!.push({ id: 'far', name: 'Far', role: 'origin', lat: 123, lon: 0 });
    data.claims!.push({ ...data.claims![0]!, id: 'ghost', from: 'atlantis' });
    let errors: { path: string }[] = [];
    const m = await drawnMap((el) => {
      el.addEventListener('attack-error', (e) => (errors = e.detail.errors));
      el.incident = data;
    });
    expect(errors.map((e) => e.path)).to.deep.equal([`places[${places + 1}].lat`, `claims[${claims}].from`]);
    expect(m.el.issues.warnings.map((w) => w.path)).to.include(`places[${places}]`);
    const onMap = (attr: string) => m.all(attr).filter((x) => x.node.closest('svg')).length;
    expect(onMap('data-place-id')).to.equal(places);
    expect(onMap('data-claim-id')).to.equal(2);
  });
});

describe('<attack-map> a place named by many events', () => {
  it('lists 20,000 events 50 at a time, and the pager turns through them', async () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ({
      id: `e${i}`,
      title: `Beacon ${i}`,
      start: new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString().slice(0, 16) + 'Z',
      status: 'reported',
      places: ['c2'],
    }));
    const m = await withData({
      version: 1,
      title: 'A busy server',
      timeZone: 'UTC',
      places: [
        { id: 'c2', name: 'Command server', lat: 52.37, lon: 4.9, role: 'infrastructure', precisionMeters: 20000 },
        { id: 'victim', name: 'Victim', lat: 48.86, lon: 2.35, role: 'target' },
      ],
      claims: [{ id: 'k', from: 'c2', to: 'victim', relation: 'infrastructure-located-in', assertion: 'Beacons went here', assertedBy: 'A vendor', status: 'reported' }],
      events,
    } as Incident);
    click(m.find('data-place-id', 'c2')!);
    await m.settle();
    const panel = () => m.part('details')!;
    const buttons = () => [...panel().querySelectorAll<HTMLButtonElement>('.events button')];
    expect(buttons()).to.have.length(50);
    expect(buttons()[0]!.textContent).to.contain('Beacon 0');
    expect(panel().textContent).to.contain('Events 1–50 of 20,000');
    const pager = (name: string) => [...panel().querySelectorAll<HTMLButtonElement>('.pager button')].find((b) => b.textContent.trim() === name)!;
    expect(pager('Previous 50').getAttribute('aria-disabled')).to.equal('true');
    pager('Next 50').focus();
    await m.press('Enter');
    await m.settle();
    expect(buttons()[0]!.textContent).to.contain('Beacon 50');
    expect(panel().textContent).to.contain('Events 51–100 of 20,000');
    expect(m.root.activeElement?.textContent?.trim(), 'focus stays on the pager').to.equal('Next 50');
    expect(pager('Previous 50').getAttribute('aria-disabled')).to.equal('false');
    // Another place, then back: the list starts again at its first page.
    click(m.find('data-place-id', 'victim')!);
    await m.settle();
    click(m.find('data-place-id', 'c2')!);
    await m.settle();
    expect(buttons()[0]!.textContent).to.contain('Beacon 0');
  });
});

describe('<attack-map> pointer', () => {
  it('hovering an arc shows its claim; leaving the map hides it again', async () => {
    const m = await withData();
    // The pointer lands on the claim's target, drawn above the options.
    const arc = m.find('data-target-claim', 'att-hk-ip')!;
    arc.dispatchEvent(new PointerEvent('pointerover', { pointerType: 'mouse', bubbles: true, composed: true }));
    await m.settle();
    // A tip over the map, not the details panel: nothing on the page moves.
    expect(m.role('tooltip')!.textContent).to.contain('Hong Kong → AIIMS');
    expect(m.part('details') === null, 'no details panel').to.equal(true);
    expect(m.el.selected, 'hover selects nothing').to.equal(null);
    m.part('chart')!.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    await m.settle();
    expect(m.role('tooltip') === null, 'tip gone').to.equal(true);
  });
});
