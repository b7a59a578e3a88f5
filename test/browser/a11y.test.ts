/**
 * What a screen-reader, keyboard and pointer user meets beyond axe: one polite announcement
 * per choice (only while the element is in view or focused), focus that comes back where it
 * came from, short option names with the rest in a description, real headings, nothing read
 * twice, a hover preview that stays put and can be dismissed, text spacing that reaches in,
 * `lang` on text in another language than the page's, and an incident description.
 */
import { expect } from 'chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { Incident } from '../../src/model/types.js';
import { aiimsIncident, axeViolations, cleanup, deepActiveElement, frames, trapPageErrors, waitFor } from './helpers.js';
import { click, drawnMap, drawnStory, mount, type Harness, type StoryHarness } from './harness.js';

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

const live = (h: Harness<HTMLElement & { updateComplete: Promise<unknown> }>) => h.root.querySelector('[aria-live="polite"]')!.textContent!.trim();

async function timeline(setup: (el: AttackTimeline) => void = () => undefined, width = 1280): Promise<Harness<AttackTimeline>> {
  const data = await aiimsIncident();
  const t = await mount<AttackTimeline>(
    'attack-timeline',
    (el) => {
      el.incident = data;
      setup(el);
    },
    width,
  );
  await waitFor(() => t.all('data-event-id').length, 'timeline drawn');
  await t.settle();
  return t;
}

async function map(setup: (el: AttackMap) => void = () => undefined, width = 900): Promise<Harness<AttackMap>> {
  const data = await aiimsIncident();
  return drawnMap((el) => {
    el.incident = data;
    setup(el);
  }, width);
}

async function story(setup: (el: AttackStory) => void = () => undefined, width = 1280, data?: Incident): Promise<StoryHarness> {
  const incident = data ?? (await aiimsIncident());
  const s = await drawnStory((el) => {
    el.incident = incident;
    setup(el);
  }, width);
  await s.settle();
  return s;
}

