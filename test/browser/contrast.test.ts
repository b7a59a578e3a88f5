/**
 * What a low-vision and a high-contrast user sees: focus rings that are opaque, at least 3:1
 * against what is around them and a different shape from the selection (dashed, not solid);
 * the date-uncertainty line at 3:1 against its lane; and, in forced colours (Chromium's
 * emulation; Firefox cannot emulate it and skips), axis dates in the system text colour and a
 * selected event's label not hidden under its selection box.
 */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { Incident } from '../../src/model/types.js';
import { aiimsIncident, cleanup, contrast, deepActiveElement, rgb, skipBecause, trapPageErrors } from './helpers.js';
import { click, drawnMap, mount, type Harness } from './harness.js';

let trap: ReturnType<typeof trapPageErrors>;
beforeEach(() => (trap = trapPageErrors()));
afterEach(() => {
  cleanup();
  trap.stop();
  expect(trap.errors).to.deep.equal([]);
});

/** Alpha of a computed colour (1 when opaque). */
const alpha = (c: string) => {
  const m = c.match(/rgba?\(([^)]+)\)/);
  const parts = m ? m[1]!.split(/[,\s/]+/).filter(Boolean) : [];
  return parts.length > 3 ? Number(parts[3]) : 1;
};

/** `over` at `opacity` on `under`, as the eye sees it. */
const blend = (over: string, opacity: number, under: string) => rgb(over).map((v, i) => v * opacity + rgb(under)[i]! * (1 - opacity));

async function timeline(theme: 'light' | 'dark', data?: Incident): Promise<Harness<AttackTimeline>> {
  const incident = data ?? (await aiimsIncident());
  const t = await mount<AttackTimeline>('attack-timeline', (el) => {
    el.theme = theme;
    el.incident = incident;
  });
  await t.settle();
  return t;
}

async function map(theme: 'light' | 'dark'): Promise<Harness<AttackMap>> {
  const data = await aiimsIncident();
  const m = await drawnMap((el) => {
    el.theme = theme;
    el.incident = data;
  }, 700);
  await m.settle();
  return m;
}

/** Tabs from a button placed before the element until focus is inside it, on `attr`. */
async function tabInto(h: Harness<HTMLElement & { updateComplete: Promise<unknown> }>, attr: string) {
  const before = document.createElement('button');
  before.textContent = 'before';
  h.el.before(before);
  before.focus();
  for (let i = 0; i < 8 && !h.focusedId(attr); i++) await sendKeys({ press: 'Tab' });
  await h.settle();
  expect(h.focusedId(attr), `focus reached ${attr}`).to.not.equal(null);
  return deepActiveElement()!;
}

describe('focus rings and selection', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`a map place's and claim's focus ring is opaque, 3:1 against land and background, and dashed while selection is solid (${theme})`, async () => {
      const m = await map(theme);
      const bg = getComputedStyle(m.el).backgroundColor;
      const land = getComputedStyle(m.root.querySelector('.land')!).fill;
      await tabInto(m, 'data-place-id');
      for (const kind of ['place', 'claim']) {
        if (kind === 'claim') {
          for (let i = 0; i < 6 && !m.focusedId('data-claim-id'); i++) await sendKeys({ press: 'ArrowRight' });
          await m.settle();
        }
        const option = deepActiveElement()!;
        const ring = getComputedStyle(option.querySelector('.ring')!);
        expect(Number(ring.strokeOpacity), `${kind} ring opacity`).to.equal(1);
        expect(alpha(ring.stroke), `${kind} ring colour is opaque`).to.equal(1);
        expect(parseFloat(ring.strokeWidth)).to.be.at.least(2);
        expect(contrast(ring.stroke, land), `${kind} ring on land`).to.be.at.least(3);
        expect(contrast(ring.stroke, bg), `${kind} ring on the background`).to.be.at.least(3);
        expect(ring.strokeDasharray, `${kind} ring is dashed`).to.not.equal('none');
        // Selecting draws a solid outline, a different shape from the ring.
        await sendKeys({ press: 'Enter' });
        await m.settle();
        const selected = m.root.querySelector(`[aria-selected="true"] ${kind === 'place' ? '.hit' : '.band'}`)!;
        const s = getComputedStyle(selected);
        expect(s.strokeDasharray, `${kind} selection is solid`).to.equal('none');
        expect(parseFloat(s.strokeWidth)).to.be.at.least(1.5);
        expect(s.stroke).to.not.equal('none');
        await sendKeys({ press: 'Escape' });
        await m.settle();
      }
    });

    it(`a timeline mark's focus ring is opaque, 3:1 against its lane, dashed; selection solid (${theme})`, async () => {
      const t = await timeline(theme);
      const lane = getComputedStyle(t.root.querySelector('.lane rect')!).fill;
      const option = await tabInto(t, 'data-event-id');
      const ring = getComputedStyle(option.querySelector('.hit')!);
      expect(alpha(ring.stroke)).to.equal(1);
      expect(contrast(ring.stroke, lane)).to.be.at.least(3);
      expect(ring.strokeDasharray).to.not.equal('none');
      click(t.find('data-event-id', 'ev-fir')!);
      await t.settle();
      const s = getComputedStyle(t.find('data-event-id', 'ev-fir')!.querySelector('.hit')!);
      expect(s.strokeDasharray).to.equal('none');
      expect(contrast(s.stroke, lane)).to.be.at.least(3);
    });

    it(`the date-uncertainty line is 3:1 against its lane (${theme})`, async () => {
      const t = await timeline(theme, {
        version: 1,
        title: 'Uncertain dates',
        timeZone: 'UTC',
        events: [
          { id: 'a', title: 'Sometime that month', start: '2024-03', status: 'reported' },
          { id: 'b', title: 'A known day', start: '2024-01-10', status: 'confirmed' },
          { id: 'c', title: 'Another known day', start: '2024-05-20', status: 'confirmed' },
        ],
      });
      const line = t.root.querySelector('.extent');
      expect(line, 'an uncertainty line is drawn').to.not.equal(null);
      const lane = getComputedStyle(t.root.querySelector('.lane rect')!).fill;
      const style = getComputedStyle(line!);
      const seen = blend(style.stroke, Number(style.opacity) * Number(style.strokeOpacity), lane);
      expect(contrast(seen, lane)).to.be.at.least(3);
    });
  }
});

