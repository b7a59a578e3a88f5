import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import { aiimsIncident, cleanup, fixture, frames, waitFor } from '../browser/helpers.js';

type Recorded = Window & { __violations: string[]; __errors: string[] };

/**
 * Waits until the bundle in `doc`'s window has defined all three elements: the map and the
 * story come from chunks of their own, and only a defined story has its height, so scrolling
 * to it before then lands above where it ends up.
 */
async function defined(doc: Document): Promise<void> {
  const registry = doc.defaultView!.customElements;
  await Promise.all(['attack-timeline', 'attack-map', 'attack-story'].map((tag) => registry.whenDefined(tag)));
}

/** Opens a fixture page in an iframe the size of a desktop window. */
async function page(path: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.width = '1280';
  iframe.height = '900';
  iframe.src = path;
  document.body.prepend(iframe);
  await new Promise((r) => iframe.addEventListener('load', r, { once: true }));
  return iframe;
}

const marks = (el: Element | null | undefined) => el?.shadowRoot?.querySelectorAll('[data-event-id]').length ?? 0;
const storyTimeline = (doc: Document) => doc.querySelector('attack-story')?.shadowRoot?.querySelector('attack-timeline');
/** How many events the fixture pages' data (the AIIMS example) holds: a drawn timeline has a mark for each. */
const aiimsEvents = async () => (await aiimsIncident()).events.length;

