import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../../index.js';
import type { AttackStory } from './attack-story.js';
import type { AttackTimeline } from '../attack-timeline/attack-timeline.js';
import type { AttackSelectDetail } from '../../events.js';
import { aiimsIncident, axeViolations, cleanup, skipBecause, trapPageErrors, waitFor } from '../../../test/browser/helpers.js';
import { click, drawnStory, harness, mount, type StoryHarness } from '../../../test/browser/harness.js';

/*
 * The stepper, header parts and the parts' panels are found by part or role, marks by id.
 * Classes stay only where nothing else observes the node: the stepper's `.position` (a
 * visible line, not live: the story's one live region says the choice), `.updated` (the
 * header's last-update line: no role, part or name) and the map's `.area.highlight` (a
 * purely visual emphasis in the aria-hidden backdrop).
 */
/** The AIIMS story, drawn: its timeline's marks and its map's places are in. */
async function story(setup: (el: AttackStory) => void = () => undefined, width = 1280): Promise<StoryHarness> {
  const data = await aiimsIncident();
  return drawnStory((s) => {
    s.incident = data;
    setup(s);
  }, width);
}
/** The red, green and blue of a computed colour. */
const rgbOf = (colour: string) => (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
/** The stepper's position line: where the reader is. */
const position = (s: StoryHarness) => s.part('stepper')!.querySelector('.position')!;

let trap: ReturnType<typeof trapPageErrors>;
beforeEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  trap = trapPageErrors();
});
afterEach(() => {
  cleanup();
  trap.stop();
  history.replaceState(null, '', location.pathname + location.search);
  expect(trap.errors).to.deep.equal([]);
});