describe('forced colours (Windows High Contrast)', () => {
  const system = () => {
    const probe = document.createElement('span');
    probe.style.color = 'CanvasText';
    probe.style.backgroundColor = 'Canvas';
    document.body.append(probe);
    const colours = { text: getComputedStyle(probe).color, canvas: getComputedStyle(probe).backgroundColor };
    probe.remove();
    return colours;
  };

  for (const theme of ['light', 'dark'] as const) {
    it(`axis dates and lane names are the system text colour, undimmed; a selected label is not covered (${theme} theme)`, async function () {
      const t = await timeline(theme);
      if (!(await executeServerCommand('emulate-forced-colors', { active: true }))) await skipBecause(this, 'forced colours can be emulated only in Chromium (through CDP)');
      try {
        await t.settle();
        const { text, canvas } = system();
        expect(getComputedStyle(t.el).backgroundColor).to.equal(canvas);
        const ticks = [...t.root.querySelectorAll('.tick text')];
        expect(ticks.length).to.be.greaterThan(1);
        expect(t.root.querySelector('.tick.major text'), 'a major tick (a month or year) is drawn').to.not.equal(null);
        for (const node of [...ticks, t.root.querySelector('.lane text')!]) {
          const s = getComputedStyle(node);
          expect(s.fill, node.textContent!).to.equal(text);
          expect(contrast(s.fill, canvas)).to.be.at.least(4.5);
          // No outline in the background colour eating into the letters.
          expect(s.stroke === 'none' || s.paintOrder.startsWith('stroke'), `${node.textContent}: stroke ${s.stroke}`).to.equal(true);
          expect(Number(s.opacity) * Number(s.fillOpacity)).to.equal(1);
        }
        click(t.find('data-event-id', 'ev-attack')!);
        await t.settle();
        const box = getComputedStyle(t.find('data-event-id', 'ev-attack')!.querySelector('.hit')!);
        expect(box.fill === 'none' || alpha(box.fill) === 0, `selection box fill ${box.fill}`).to.equal(true);
        expect(box.stroke).to.not.equal('none');
      } finally {
        await executeServerCommand('emulate-forced-colors', { active: false });
      }
    });
  }

  it("the map's focus ring and selection use system colours", async function () {
    const m = await map('light');
    if (!(await executeServerCommand('emulate-forced-colors', { active: true }))) await skipBecause(this, 'forced colours can be emulated only in Chromium (through CDP)');
    try {
      await m.settle();
      const { canvas } = system();
      await tabInto(m, 'data-place-id');
      const ring = getComputedStyle(deepActiveElement()!.querySelector('.ring')!);
      expect(contrast(ring.stroke, canvas)).to.be.at.least(3);
      await sendKeys({ press: 'Enter' });
      await m.settle();
      const hit = getComputedStyle(m.root.querySelector('[aria-selected="true"] .hit')!);
      expect(hit.fill === 'none' || alpha(hit.fill) === 0, `selection fill ${hit.fill}`).to.equal(true);
      expect(contrast(hit.stroke, canvas)).to.be.at.least(3);
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });
});