describe('hardening: hostile pages', function () {
  this.timeout(90_000);
  afterEach(() => {
    cleanup();
    for (const f of document.querySelectorAll('iframe')) f.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('renders all three elements under a strict CSP with Trusted Types enforced: zero violations', async () => {
    const n = await aiimsEvents();
    const iframe = await page('/test/fixtures/strict-csp.html');
    const doc = iframe.contentDocument!;
    await defined(doc);
    await waitFor(() => marks(doc.querySelector('attack-timeline')) === n && doc.querySelector('attack-map')?.shadowRoot?.querySelector('.land'), 'timeline and map drawn', 20000);
    // The story, below them, loads once a reader scrolls to it.
    doc.querySelector('attack-story')!.scrollIntoView();
    await waitFor(() => marks(storyTimeline(doc)) === n, 'story drawn', 20000);
    const timeline = doc.querySelector('attack-timeline') as AttackTimeline;
    timeline.shadowRoot!.querySelector('[data-event-id="ev-fir"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    (doc.querySelector('attack-story') as AttackStory).next();
    timeline.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click();
    await frames(5);
    const w = iframe.contentWindow as Recorded;
    expect(w.__violations).to.deep.equal([]);
    expect(w.__errors).to.deep.equal([]);
  });

  it('loads and styles all three elements when the page’s named elements clobber the globals Lit reads', async () => {
    const n = await aiimsEvents();
    const iframe = await page('/test/fixtures/clobbered.html');
    const doc = iframe.contentDocument!;
    const w = iframe.contentWindow as Recorded & Record<string, unknown>;
    await defined(doc);
    await waitFor(() => marks(doc.querySelector('attack-timeline')) === n && doc.querySelector('attack-map')?.shadowRoot?.querySelector('.land'), 'timeline and map drawn', 20000);
    doc.querySelector('attack-story')!.scrollIntoView();
    await waitFor(() => marks(storyTimeline(doc)) === n, 'story drawn', 20000);
    expect(w.__errors).to.deep.equal([]);
    // Styled through adopted stylesheets (a clobbered ShadyCSS would make Lit use <style>, which the CSP blocks).
    expect(w.__violations).to.deep.equal([]);
    for (const tag of ['attack-timeline', 'attack-map', 'attack-story']) {
      const root = doc.querySelector(tag)!.shadowRoot!;
      expect(root.adoptedStyleSheets.length, tag).to.be.greaterThan(0);
      expect(root.querySelector('style'), tag).to.equal(null);
    }
    const list = doc.querySelector('attack-timeline')!.shadowRoot!.querySelector('.sr-only')!;
    expect(list.getBoundingClientRect().height).to.be.at.most(1);
    // The page's own elements are untouched.
    expect(doc.getElementById('litHtmlVersions')!.textContent).to.equal('First!');
    expect(doc.querySelectorAll('section.comments > *').length).to.equal(16);
  });

  it('needs exactly one Trusted Types policy, named attack-timeline', async () => {
    const n = await aiimsEvents();
    const iframe = await page('/test/fixtures/tt-named.html');
    await waitFor(() => marks(iframe.contentDocument!.querySelector('attack-timeline')) === n, 'drawn', 20000);
    const w = iframe.contentWindow as Recorded;
    expect(w.__violations).to.deep.equal([]);
    expect(w.__errors).to.deep.equal([]);
  });

  // Page rules that reach the hosts themselves: the host matches `*`, and an `!important` there beats an ordinary `:host` rule.
  const HOSTILE_SHEETS: Array<[string, string]> = [
    [
      'a hostile global stylesheet',
      `
      * { box-sizing: content-box !important; transition: all 3s !important; }
      html { font-size: 10px; }
      body { font-family: "Comic Sans MS", cursive; color: #777; line-height: 3; letter-spacing: 2px;
             text-align: justify; text-transform: uppercase; word-spacing: 8px; white-space: nowrap; }
      svg { display: none !important; } li { font-size: 40px !important; color: #eee !important; }
      a { color: yellow !important; } *:focus { outline: none !important; } button { all: unset; }
      [hidden] { display: block !important; } :root { --color: red; --accent: red; --bg: black; }`,
    ],
    [
      'important type rules on every element, the hosts included',
      `
      * { font-size: 30px !important; line-height: 3 !important; font-family: "Comic Sans MS", cursive !important;
          font-weight: 900 !important; font-style: italic !important; color: #777 !important;
          text-transform: uppercase !important; text-align: justify !important; text-indent: 40px !important;
          white-space: nowrap !important; font-variant: small-caps !important; word-break: break-all !important; }
      html { font-size: 40px !important; }`,
    ],
  ];

  for (const [name, sheet] of HOSTILE_SHEETS)
    it(`looks the same under ${name} as on a neutral page`, async () => {
      const data = await aiimsIncident();
      const timeline = await fixture<AttackTimeline>('attack-timeline', (t) => (t.incident = data));
      const map = await fixture<AttackMap>('attack-map', (m) => (m.incident = data));
      await waitFor(() => map.shadowRoot!.querySelector('.land'), 'map drawn');
      timeline.select('ev-fir');
      await timeline.updateComplete;
      const selectors = [
        '.caption-title',
        '.summary',
        'button',
        // The pan and sound buttons, after the first three (the zoom buttons) that 'button' covers.
        '.toolbar [role="group"] + [role="group"] button',
        '.toolbar .sound',
        '.legend li',
        '.text .label',
        '.tick text',
        '.lane text',
        '.details dd',
        '.details a',
        'svg.plot',
        '.place-label',
        '.claims li',
      ];
      const props = [
        'font-size',
        'line-height',
        'font-family',
        'color',
        'letter-spacing',
        'word-spacing',
        'text-align',
        'text-transform',
        'white-space',
        'font-weight',
        'font-style',
        'font-variant-caps',
        'text-indent',
        'word-break',
        'box-sizing',
        'display',
        'visibility',
        'fill',
        'opacity',
      ];
      const snapshot = () =>
        [timeline, map].flatMap((el) =>
          selectors.flatMap((sel) =>
            [...el.shadowRoot!.querySelectorAll(sel)].slice(0, 3).map((node) => {
              const cs = getComputedStyle(node);
              return `${el.tagName} ${sel}: ${props.map((p) => cs.getPropertyValue(p)).join(' | ')}`;
            }),
          ),
        );
      const size = () => [timeline, map].map((el) => `${el.getBoundingClientRect().width}x${el.getBoundingClientRect().height}`);
      const neutral = snapshot();
      const neutralSize = size();
      expect(neutral.length).to.be.greaterThan(15);
      expect(neutral.filter((line) => line.includes('[role="group"] button') || line.includes('.sound')).length, 'Earlier, Later and Play as sound compared').to.equal(3);
      const hostile = document.createElement('style');
      hostile.textContent = sheet;
      document.head.append(hostile);
      try {
        await frames(2);
        expect(snapshot()).to.deep.equal(neutral);
        expect(size()).to.deep.equal(neutralSize);
      } finally {
        hostile.remove();
      }
    });

  it('--attack-font-size scales all the text, the charts’ labels included, and a page’s important font-size rule still does not', async () => {
    const data = await aiimsIncident();
    const pair = async (size?: string) => {
      const scaled = (el: HTMLElement) => size && el.style.setProperty('--attack-font-size', size);
      const timeline = await fixture<AttackTimeline>('attack-timeline', (t) => (scaled(t), (t.incident = data)));
      const map = await fixture<AttackMap>('attack-map', (m) => (scaled(m), (m.incident = data)));
      await waitFor(() => map.shadowRoot!.querySelector('.place-label'), 'map labels drawn');
      timeline.select('ev-fir');
      await timeline.updateComplete;
      return { timeline, map };
    };
    const px = (el: Element, sel: string) => parseFloat(getComputedStyle(el.shadowRoot!.querySelector(sel)!).fontSize);
    /** The size the first of `sel` is drawn at on screen: SVG text scales with its drawing, beyond its computed size. */
    const drawn = (el: Element, sel: string) => {
      const text = el.shadowRoot!.querySelector<SVGGraphicsElement>(sel)!;
      return parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM()!.a;
    };
    const read = ({ timeline, map }: { timeline: AttackTimeline; map: AttackMap }) => ({
      title: px(timeline, '.caption-title'),
      legend: px(timeline, '.legend'),
      details: px(timeline, '.details dl'),
      claims: px(map, '.claims'),
      label: drawn(timeline, '.text .label'),
      tick: drawn(timeline, '.tick text'),
      place: drawn(map, '.place-label'),
      // The charts still fit their hosts: drawn bigger, not wider.
      overflow: [timeline, map].map((el) => Math.round(el.shadowRoot!.querySelector('svg.plot')!.getBoundingClientRect().width - el.getBoundingClientRect().width)),
    });
    const base = read(await pair());
    cleanup();
    const big = await pair('20px');
    const bigger = read(big);
    const ratio = 20 / 15;
    expect(bigger.title).to.be.closeTo(base.title * ratio, 0.1);
    expect(bigger.legend).to.be.closeTo(base.legend * ratio, 0.1);
    expect(bigger.details).to.be.closeTo(base.details * ratio, 0.1);
    expect(bigger.claims).to.be.closeTo(base.claims * ratio, 0.1);
    for (const k of ['label', 'tick', 'place'] as const) expect(bigger[k] / base[k], `${k} drawn ${ratio}× as large`).to.be.closeTo(ratio, 0.01);
    expect(bigger.overflow).to.deep.equal([0, 0]);
    const hostile = document.createElement('style');
    hostile.textContent = '* { font-size: 30px !important; line-height: 3 !important; } html { font-size: 40px !important; }';
    document.head.append(hostile);
    try {
      await frames(3);
      expect(read(big), 'the page’s rule changes nothing').to.deep.equal(bigger);
    } finally {
      hostile.remove();
    }
    // Changed after the first drawing: the charts are laid out again at the new size.
    for (const el of [big.timeline, big.map]) el.style.setProperty('--attack-font-size', '15px');
    await waitFor(
      () => Math.abs(drawn(big.timeline, '.text .label') - base.label) < 0.5 && Math.abs(drawn(big.map, '.place-label') - base.place) < 0.5,
      'labels back at the base size after the property changed',
    );
    expect(read(big)).to.deep.equal(base);
  });

  it('two copies of the bundle (and so two Lits) on one page: no error, each tag defined once', async () => {
    const n = await aiimsEvents();
    const iframe = await page('/test/fixtures/two-copies.html');
    const doc = iframe.contentDocument!;
    await defined(doc);
    await waitFor(() => marks(doc.querySelector('attack-timeline')) === n, 'timeline drawn', 20000);
    doc.querySelector('attack-story')!.scrollIntoView();
    await waitFor(() => marks(storyTimeline(doc)) === n, 'story drawn', 20000);
    const w = iframe.contentWindow as Recorded & { litHtmlVersions?: string[] };
    expect(w.__errors).to.deep.equal([]);
    const loaded = w.performance.getEntriesByType('resource').filter((e) => e.name.includes('attack-timeline.min.js'));
    expect(loaded.length, 'both copies were loaded').to.equal(2);
  });

  it('a page that runs its own Lit, with a Trusted Types allowlist of lit-html and attack-timeline', async () => {
    const n = await aiimsEvents();
    const iframe = await page('/test/fixtures/host-lit.html');
    const doc = iframe.contentDocument!;
    await waitFor(
      () => marks(doc.querySelector('attack-timeline')) === n && doc.querySelector('host-widget')?.shadowRoot?.textContent?.includes('Host widget'),
      'both drawn',
      20000,
    );
    const w = iframe.contentWindow as Recorded;
    expect(w.__violations).to.deep.equal([]);
    expect(w.__errors).to.deep.equal([]);
  });

  it('a busy page (patched built-ins, library-named globals, capturing key and click listeners) does not break it', async () => {
    const n = await aiimsEvents();
    const iframe = await page('/test/fixtures/patched.html');
    const doc = iframe.contentDocument!;
    await waitFor(() => marks(doc.querySelector('attack-timeline')) === n && doc.querySelector('attack-map')?.shadowRoot?.querySelector('[data-place-id]'), 'drawn', 20000);
    const timeline = doc.querySelector('attack-timeline') as AttackTimeline;
    iframe.focus();
    timeline.shadowRoot!.querySelector<SVGGElement>('[data-event-id="ev-manual-mode"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => timeline.selected === 'ev-nic-suspects-ransomware', 'keyboard selection');
    const w = iframe.contentWindow as Recorded & { __seen: { keys: number } };
    expect(w.__seen.keys, 'the page still sees its key events').to.be.greaterThan(0);
    expect(w.__errors).to.deep.equal([]);
  });

  it('100 attach/detach cycles leave no listener, observer, timer or frame behind, and the heap returns to its baseline', async function () {
    const iframe = await page('/test/fixtures/leaks.html');
    const w = iframe.contentWindow as Recorded & { __live(): Record<string, number>; gc?: () => void; performance: Performance & { memory?: { usedJSHeapSize: number } } };
    const doc = iframe.contentDocument!;
    await waitFor(() => w.customElements.get('attack-story'), 'bundle loaded');
    const data = await aiimsIncident();
    const cycle = async () => {
      const box = doc.createElement('div');
      const els = ['attack-timeline', 'attack-map', 'attack-story'].map((tag) => {
        const el = doc.createElement(tag) as HTMLElement & { incident: unknown; updateComplete: Promise<unknown> };
        el.incident = structuredClone(data);
        box.append(el);
        return el;
      });
      doc.body.append(box);
      await Promise.all(els.map((el) => el.updateComplete));
      await new Promise((r) => w.requestAnimationFrame(() => r(undefined)));
      box.remove();
    };
    // Warm up: lazy chunks (map code, land, zoom) load once per page.
    for (let i = 0; i < 5; i++) await cycle();
    await new Promise((r) => setTimeout(r, 500));
    const before = w.__live();
    /** The heap after collections: the least of a few readings, so late garbage does not count. */
    const heap = async () => {
      let least = Infinity;
      for (let i = 0; i < 4; i++) {
        w.gc?.();
        await new Promise((r) => setTimeout(r, 100));
        least = Math.min(least, w.performance.memory?.usedJSHeapSize ?? 0);
      }
      return least;
    };
    for (let i = 0; i < 50; i++) await cycle();
    const half = await heap();
    for (let i = 0; i < 50; i++) await cycle();
    await new Promise((r) => setTimeout(r, 500));
    const after = w.__live();
    expect(after).to.deep.equal(before);
    if (w.gc && w.performance.memory) {
      // A leak grows with every cycle; the second fifty must not add a megabyte.
      const growth = (await heap()) - half;
      expect(growth, `heap grew ${growth} bytes over 50 cycles`).to.be.lessThan(1_000_000);
    }
    expect(w.__errors).to.deep.equal([]);
  });
});