/** Real pointer position of a node's centre, in page pixels. */
function centre(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

describe('announcements', () => {
  it('a standalone timeline says what was selected, once, in its own polite live region', async () => {
    const t = await timeline();
    const regions = t.root.querySelectorAll('[aria-live]');
    expect(regions.length).to.equal(1);
    expect(live(t)).to.equal('');
    click(t.find('data-event-id', 'ev-attack')!);
    await t.settle();
    expect(live(t)).to.equal('Selected: 23 Nov 2022, around 7 am IST, Ransomware attack paralyses AIIMS servers, Confirmed on the record; details below.');
  });

  it('a standalone map says which place or claim was chosen', async () => {
    const m = await map();
    click(m.find('data-place-id', 'hong-kong')!);
    await m.settle();
    expect(live(m)).to.equal('Selected: Hong Kong: Where infrastructure was traced; details below.');
    click(m.find('data-claim-id', 'att-henan-ip')!);
    await m.settle();
    expect(live(m)).to.match(/^Selected: Henan province, China → AIIMS, New Delhi: Where infrastructure was traced/);
  });

  it('a story says a choice in any part once, in its own region, and names the place, not the event count', async () => {
    const s = await story();
    click(s.map.find('data-place-id', 'henan')!);
    await s.settle();
    expect(live(s)).to.equal('Selected: Henan province, China: Where infrastructure was traced; details below.');
    // The parts stay quiet and the stepper is not a live region.
    expect(live(s.timeline)).to.equal('');
    expect(live(s.map)).to.equal('');
    expect(s.part('stepper')!.querySelector('[aria-live]')).to.equal(null);
    click(s.timeline.find('data-event-id', 'ev-fir')!);
    await s.settle();
    expect(live(s)).to.match(/^Selected: 24 or 25 Nov 2022, Delhi Police registers a case/);
  });

  it('says nothing while the story is off-screen, and speaks again once it is in view', async () => {
    const s = await story();
    const step = document.createElement('p');
    step.dataset.attackEvent = 'ev-fir';
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    s.el.parentElement!.before(step, spacer);
    window.scrollTo(0, 0);
    await frames(2);
    expect(s.el.getBoundingClientRect().top).to.be.greaterThan(innerHeight);
    s.el.stepReached(step);
    await s.settle();
    expect(s.el.selected).to.equal('ev-fir');
    expect(live(s)).to.equal('');
    s.el.scrollIntoView();
    await frames(2);
    step.dataset.attackEvent = 'ev-attack';
    s.el.stepReached(step);
    await s.settle();
    expect(live(s)).to.match(/^Selected: 23 Nov 2022/);
    step.remove();
    spacer.remove();
  });

  it('links the selected option to its details', async () => {
    const t = await timeline();
    click(t.find('data-event-id', 'ev-fir')!);
    await t.settle();
    const mark = t.find('data-event-id', 'ev-fir')!;
    expect(t.root.getElementById(mark.getAttribute('aria-details')!)).to.equal(t.part('details'));
    expect(t.find('data-event-id', 'ev-attack')!.hasAttribute('aria-details')).to.equal(false);
    const m = await map();
    click(m.find('data-place-id', 'hong-kong')!);
    await m.settle();
    expect(m.root.getElementById(m.find('data-place-id', 'hong-kong')!.getAttribute('aria-details')!)).to.equal(m.part('details'));
  });
});

describe('focus', () => {
  it("the map's Close button returns focus to the place it came from", async () => {
    const m = await map();
    m.find('data-place-id', 'hong-kong')!.focus();
    await m.press('Enter');
    await m.settle();
    const close = m.button('Close details')!;
    close.focus();
    await m.press('Enter');
    await m.settle();
    expect(m.part('details')).to.equal(null);
    expect(m.focusedId('data-place-id')).to.equal('hong-kong');
  });

  it('an event named by a place goes to its mark in a story, and focus stays on the place on a map alone', async () => {
    const s = await story();
    click(s.map.find('data-place-id', 'hong-kong')!);
    await s.settle();
    const button = [...s.map.part('details')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Email IP addresses traced'))!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await s.settle();
    expect(s.el.selected).to.equal('ev-ip-trace');
    expect(s.timeline.focusedId('data-event-id')).to.equal('ev-ip-trace');
    cleanup();
    const m = await map();
    click(m.find('data-place-id', 'hong-kong')!);
    await m.settle();
    const alone = [...m.part('details')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Email IP addresses traced'))!;
    alone.focus();
    await sendKeys({ press: 'Enter' });
    await m.settle();
    expect(m.focusedId('data-place-id')).to.equal('hong-kong');
  });

  it('Escape closes details from a link inside them and focus goes back to the event', async () => {
    const t = await timeline();
    t.find('data-event-id', 'ev-fir')!.focus();
    await t.press('Enter');
    await t.settle();
    t.part('details')!.querySelector('a')!.focus();
    await t.press('Escape');
    await t.settle();
    expect(t.part('details')).to.equal(null);
    expect(t.focusedId('data-event-id')).to.equal('ev-fir');
  });

  it('the stepper ends are aria-disabled, and focus stays on them', async () => {
    const s = await story();
    const [prev, next] = [...s.part('stepper')!.querySelectorAll('button')];
    expect(prev!.disabled).to.equal(false);
    expect(prev!.getAttribute('aria-disabled')).to.equal('true');
    s.el.select(s.el.incident!.events.at(-1)!.id);
    await s.settle();
    expect(next!.getAttribute('aria-disabled')).to.equal('true');
    next!.focus();
    await sendKeys({ press: 'Enter' });
    await s.settle();
    expect(deepActiveElement()).to.equal(next);
    expect(s.el.selected).to.equal(s.el.incident!.events.at(-1)!.id);
    s.el.select('ev-attack');
    await s.settle();
    prev!.focus();
    await sendKeys({ press: 'Enter' });
    await s.settle();
    expect(prev!.getAttribute('aria-disabled')).to.equal('true');
    expect(deepActiveElement()).to.equal(prev);
  });

  for (const width of [375, 1280]) {
    it(`keeps the focused Next button in view over 24 presses at ${width} px`, async () => {
      await setViewport(width);
      const s = await story(undefined, width);
      const next = [...s.part('stepper')!.querySelectorAll('button')][1]!;
      next.scrollIntoView({ block: 'center' });
      next.focus();
      for (let i = 0; i < 24; i++) {
        await sendKeys({ press: 'Enter' });
        await s.settle();
        const r = next.getBoundingClientRect();
        expect(r.top, `press ${i + 1}`).to.be.at.least(0);
        expect(r.bottom, `press ${i + 1}`).to.be.at.most(innerHeight + 1);
        expect(deepActiveElement()).to.equal(next);
      }
      await setViewport(1280);
    });
  }

  it('Next steps through every event in an article with scroll-driven steps, and Escape keeps the button in view', async () => {
    // An article as examples/article.html has: paragraphs after the story that select events as they scroll by.
    const steps: HTMLElement[] = [];
    const s = await story(() => {
      for (const id of ['ev-attack', 'ev-fir', 'ev-ip-trace']) {
        const p = document.createElement('p');
        p.dataset.attackEvent = id;
        p.textContent = `A paragraph about ${id}.`;
        p.style.margin = '0 0 500px';
        steps.push(p);
      }
      // In the page before the story first draws, which is when it looks for them.
      document.body.append(...steps);
    });
    s.el.parentElement!.after(...steps);
    try {
      const ids = s.el.incident!.events.length;
      const next = [...s.part('stepper')!.querySelectorAll('button')][1]!;
      next.scrollIntoView({ block: 'end' });
      next.focus();
      const seen: string[] = [];
      for (let i = 0; i < ids; i++) {
        await sendKeys({ press: 'Enter' });
        await s.settle();
        await frames(2);
        seen.push(s.el.selected!);
      }
      const order = s.el.incident!.events.map((e) => e.id);
      // Each press selects the next event in time order; scrolling past a step chooses nothing.
      expect(new Set(seen).size, seen.join(' ')).to.equal(ids);
      expect(next.getAttribute('aria-disabled')).to.equal('true');
      expect(order.includes(seen.at(-1)!)).to.equal(true);
      // A step crossing the reading line while focus is in the story (the details above Next
      // shrank, say) chooses nothing; with focus outside the story it does.
      const toReadingLine = async (p: HTMLElement) => {
        window.scrollBy(0, p.getBoundingClientRect().top - innerHeight * 0.47);
        await frames(3);
        await s.settle();
      };
      const before = s.el.selected;
      await toReadingLine(steps[1]!);
      expect(s.el.selected, 'no step chosen while the reader drives the story').to.equal(before);
      next.blur();
      await toReadingLine(steps[0]!);
      await waitFor(() => s.el.selected === 'ev-attack', 'the step chosen with focus outside the story');
      next.scrollIntoView({ block: 'end' });
      next.focus();
      await sendKeys({ press: 'Enter' });
      await s.settle();
      await sendKeys({ press: 'Escape' });
      await s.settle();
      await frames(2);
      const r = next.getBoundingClientRect();
      expect(r.top >= 0 && r.bottom <= innerHeight + 1, `Next at ${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}`).to.equal(true);
      expect(deepActiveElement() === next).to.equal(true);
    } finally {
      for (const p of steps) p.remove();
    }
  });

  it('comes back to the last focused event when the reader tabs back in; the ends do not wrap', async () => {
    const t = await timeline();
    const before = document.createElement('button');
    before.textContent = 'before';
    t.el.parentElement!.before(before);
    t.find('data-event-id', 'ev-attack')!.focus();
    for (let i = 0; i < 4; i++) await t.press('ArrowRight');
    await t.settle();
    const fifth = t.focusedId('data-event-id');
    expect(fifth).to.equal('ev-internet-blocked');
    before.focus();
    // Tab through the toolbar into the chart: its one tab stop is the event left last.
    for (let i = 0; i < 8 && !t.focusedId('data-event-id'); i++) await sendKeys({ press: 'Tab' });
    await t.settle();
    expect(t.focusedId('data-event-id')).to.equal(fifth);
    await t.press('Home');
    await t.press('ArrowLeft');
    await t.settle();
    expect(t.focusedId('data-event-id')).to.equal('ev-attack');
    before.remove();
  });
});

async function setViewport(width: number) {
  const { setViewport: set } = await import('@web/test-runner-commands');
  await set({ width, height: 740 });
}

describe('names, descriptions and headings', () => {
  it('option names are short and lead with what tells them apart; the rest is a description', async () => {
    const s = await story();
    const options = [...s.timeline.root.querySelectorAll('[role="option"]'), ...s.map.root.querySelectorAll('[role="option"]')];
    expect(options.length).to.be.greaterThan(25);
    for (const o of options) expect(o.getAttribute('aria-label')!.length, o.getAttribute('aria-label')!).to.be.below(150);
    const attack = s.timeline.find('data-event-id', 'ev-attack')!;
    expect(attack.getAttribute('aria-label')).to.equal('23 Nov 2022, around 7 am IST: Ransomware attack paralyses AIIMS servers');
    expect(attack.getAttribute('aria-description')).to.equal('Confirmed on the record. Milestone. Attack & impact. 6 sources');
    const [hk, henan] = [s.map.find('data-claim-id', 'att-hk-ip')!, s.map.find('data-claim-id', 'att-henan-ip')!].map((n) => n.getAttribute('aria-label')!);
    expect(hk!.startsWith('Hong Kong → AIIMS')).to.equal(true);
    expect(henan!.startsWith('Henan province, China → AIIMS')).to.equal(true);
    expect(s.map.find('data-place-id', 'hong-kong')!.getAttribute('aria-description')).to.contain('Located only to within about 30 km');
  });

  it('reads a range with "to", not a dash', async () => {
    const t = await timeline();
    const label = t.find('data-event-id', 'ev-agencies')!.getAttribute('aria-label')!;
    expect(label).to.match(/^25 Nov to 14 Dec 2022/);
    expect(label).to.not.contain('–');
    // The table, which a screen reader reads cell by cell, says it the same way.
    t.button('Show as table')!.click();
    await t.settle();
    const title = t.el.incident!.events.find((e) => e.id === 'ev-agencies')!.title;
    const row = [...t.root.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === title)!;
    expect(row.querySelector('td')!.textContent).to.match(/^25 Nov to 14 Dec 2022/);
  });

  it('lets the publisher reword names and descriptions, and ignores a hook that throws', async () => {
    const t = await timeline((el) => {
      el.describe = (item) => (item.kind === 'event' ? { name: `${item.parts.title} (${item.parts.date})`, description: item.parts.lane } : null);
    });
    expect(t.find('data-event-id', 'ev-attack')!.getAttribute('aria-label')).to.equal('Ransomware attack paralyses AIIMS servers (23 Nov 2022, around 7 am IST)');
    expect(t.find('data-event-id', 'ev-attack')!.getAttribute('aria-description')).to.equal('Attack & impact');
    cleanup();
    const broken = await timeline((el) => {
      el.describe = () => {
        throw new Error('publisher bug');
      };
    });
    expect(broken.find('data-event-id', 'ev-attack')!.getAttribute('aria-label')).to.match(/^23 Nov 2022/);
    cleanup();
    // A hook's name is kept short too: a publisher's long format cannot make options speeches again.
    const wordy = await timeline((el) => {
      el.describe = (item) => ({ name: `${item.parts.title}. ${'Further detail that belongs in a description. '.repeat(8)}` });
    });
    const name = wordy.find('data-event-id', 'ev-attack')!.getAttribute('aria-label')!;
    expect([name.length < 150, name.startsWith('Ransomware attack paralyses AIIMS servers.'), name.endsWith('…')]).to.deep.equal([true, true, true]);
  });

  it('uses real headings at a configurable level, and names every figure', async () => {
    const s = await story();
    const h = (root: ShadowRoot) => [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((n) => `${n.tagName} ${n.textContent!.trim()}`);
    expect(h(s.root)).to.deep.equal(['H2 The ransomware attack on AIIMS New Delhi']);
    expect(h(s.timeline.root)).to.deep.equal(['H3 Timeline']);
    expect(h(s.map.root)).to.deep.equal(['H3 Places named in the claims', 'H4 Claims']);
    click(s.timeline.find('data-event-id', 'ev-fir')!);
    await s.settle();
    expect(h(s.timeline.root)).to.deep.equal(['H3 Timeline', 'H4 Delhi Police registers a case of extortion and cyber terrorism']);
    for (const figure of [s.timeline.root.querySelector('figure')!, s.map.root.querySelector('figure')!]) {
      const title = figure.getRootNode() as ShadowRoot;
      expect(title.getElementById(figure.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.not.equal('');
    }
    expect(s.root.getElementById(s.root.querySelector('article')!.getAttribute('aria-labelledby')!)!.tagName).to.equal('H2');
    cleanup();
    history.replaceState(null, '', location.pathname + location.search);
    const deeper = await story((el) => el.setAttribute('heading-level', '4'));
    expect(h(deeper.root)).to.deep.equal(['H4 The ransomware attack on AIIMS New Delhi']);
    expect(h(deeper.timeline.root)).to.deep.equal(['H5 Timeline']);
    const alone = await timeline((el) => el.setAttribute('heading-level', '3'));
    expect(h(alone.root)).to.deep.equal(['H3 The ransomware attack on AIIMS New Delhi']);
  });

  it('describes the whole incident first: span, events by status, milestones; the data can say it instead', async () => {
    const s = await story();
    const text = s.root.querySelector('header .sr-only')!.textContent!;
    expect(text).to.match(/^25 events from 23 Nov 2022 to 10 Feb 2023: \d+ confirmed on the record, \d+ reported citing unnamed sources/);
    expect(text).to.contain('Milestones: 23 Nov 2022, around 7 am IST, Ransomware attack paralyses AIIMS servers; 24 or 25 Nov 2022, Delhi Police registers a case');
    cleanup();
    const data = await aiimsIncident();
    data.description = 'Our own summary for screen readers.';
    const own = await story(undefined, 1280, data);
    expect(own.root.querySelector('header .sr-only')!.textContent).to.equal('Our own summary for screen readers.');
  });
});

describe('nothing read twice', () => {
  it('help text is referenced, not read in the flow; a place panel lists each source once; the map legend does not repeat the statuses', async () => {
    const s = await story();
    for (const h of [s.timeline, s.map]) {
      const chart = h.role('listbox')!;
      const help = h.root.getElementById(chart.getAttribute('aria-describedby')!)!;
      expect(help.textContent).to.match(/Arrow keys/);
      expect(help.hidden).to.equal(true);
    }
    click(s.map.find('data-place-id', 'aiims-new-delhi')!);
    await s.settle();
    const links = [...s.map.part('details')!.querySelectorAll('a')].map((a) => a.href);
    expect(links.length).to.be.greaterThan(2);
    expect(new Set(links).size).to.equal(links.length);
    const hidden = [...s.map.part('legend')!.querySelectorAll('li[aria-hidden="true"]')].map((li) => li.textContent);
    expect(hidden.some((t) => t!.startsWith('Confirmed on the record'))).to.equal(true);
    expect([...s.timeline.part('legend')!.querySelectorAll('li[aria-hidden="true"]')].length).to.equal(1); // its visible title only
  });

  it('source links say they open a new tab', async () => {
    const t = await timeline();
    click(t.find('data-event-id', 'ev-attack')!);
    await t.settle();
    for (const a of t.part('details')!.querySelectorAll('a[target="_blank"]')) expect(a.textContent).to.contain('(opens in a new tab)');
  });

  it('a claim with no arc can be chosen from the claims list, and shows its sources', async () => {
    const m = await map();
    const entry = m.find('data-claim-id', 'att-pti-origin-claim')!;
    const button = entry.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await m.press('Enter');
    await m.settle();
    expect(m.el.selection.claim).to.equal('att-pti-origin-claim');
    expect(m.part('details')!.textContent).to.contain('Report dated 14 Dec 2022 quoting PTI');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-label')).to.match(/^Sources: Attacker's origin, as claimed: An unnamed official source/);
    // Below the button, as "details below" says, and next in Tab order: not back up the page.
    const panel = m.part('details')!;
    expect(button.getAttribute('aria-controls')).to.equal(panel.id);
    expect(entry.contains(panel), 'the panel is in the claim entry').to.equal(true);
    expect(panel.getBoundingClientRect().top).to.be.at.least(button.getBoundingClientRect().bottom - 1);
    await m.press('Tab');
    expect(panel.contains(deepActiveElement()), 'Tab goes into the panel').to.equal(true);
    expect(await axeViolations(m.el)).to.deep.equal([]);
    // Closing the details puts focus back on the button they were opened from.
    m.button('Close details')!.focus();
    await m.press('Enter');
    await m.settle();
    expect(m.el.selection.claim === undefined).to.equal(true);
    expect(deepActiveElement() === button).to.equal(true);
  });

  it("opening a claim's sources in a story keeps its button in view", async () => {
    const s = await story(() => undefined, 1280);
    // A story's claims list opens from its button first.
    s.map.root.querySelector<HTMLButtonElement>('.claims-toggle')!.click();
    await s.settle();
    const button = s.map.find('data-claim-id', 'att-china-actor-claim')!.querySelector('button')!;
    button.scrollIntoView({ block: 'end' });
    button.focus();
    await s.press('Enter');
    await s.settle();
    const r = button.getBoundingClientRect();
    expect(r.top >= 0 && r.bottom <= innerHeight + 1, `button at ${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}`).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
  });
});

describe('the hover preview (WCAG 1.4.13)', () => {
  it('moves nothing, stays while the pointer moves onto it, and Escape dismisses it with focus anywhere', async () => {
    const m = await map();
    const claims = m.part('claims')!;
    const top = claims.getBoundingClientRect().top;
    const place = m.find('data-place-id', 'henan')!;
    await sendMouse({ type: 'move', position: centre(place) });
    const tip = await waitFor(() => m.root.querySelector<HTMLElement>('[role="tooltip"]'), 'tip');
    expect(tip.textContent).to.contain('Henan province, China');
    expect(m.part('details') === null, 'no details panel opened by a hover').to.equal(true);
    expect(claims.getBoundingClientRect().top).to.equal(top);
    // The tip is inside the map, and the pointer can rest on it.
    const chart = m.part('chart')!.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    expect(t.left).to.be.at.least(chart.left - 1);
    expect(t.right).to.be.at.most(chart.right + 1);
    await sendMouse({ type: 'move', position: centre(tip) });
    await m.settle();
    expect(m.root.querySelector('[role="tooltip"]')).to.exist;
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Escape' });
    await m.settle();
    expect(m.root.querySelector('[role="tooltip"]') === null, 'tip dismissed').to.equal(true);
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});

describe('the hover preview is hoverable on the way to it', () => {
  it("moving from a place to its tip across a claim line keeps the place's tip; resting on another item moves it", async () => {
    // The story at 1280 px, where Hong Kong's tip opens beside it, over its claim line.
    const s = await story(undefined, 1280);
    const m = s.map;
    m.el.scrollIntoView({ block: 'start' });
    await s.settle();
    const hk = m.find('data-place-id', 'hong-kong')!;
    const [x0, y0] = centre(hk);
    await sendMouse({ type: 'move', position: [x0, y0] });
    const tip = await waitFor(() => m.root.querySelector<HTMLElement>('[role="tooltip"]'), 'tip');
    expect(tip.textContent).to.contain('Hong Kong');
    const [x1, y1] = centre(tip);
    // A straight path, in small steps, as a hand moves.
    let crossed = false;
    for (let i = 1; i <= 12; i++) {
      const [x, y] = [Math.round(x0 + ((x1 - x0) * i) / 12), Math.round(y0 + ((y1 - y0) * i) / 12)];
      if (m.root.elementFromPoint(x, y)?.closest('[data-target-claim]')) crossed = true;
      await sendMouse({ type: 'move', position: [x, y] });
    }
    await m.settle();
    const now = m.root.querySelector('[role="tooltip"]');
    expect(crossed, 'the path crosses a claim line').to.equal(true);
    expect(now?.textContent, "the place's tip stays").to.contain('Hong Kong');
    expect(now!.textContent).to.not.contain('→');
    // Resting on a claim line moves the tip to the claim.
    const arc = m.root.querySelector<SVGPathElement>('svg.layer path.arc')!;
    const p = arc.getPointAtLength(arc.getTotalLength() / 2);
    const at = new DOMPoint(p.x, p.y).matrixTransform(arc.getScreenCTM()!);
    await sendMouse({ type: 'move', position: [Math.round(at.x), Math.round(at.y)] });
    await waitFor(() => m.root.querySelector('[role="tooltip"]')?.textContent?.includes('→'), 'the claim previewed after a rest');
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});

describe('text spacing (WCAG 1.4.12)', () => {
  const SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

  it("a reader's spacing override reaches the timeline and map text, and labels are measured with it", async () => {
    const style = document.createElement('style');
    style.textContent = SPACING;
    document.head.append(style);
    try {
      const s = await story();
      for (const h of [s.timeline, s.map]) {
        const text = h.root.querySelector('.summary, .legend span')!;
        expect(parseFloat(getComputedStyle(text).letterSpacing), h.el.localName).to.be.greaterThan(1);
      }
      // Labels are laid out with the spacing: none runs into the next one in its row.
      const labels = [...s.timeline.root.querySelectorAll('svg text.label')].map((n) => n.getBoundingClientRect());
      expect(labels.length).to.be.greaterThan(3);
      for (const a of labels)
        for (const b of labels) {
          if (a === b || Math.abs(a.top - b.top) > 4) continue;
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          expect(overlap).to.be.below(1);
        }
    } finally {
      style.remove();
    }
  });

  it('spacing set after the story has drawn, even only inside its shadow roots, is measured again', async () => {
    const s = await story();
    const before = s.timeline.root.querySelector('svg text.label')!.getBoundingClientRect().width;
    // As a bookmarklet does: into every shadow root, not the page.
    const sheets = [s.root, s.timeline.root, s.map.root].map((root) => {
      const style = document.createElement('style');
      style.textContent = SPACING;
      root.append(style);
      return style;
    });
    try {
      await waitFor(() => s.timeline.root.querySelector('svg text.label')!.getBoundingClientRect().width !== before, 'labels laid out again');
      await s.settle();
      const labels = [...s.timeline.root.querySelectorAll('svg text.label')].map((n) => n.getBoundingClientRect());
      const plot = s.timeline.role('listbox')!.getBoundingClientRect();
      for (const a of labels) {
        expect(a.right, 'no label cut at the right edge').to.be.at.most(plot.right + 1);
        for (const b of labels) {
          if (a === b || Math.abs(a.top - b.top) > 4) continue;
          expect(Math.min(a.right, b.right) - Math.max(a.left, b.left)).to.be.below(1);
        }
      }
    } finally {
      for (const style of sheets) style.remove();
    }
  });
});

describe('language (WCAG 3.1.2)', () => {
  it('marks English sources and data text in the Hindi story, and nothing in a story all in one language', async () => {
    const data = (await (await fetch('/examples/data/aiims-delhi-2022.hi.json')).json()) as Incident;
    const s = await story((el) => (el.locale = 'hi-IN'), 1280, data);
    click(s.timeline.find('data-event-id', 'ev-attack')!);
    await s.settle();
    const panel = s.timeline.part('details')!;
    const links = [...panel.querySelectorAll('a')];
    expect(links.length).to.be.greaterThan(0);
    // Every link's text (source titles, ATT&CK names) is marked English; its "opens in a new
    // tab" note, in Hindi, is not inside the English mark.
    for (const a of links) {
      const text = a.querySelector('[lang]');
      expect(text?.getAttribute('lang'), a.textContent!).to.equal('en');
      const note = a.querySelector('.sr-only')!;
      expect(note.closest('[lang="en"]') === null, `${a.textContent}: the note is not marked English`).to.equal(true);
      expect(note.textContent).to.contain('नए टैब');
    }
    expect(links.some((a) => a.href.includes('attack.mitre.org'))).to.equal(true);
    // The sources named in the conflicting accounts are English too.
    const conflicts = [...panel.querySelectorAll('ul li')].filter((li) => li.textContent!.includes('स्रोत:'));
    expect(conflicts.length).to.be.greaterThan(0);
    for (const li of conflicts) {
      const named = [...li.querySelectorAll('bdi[lang="en"]')];
      expect(named.length, li.textContent!).to.be.greaterThan(0);
    }
    // The Hindi data's own text carries no lang: it is the page's language.
    expect(s.timeline.root.querySelector('#details-title bdi')!.hasAttribute('lang')).to.equal(false);
    cleanup();
    const english = await story((el) => (el.locale = 'hi-IN'));
    expect(english.root.querySelector('#story-title bdi')!.getAttribute('lang')).to.equal('en');
  });
});