describe('<attack-story>', () => {
  it('has no axe violations', async () => {
    const s = await story();
    expect(await axeViolations(s.el)).to.deep.equal([]);
  });

  it('shows title, summary, last update and the zone, once, over a linked timeline and map', async () => {
    const s = await story();
    const header = s.root.querySelector('header')!.textContent;
    expect(header).to.contain('The ransomware attack on AIIMS New Delhi');
    expect(header).to.contain('Updated 2 Dec 2026');
    expect(header).to.contain('Times in India Standard Time');
    // The timeline's own caption is hidden from sight (a 1 px box) but still rendered for assistive technology.
    const caption = s.timeline.root.querySelector('figcaption')!;
    const box = caption.getBoundingClientRect();
    expect(box.width, 'caption visually hidden').to.be.at.most(1);
    expect(box.height, 'caption visually hidden').to.be.at.most(1);
    expect(getComputedStyle(caption).display, 'caption still rendered').to.not.equal('none');
    // It names the part, not the incident again: the story's heading does that.
    expect(caption.textContent!.trim()).to.equal('Timeline');
  });

  it('puts timeline and map side by side when wide and stacks them when narrow', async () => {
    const wide = await story(undefined, 1280);
    const w = { timeline: wide.timeline.el, map: wide.map.el };
    expect(w.map.getBoundingClientRect().left).to.be.greaterThan(w.timeline.getBoundingClientRect().right - 1);
    cleanup();
    const narrow = await story(undefined, 375);
    const n = { timeline: narrow.timeline.el, map: narrow.map.el };
    expect(n.map.getBoundingClientRect().top).to.be.at.least(n.timeline.getBoundingClientRect().bottom - 1);
    expect(n.timeline.orientation).to.equal('vertical');
  });

  it('shares a selection made in any part; one action gives one attack-select at the document', async () => {
    const s = await story((el) => (el.id = 'shared'));
    const seen: AttackSelectDetail[] = [];
    const listen = (e: Event) => seen.push((e as CustomEvent<AttackSelectDetail>).detail);
    document.addEventListener('attack-select', listen);
    try {
      const { timeline, map } = s;
      click(timeline.find('data-event-id', 'ev-ip-trace')!);
      await s.settle();
      expect(seen).to.deep.equal([{ id: 'ev-ip-trace' }]);
      expect(s.el.selected).to.equal('ev-ip-trace');
      expect(s.el.getAttribute('selected')).to.equal('ev-ip-trace');
      expect(map.el.selected).to.equal('ev-ip-trace');
      expect(map.root.querySelectorAll('.area.highlight').length).to.equal(2);
      // The claim is reported in the police's on-record statement: the timeline moves to that event.
      click(map.find('data-claim-id', 'att-hk-ip')!);
      await s.settle();
      expect(seen).to.deep.equal([{ id: 'ev-ip-trace' }, { id: 'ev-police-on-record', claim: 'att-hk-ip' }]);
      expect(timeline.el.selected).to.equal('ev-police-on-record');
      expect(s.el.selected).to.equal('ev-police-on-record');
    } finally {
      document.removeEventListener('attack-select', listen);
    }
  });

  it('steps through events with Previous and Next, announcing each step', async () => {
    const s = await story();
    let count = 0;
    s.el.addEventListener('attack-select', () => count++);
    const [prev, next] = [...s.part('stepper')!.querySelectorAll('button')];
    expect(prev!.getAttribute('aria-disabled')).to.equal('true');
    next!.click();
    await s.settle();
    expect(s.el.selected).to.equal('ev-attack');
    next!.click();
    await s.settle();
    expect(s.el.selected).to.equal('ev-manual-mode');
    expect(position(s).textContent).to.equal('Event 2 of 25: Digital services knocked out; hospital works manually');
    expect(s.timeline.part('details')!.textContent).to.contain('the hospital switched to manual working');
    prev!.click();
    await s.settle();
    expect(s.el.selected).to.equal('ev-attack');
    expect(count).to.equal(3);
  });

  it('keeps the selection in the URL hash under its own key, without flooding history', async () => {
    const length = history.length;
    const s = await story((el) => (el.id = 'aiims'));
    s.el.next();
    await s.settle();
    expect(location.hash).to.equal('#aiims=ev-attack');
    s.el.select('ev-fir');
    await s.settle();
    expect(location.hash).to.equal('#aiims=ev-fir');
    expect(history.length).to.equal(length);
    s.el.select(null);
    await s.settle();
    expect(location.hash).to.equal('');
  });

  it('opens on the event a link names and scrolls it into view', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.prepend(spacer);
    history.replaceState(null, '', '#other=x&linked=ev-rs-reply');
    try {
      const s = await story((el) => (el.id = 'linked'));
      await waitFor(() => s.el.selected === 'ev-rs-reply', 'selection from the hash');
      await s.settle();
      await waitFor(() => Math.abs(s.el.getBoundingClientRect().top) < 5, 'scrolled into view');
      expect(s.timeline.part('details')!.textContent).to.contain('unknown threat actors');
      expect(location.hash).to.equal('#other=x&linked=ev-rs-reply');
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('two stories on a page keep their own keys; a plain anchor is left alone', async () => {
    const a = await story((el) => (el.id = 'one'));
    const b = await story((el) => (el.id = 'two'));
    a.el.select('ev-fir');
    await a.settle();
    b.el.select('ev-rs-reply');
    await b.settle();
    expect(new URLSearchParams(location.hash.slice(1)).get('one')).to.equal('ev-fir');
    expect(new URLSearchParams(location.hash.slice(1)).get('two')).to.equal('ev-rs-reply');
    a.el.select(null);
    await a.settle();
    expect(location.hash).to.equal('#two=ev-rs-reply');
    history.replaceState(null, '', '#section-2');
    b.el.select('ev-attack');
    await b.settle();
    expect(location.hash).to.equal('#section-2');
  });

  it('selects the event of each marked paragraph as it scrolls into view', async () => {
    const again = await story((el) => (el.id = 'scrolly'));
    const paragraphs = ['ev-fir', 'ev-ip-trace'].map((id) => {
      const p = document.createElement('p');
      p.dataset.attackEvent = id;
      p.textContent = `Paragraph about ${id}`;
      p.style.margin = '100vh 0';
      document.body.append(p);
      return p;
    });
    try {
      // The story looks for marked paragraphs when it is (re)attached.
      const box = again.el.parentElement!;
      again.el.remove();
      box.append(again.el);
      await again.settle();
      let events = 0;
      again.el.addEventListener('attack-select', () => events++);
      paragraphs[0]!.scrollIntoView({ block: 'center' });
      await waitFor(() => again.el.selected === 'ev-fir', 'first paragraph selects its event');
      paragraphs[1]!.scrollIntoView({ block: 'center' });
      await waitFor(() => again.el.selected === 'ev-ip-trace', 'second paragraph selects its event');
      expect(events).to.equal(2);
    } finally {
      paragraphs.forEach((p) => p.remove());
      window.scrollTo(0, 0);
    }
  });

  it('renders and fetches only when near the viewport', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    document.body.append(spacer);
    const el = document.createElement('attack-story') as AttackStory;
    el.src = '/examples/data/aiims-delhi-2022.json?lazy-test';
    const fallback = document.createElement('p');
    fallback.textContent = 'Fallback text';
    el.append(fallback);
    document.body.append(el);
    const s = harness(el);
    try {
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      const fetched = () => performance.getEntriesByType('resource').some((e) => e.name.includes('lazy-test'));
      expect(fetched(), 'no fetch while far away').to.equal(false);
      expect(s.root.querySelector('slot')).to.exist;
      el.scrollIntoView();
      await waitFor(() => s.root.querySelector('attack-timeline'), 'rendered once near');
      expect(fetched()).to.equal(true);
    } finally {
      el.remove();
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('holds --attack-story-min-height (or -wide, from 980 px) until it draws, then is its own height', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    document.body.append(spacer);
    const boxes = [700, 1280].map((width) => {
      const box = document.createElement('div');
      box.style.width = `${width}px`;
      const el = document.createElement('attack-story') as AttackStory;
      el.src = '/examples/data/aiims-delhi-2022.json';
      el.style.setProperty('--attack-story-min-height', '5000px');
      el.style.setProperty('--attack-story-min-height-wide', '3000px');
      el.append(Object.assign(document.createElement('p'), { textContent: 'Fallback text' }));
      box.append(el);
      document.body.append(box);
      return { box, el };
    });
    try {
      await Promise.all(boxes.map((b) => b.el.updateComplete));
      expect(boxes.map((b) => Math.round(b.el.getBoundingClientRect().height))).to.deep.equal([5000, 3000]);
      const wide = boxes[1]!.el;
      wide.scrollIntoView();
      await waitFor(() => wide.shadowRoot!.querySelector('attack-timeline'), 'rendered once near');
      await waitFor(() => wide.getBoundingClientRect().height < 2500, 'its own height once drawn');
    } finally {
      for (const b of boxes) b.box.remove();
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('speaks Hindi: labels, stepper and numbers', async () => {
    const s = await story((el) => el.setAttribute('lang', 'hi-IN'));
    expect(position(s).textContent).to.equal('25 घटनाएँ। क्रम से देखने के लिए “अगली घटना” दबाएँ।');
    expect(s.root.querySelector('.updated')!.textContent).to.contain('भारतीय मानक समय');
    expect(s.timeline.part('legend')!.textContent).to.contain('आधिकारिक पुष्टि');
  });

  it('survives a malformed locale tag and a malformed src: English labels, a clear error, nothing thrown', async () => {
    const s = await story((el) => (el.locale = 'en_IN!!'));
    expect(position(s).textContent).to.contain('25 events');
    const broken = await mount<AttackStory>('attack-story', (el) => {
      el.setAttribute('src', 'http://[bad');
      el.debug = true;
    });
    broken.el.scrollIntoView();
    await waitFor(() => broken.role('alert'), 'error shown');
    expect(broken.role('alert')!.textContent).to.contain('src');
  });

  it('transparent: no background of its own, in the story and its parts', async () => {
    const s = await story((el) => (el.transparent = true));
    for (const node of [s.el, s.timeline.el, s.map.el]) expect(getComputedStyle(node).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    const opaque = await story();
    expect(getComputedStyle(opaque.el).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
  });

  it('prints the whole chronology without controls', async function () {
    const s = await story();
    try {
      await emulateMedia({ media: 'print' });
    } catch {
      await skipBecause(this, "print media can be emulated only in Chromium (through CDP); this browser's driver cannot");
    }
    try {
      const { timeline } = s;
      await s.settle();
      // The table of every event prints though nobody opened it on screen; its toggle does not.
      const table = timeline.root.querySelector('table')!;
      expect(table.getBoundingClientRect().height).to.be.greaterThan(200);
      expect(table.querySelectorAll('tbody tr').length).to.equal(25);
      expect(getComputedStyle(timeline.root.querySelector('.table-toggle')!).display).to.equal('none');
      expect(getComputedStyle(s.part('stepper')!).display).to.equal('none');
      expect(getComputedStyle(timeline.part('toolbar')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it("stops its parts' attack-load and reports its own, once", async () => {
    let loads = 0;
    document.addEventListener('attack-load', () => loads++);
    await story();
    await new Promise((r) => setTimeout(r, 100));
    expect(loads).to.equal(1);
  });
});

describe('example pages', () => {
  const frame = async (src: string, sandbox?: string, width = 1280, height = 900) => {
    const iframe = document.createElement('iframe');
    if (sandbox !== undefined) iframe.setAttribute('sandbox', sandbox);
    iframe.width = String(width);
    iframe.height = String(height);
    iframe.src = src;
    document.body.prepend(iframe);
    await new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    return iframe;
  };

  it('article.html reads without JavaScript: the fallback list with dates and sources', async () => {
    const iframe = await frame('/examples/article.html', 'allow-same-origin');
    try {
      const doc = iframe.contentDocument!;
      const items = [...doc.querySelectorAll('attack-story ol li')];
      expect(items.length).to.equal(6);
      expect(items[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2022-11-23T07:00+05:30');
      expect(items[1]!.textContent).to.contain('date disputed');
      expect(items.every((li) => li.querySelector('a[href^="https://"]'))).to.equal(true);
      expect((items[0] as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(10);
    } finally {
      iframe.remove();
    }
  });

  it('article.html in print: the scroll-driven steps are ordinary paragraphs, not a screen apart (Chromium)', async function () {
    if (!navigator.userAgent.includes('Chrome')) await skipBecause(this, "print media can be emulated only in Chromium (through CDP); this browser's driver cannot");
    const iframe = await frame('/examples/article.html', 'allow-same-origin');
    try {
      const steps = [...iframe.contentDocument!.querySelectorAll<HTMLElement>('.scrolly p')];
      expect(steps.length).to.be.greaterThan(3);
      const gap = () => parseFloat(getComputedStyle(steps[0]!).marginBottom);
      expect(gap(), 'on screen a step is most of a window from the next').to.be.greaterThan(200);
      await emulateMedia({ media: 'print' });
      expect(gap(), 'in print, a paragraph’s spacing').to.be.at.most(20);
    } finally {
      await emulateMedia({ media: 'screen' });
      iframe.remove();
    }
  });

  it('article.html loads with no layout shift (CLS below 0.01, Chromium)', async function () {
    const iframe = await frame('/examples/article.html');
    try {
      const win = iframe.contentWindow as Window & typeof globalThis;
      if (!win.PerformanceObserver.supportedEntryTypes?.includes('layout-shift'))
        await skipBecause(this, 'this browser does not report layout shifts (the Layout Instability API is Chromium’s)');
      const storyEl = await waitFor(() => win.document.querySelector('attack-story') as AttackStory | null, 'story');
      await waitFor(() => storyEl.shadowRoot?.querySelector('attack-timeline')?.shadowRoot?.querySelector('[data-event-id]'), 'story drawn', 15000);
      await new Promise((r) => setTimeout(r, 800));
      const cls = await new Promise<number>((resolve) => {
        let total = 0;
        new win.PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) total += e.value;
          resolve(total);
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      });
      expect(cls).to.be.lessThan(0.01);
    } finally {
      iframe.remove();
    }
  });

  it('iframe.html’s embed follows the reader’s dark setting, as the page around it does (theme=system, Chromium)', async function () {
    if (!navigator.userAgent.includes('Chrome')) await skipBecause(this, "the colour scheme can be emulated only in Chromium (through CDP); this browser's driver cannot");
    await emulateMedia({ colorScheme: 'dark' });
    const iframe = await frame('/examples/iframe.html');
    try {
      const inner = await waitFor(() => iframe.contentDocument!.querySelector('iframe[data-attack-embed]') as HTMLIFrameElement | null, 'inner iframe');
      const story = await waitFor(
        () => inner.contentDocument?.querySelector('attack-story')?.shadowRoot?.querySelector('.story') && inner.contentDocument!.querySelector('attack-story'),
        'inner story drawn',
        15000,
      );
      const [r = 255, g = 255, b = 255] = rgbOf(getComputedStyle(story).backgroundColor);
      expect(r + g + b, `the embed's background ${getComputedStyle(story).backgroundColor}`).to.be.below(200);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
      iframe.remove();
    }
  });

  it('iframe.html passes a deep link in its own URL through to the story in the iframe', async () => {
    const iframe = await frame('/examples/iframe.html#aiims=ev-rs-reply');
    try {
      const inner = await waitFor(() => iframe.contentDocument!.querySelector('iframe[data-attack-embed]') as HTMLIFrameElement | null, 'inner iframe');
      // Looked up on every try: a page that had already loaded its unpinned embed is reloaded
      // with parent= pinned, and the story of the first load is gone with it.
      const innerStory = () => inner.contentDocument?.querySelector('attack-story') as AttackStory | null;
      await waitFor(() => innerStory(), 'inner story', 15000);
      await waitFor(
        () => innerStory()?.selected === 'ev-rs-reply',
        `the linked event selected inside the iframe (inner URL ${inner.contentWindow?.location.href}, src ${inner.src}, selected ${innerStory()?.selected}, incident ${Boolean(innerStory()?.incident)})`,
        15000,
      );
    } finally {
      iframe.remove();
    }
  });

  it('embed.html posts its height in the pym.js format; the parent resizes only its own iframe', async () => {
    const messages: string[] = [];
    const listen = (e: MessageEvent) => typeof e.data === 'string' && messages.push(e.data);
    window.addEventListener('message', listen);
    const iframe = document.createElement('iframe');
    iframe.dataset.attackEmbed = 'emb';
    iframe.width = '900';
    iframe.height = '150';
    iframe.src = '/examples/embed.html?src=data/aiims-delhi-2022.json&key=emb&childId=emb';
    document.body.prepend(iframe);
    const url = '/examples/embed-parent.js';
    await import(url);
    try {
      await waitFor(() => messages.some((m) => /^pymxPYMxembxPYMxheightxPYMx\d+$/.test(m) && Number(m.split('xPYMx')[3]) > 1000), 'height message', 15000);
      await waitFor(() => Number(iframe.height) > 1000, 'iframe resized');
      const height = iframe.height;
      // A forged message from this window, and one from another frame, are both ignored.
      window.postMessage('pymxPYMxembxPYMxheightxPYMx5', '*');
      const other = document.createElement('iframe');
      other.srcdoc = '<script>parent.postMessage("pymxPYMxembxPYMxheightxPYMx7", "*")</script>';
      document.body.append(other);
      await new Promise((r) => setTimeout(r, 300));
      other.remove();
      expect(Number(iframe.height), `was ${height}`).to.be.greaterThan(1000, 'the forged heights (5, 7) were ignored');
      // Selecting inside the iframe reaches the parent's URL.
      const inner = iframe.contentDocument!.querySelector('attack-story') as AttackStory;
      const mark = await waitFor(() => {
        const timeline = inner.shadowRoot?.querySelector<AttackTimeline>('attack-timeline');
        return timeline?.shadowRoot && harness(timeline).find('data-event-id', 'ev-fir');
      }, 'inner marks');
      click(mark);
      await waitFor(() => location.hash === '#emb=ev-fir', 'parent hash updated');
    } finally {
      window.removeEventListener('message', listen);
      iframe.remove();
    }
  });
});
