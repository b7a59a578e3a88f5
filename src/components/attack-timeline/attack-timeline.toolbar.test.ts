import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { AttackTimeline } from './attack-timeline.js';
import type { Incident } from '../../model/types.js';
import { aiimsIncident, axeViolations, cleanup, deepActiveElement, waitFor } from '../../../test/browser/helpers.js';
import { mount, type Harness } from '../../../test/browser/harness.js';
import { FakeAudioContext, installFakeAudio } from '../../../test/browser/fake-audio.js';

/*
 * The toolbar: zoom about the selected or focused event, Earlier and Later, and the timeline
 * played as sound (through a recording stand-in for AudioContext). Buttons are found by
 * accessible name; positions are read from the marks' drawn shapes (`.shape`, the only
 * drawing inside a mark with the event's x).
 */
const withData = async (width = 1280, setup: (el: AttackTimeline) => void = () => undefined, data?: Incident) => {
  const incident = data ?? (await aiimsIncident());
  const t = await mount<AttackTimeline>(
    'attack-timeline',
    (el) => {
      setup(el);
      el.incident = incident;
    },
    width,
  );
  // The zoom code is a lazy chunk: wait until d3-zoom holds the chart (it keeps its state in `__zoom`), so a click zooms at once.
  if (t.el.orientation === 'horizontal') await waitFor(() => '__zoom' in t.role('listbox')!, 'zoom attached');
  return t;
};
/** The screen x of an event's mark, its centre. */
const xOf = (t: Harness<AttackTimeline>, id: string) => {
  const r = t.find('data-event-id', id)!.querySelector('.shape')!.getBoundingClientRect();
  return r.x + r.width / 2;
};
const disabled = (b: HTMLButtonElement) => b.getAttribute('aria-disabled');
/** Half the plot's width: what Earlier and Later move by. */
const halfView = (t: Harness<AttackTimeline>) => (t.role('listbox')!.getBoundingClientRect().width - 28) / 2;
const live = (t: Harness<AttackTimeline>) => t.root.querySelector('[aria-live="polite"]')!.textContent.trim();
const names = (t: Harness<AttackTimeline>) => [...t.part('toolbar')!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent.trim());

afterEach(cleanup);

describe('<attack-timeline> toolbar: pan', () => {
  it('has Earlier and Later after the zoom buttons; at full view they, Zoom out and Show all are aria-disabled, not disabled', async () => {
    const t = await withData();
    expect(names(t)).to.deep.equal(['Zoom out', 'Zoom in', 'Show all', 'Earlier', 'Later', 'Play as sound']);
    for (const name of ['Zoom out', 'Show all', 'Earlier', 'Later']) {
      const b = t.button(name)!;
      expect(disabled(b), name).to.equal('true');
      expect(b.disabled, `${name} stays focusable`).to.equal(false);
    }
    expect(disabled(t.button('Zoom in')!)).to.equal('false');
    const groups = [...t.part('toolbar')!.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-label'));
    expect(groups).to.deep.equal(['Zoom', 'Move along the timeline']);
    // Clicks at an end are ignored.
    const before = xOf(t, 'ev-fir');
    for (const name of ['Earlier', 'Later', 'Zoom out', 'Show all']) t.button(name)!.click();
    await t.settle();
    expect(xOf(t, 'ev-fir')).to.be.closeTo(before, 0.5);
    expect(await axeViolations(t.el)).to.deep.equal([]);
  });

  it('Earlier and Later pan by half the view, stop at the ends of the data, and keep focus there', async () => {
    const t = await withData();
    t.button('Zoom in')!.click();
    await t.settle();
    const earlier = t.button('Earlier')!;
    const later = t.button('Later')!;
    expect([disabled(earlier), disabled(later)]).to.deep.equal(['false', 'false']);
    const step = halfView(t);
    // Zoomed about the middle (nothing selected or focused): the middle half is in view, half
    // a view from each end. ev-rs-reply (mid December) is in view in the first half too,
    // ev-still-hybrid (early January) in the second.
    const dec = xOf(t, 'ev-rs-reply');
    const jan = xOf(t, 'ev-still-hybrid');
    earlier.focus();
    await t.press('Enter');
    await t.settle();
    expect(xOf(t, 'ev-rs-reply')).to.be.closeTo(dec + step, 1);
    expect(disabled(earlier), 'at the start').to.equal('true');
    expect(disabled(later)).to.equal('false');
    expect(deepActiveElement() === earlier, 'focus stays on Earlier').to.equal(true);
    await t.press('Enter');
    await t.settle();
    expect(xOf(t, 'ev-rs-reply'), 'no further than the start').to.be.closeTo(dec + step, 1);
    later.focus();
    await t.press('Enter');
    await t.settle();
    expect(xOf(t, 'ev-rs-reply')).to.be.closeTo(dec, 1);
    await t.press('Enter');
    await t.settle();
    expect(xOf(t, 'ev-still-hybrid')).to.be.closeTo(jan - step, 1);
    expect(disabled(later), 'at the end').to.equal('true');
    expect(disabled(earlier)).to.equal('false');
    await t.press('Enter');
    await t.settle();
    expect(xOf(t, 'ev-still-hybrid'), 'no further than the end').to.be.closeTo(jan - step, 1);
    expect(deepActiveElement() === later, 'focus stays on Later').to.equal(true);
    expect(await axeViolations(t.el)).to.deep.equal([]);
  });

  it('Zoom in is aria-disabled at the deepest zoom; Zoom out and Show all are available once zoomed', async () => {
    const t = await withData();
    const zoomIn = t.button('Zoom in')!;
    for (let i = 0; i < 30 && disabled(zoomIn) === 'false'; i++) {
      zoomIn.click();
      await t.settle();
    }
    expect(disabled(zoomIn)).to.equal('true');
    expect(disabled(t.button('Zoom out')!)).to.equal('false');
    expect(disabled(t.button('Show all')!)).to.equal('false');
    t.button('Show all')!.click();
    await t.settle();
    expect([disabled(zoomIn), disabled(t.button('Zoom out')!), disabled(t.button('Show all')!)]).to.deep.equal(['false', 'true', 'true']);
  });
});

describe('<attack-timeline> toolbar: keyboard', () => {
  it('is one tab stop; arrows, Home and End move between its buttons, dimmed ones included, and Tab comes back to the one used last', async () => {
    const t = await withData();
    const bar = t.role('toolbar')!;
    expect(bar.getAttribute('aria-label')).to.equal('Timeline controls');
    const stops = () => [...bar.querySelectorAll('button')].filter((b) => b.tabIndex === 0).map((b) => b.getAttribute('aria-label') ?? b.textContent.trim());
    expect(stops()).to.deep.equal(['Zoom in']);
    t.button('Zoom in')!.focus();
    const focused = () => {
      const b = deepActiveElement();
      return b instanceof HTMLButtonElement ? (b.getAttribute('aria-label') ?? b.textContent.trim()) : '';
    };
    await t.press('ArrowRight');
    expect(focused()).to.equal('Show all');
    await t.press('End');
    expect(focused()).to.equal('Play as sound');
    await t.press('ArrowRight');
    expect(focused(), 'wraps to the first').to.equal('Zoom out');
    await t.press('ArrowLeft');
    await t.press('ArrowLeft');
    expect(focused()).to.equal('Later');
    expect(stops()).to.deep.equal(['Later']);
    // Into the chart and back: the tab stop is where the reader left the toolbar.
    await t.press('Tab');
    expect(t.focusedId('data-event-id')).to.equal('ev-attack');
    await sendKeys({ down: 'Shift' });
    await t.press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal('Later');
  });
});

describe('<attack-timeline> toolbar: zoom about the event', () => {
  it('Zoom in and out keep the selected event where it is', async () => {
    const t = await withData();
    t.el.select('ev-fir');
    await t.settle();
    const x = xOf(t, 'ev-fir');
    const middle = t.role('listbox')!.getBoundingClientRect().left + t.role('listbox')!.getBoundingClientRect().width / 2;
    expect(Math.abs(x - middle), 'the event is far from the middle').to.be.greaterThan(200);
    t.button('Zoom in')!.click();
    await t.settle();
    expect(xOf(t, 'ev-fir')).to.be.closeTo(x, 1);
    t.button('Zoom in')!.click();
    await t.settle();
    expect(xOf(t, 'ev-fir')).to.be.closeTo(x, 1);
    t.button('Zoom out')!.click();
    await t.settle();
    expect(xOf(t, 'ev-fir')).to.be.closeTo(x, 1);
  });

  it('Zoom in keeps the last focused event where it is when none is selected', async () => {
    const t = await withData();
    t.find('data-event-id', 'ev-ransom-claim')!.focus();
    await t.settle();
    const x = xOf(t, 'ev-ransom-claim');
    const zoomIn = t.button('Zoom in')!;
    zoomIn.focus();
    await t.press('Enter');
    await t.settle();
    expect(t.el.selected).to.equal(null);
    expect(xOf(t, 'ev-ransom-claim')).to.be.closeTo(x, 1);
    expect(deepActiveElement() === zoomIn, 'focus stays on Zoom in').to.equal(true);
  });

  it('Zoom in keeps the middle still when the selected event is out of view', async () => {
    const t = await withData();
    t.button('Zoom in')!.click();
    await t.settle();
    // Selecting the first event pans to it; Later takes it out of view again.
    t.el.select('ev-attack');
    await t.settle();
    t.button('Later')!.click();
    await t.settle();
    expect(t.find('data-event-id', 'ev-attack') === null, 'the selected event is out of view').to.equal(true);
    const plot = t.role('listbox')!.getBoundingClientRect();
    const middle = plot.left + plot.width / 2;
    // Early January: near the middle, so in view after zooming about it.
    const x = xOf(t, 'ev-still-hybrid');
    t.button('Zoom in')!.click();
    await t.settle();
    expect(xOf(t, 'ev-still-hybrid')).to.be.closeTo(middle + 2 * (x - middle), 1);
  });
});

describe('<attack-timeline> toolbar: play as sound', () => {
  let restore: () => void = () => undefined;
  beforeEach(() => (restore = installFakeAudio()));
  afterEach(() => restore());

  /** The timeline, its Play button pressed from the keyboard, and the context it made with every click scheduled. */
  async function playing(width = 1280, setup?: (el: AttackTimeline) => void) {
    const t = await withData(width, setup);
    const button = t.button('Play as sound')!;
    const before = FakeAudioContext.made.length;
    button.focus();
    await t.press('Enter');
    await t.settle();
    expect(FakeAudioContext.made.length).to.equal(before + 1);
    const ctx = FakeAudioContext.made.at(-1)!;
    await waitFor(() => ctx.oscillators.length > 0, 'clicks scheduled');
    return { t, button, ctx };
  }

  it('makes no AudioContext before the reader asks, then one click per event, in time order, pitched by lane', async () => {
    const t = await withData();
    t.el.select('ev-fir');
    t.find('data-event-id', 'ev-attack')!.focus();
    await t.settle();
    await new Promise((r) => setTimeout(r, 200));
    expect(FakeAudioContext.made.length, 'nothing autoplays').to.equal(0);
    const button = t.button('Play as sound')!;
    button.focus();
    await t.press('Enter');
    await t.settle();
    expect(FakeAudioContext.made.length, 'one context, made in the click').to.equal(1);
    const ctx = FakeAudioContext.made[0]!;
    await waitFor(() => ctx.oscillators.length > 0, 'clicks scheduled');
    const events = t.el.incident!.events;
    expect(ctx.oscillators.length).to.equal(events.length);
    expect(ctx.started.length).to.equal(events.length);
    const starts = ctx.started.map((o) => o.startedAt!);
    expect(starts[0]!, 'the first click just after now').to.be.within(ctx.currentTime, ctx.currentTime + 0.2);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).to.be.at.least(0.149);
    for (const o of ctx.oscillators) expect(o.stoppedAt! - o.startedAt!, 'a short click').to.be.below(0.2);
    // One pitch per lane, in the order the events were played.
    const laneOf = new Map(events.map((e) => [e.id, e.lane]));
    const sorted = [...events].sort(
      (a, b) => Date.parse(a.start.length === 10 ? `${a.start}T00:00+05:30` : a.start) - Date.parse(b.start.length === 10 ? `${b.start}T00:00+05:30` : b.start),
    );
    const pitchOf = new Map<string, number>();
    ctx.started.forEach((o, i) => {
      const lane = laneOf.get(sorted[i]!.id)!;
      const f = o.frequency.calls[0]!.value;
      if (pitchOf.has(lane)) expect(pitchOf.get(lane), lane).to.equal(f);
      pitchOf.set(lane, f);
    });
    expect(new Set(pitchOf.values()).size).to.equal(new Set(events.map((e) => e.lane)).size);
    // The button now stops it; focus stays on it; the live region says what plays.
    expect(button.textContent.trim()).to.equal('Stop sound');
    expect(button.hasAttribute('aria-pressed')).to.equal(false);
    expect(deepActiveElement() === button).to.equal(true);
    expect(live(t)).to.match(/^Playing the events as sound/);
    expect(await axeViolations(t.el)).to.deep.equal([]);
  });

  it('the button stops it: the context is closed, the clicks cut, and the name and live region say so', async () => {
    const { t, button, ctx } = await playing();
    await t.press('Enter');
    await t.settle();
    expect(ctx.closed).to.equal(true);
    expect(ctx.oscillators.every((o) => o.cut)).to.equal(true);
    expect(button.textContent.trim()).to.equal('Play as sound');
    expect(live(t)).to.equal('Sound stopped.');
    expect(deepActiveElement() === button).to.equal(true);
    // Again: a new context for a new pass.
    await t.press('Enter');
    await t.settle();
    expect(FakeAudioContext.made.length).to.equal(2);
    expect(button.textContent.trim()).to.equal('Stop sound');
  });

  it('Escape stops it from anywhere inside: a chart item or the details, before anything else closes', async () => {
    const first = await playing();
    first.t.find('data-event-id', 'ev-fir')!.focus();
    await first.t.press('Escape');
    await first.t.settle();
    expect(first.ctx.closed, 'Escape on an event').to.equal(true);
    expect(first.button.textContent.trim()).to.equal('Play as sound');
    expect(live(first.t)).to.equal('Sound stopped.');
    cleanup();

    const { t, ctx } = await playing(1280, (el) => (el.selected = 'ev-fir'));
    t.part('details')!.querySelector('a')!.focus();
    await t.press('Escape');
    await t.settle();
    expect(ctx.closed, 'Escape in the details').to.equal(true);
    expect(t.part('details') !== null, 'the details stay open').to.equal(true);
    await t.press('Escape');
    await t.settle();
    expect(t.part('details') === null, 'a second Escape closes them').to.equal(true);
    cleanup();

    // And with focus outside the element: on the page.
    const third = await playing();
    (document.activeElement as HTMLElement | null)?.blur();
    await third.t.press('Escape');
    await third.t.settle();
    expect(third.ctx.closed, 'Escape on the page').to.equal(true);
    expect(live(third.t)).to.equal('Sound stopped.');
  });

  it('stops by itself at the end, and says so', async () => {
    const { t, button, ctx } = await playing();
    const last = ctx.oscillators.reduce((a, b) => (b.stoppedAt! > a.stoppedAt! ? b : a));
    expect(typeof last.onended).to.equal('function');
    last.onended!();
    await t.settle();
    expect(ctx.closed).to.equal(true);
    expect(button.textContent.trim()).to.equal('Play as sound');
    expect(live(t)).to.equal('Sound stopped.');
  });

  it('stops when the element is removed, hidden, or given new data', async () => {
    const removed = await playing();
    removed.t.el.remove();
    expect(removed.ctx.closed, 'removed').to.equal(true);
    cleanup();

    const hidden = await playing();
    hidden.t.el.hidden = true;
    await waitFor(() => hidden.ctx.closed, 'closed when hidden');
    hidden.t.el.hidden = false;
    await hidden.t.settle();
    expect(hidden.button.textContent.trim()).to.equal('Play as sound');
    cleanup();

    const replaced = await playing();
    replaced.t.el.incident = await aiimsIncident();
    await replaced.t.settle();
    expect(replaced.ctx.closed, 'new data').to.equal(true);
    expect(replaced.button.textContent.trim()).to.equal('Play as sound');
  });

  it('stopped before the sound code has loaded, it schedules nothing', async () => {
    const t = await withData();
    const button = t.button('Play as sound')!;
    button.click();
    button.click();
    const ctx = FakeAudioContext.made[0]!;
    expect(ctx.closed).to.equal(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.oscillators.length).to.equal(0);
    expect(FakeAudioContext.made.length).to.equal(1);
  });

  it('is in the vertical (phone) layout too, alone in its toolbar: pan there is scrolling', async () => {
    const t = await withData(375);
    expect(t.el.orientation).to.equal('vertical');
    expect(names(t)).to.deep.equal(['Play as sound']);
    const button = t.button('Play as sound')!;
    button.click();
    const ctx = FakeAudioContext.made[0]!;
    await waitFor(() => ctx.oscillators.length > 0, 'clicks scheduled');
    expect(ctx.oscillators.length).to.equal(t.el.incident!.events.length);
    await t.settle();
    expect(button.textContent.trim()).to.equal('Stop sound');
    expect(await axeViolations(t.el)).to.deep.equal([]);
  });

  it('speaks Hindi in a Hindi page', async () => {
    const t = await withData(1280, (el) => (el.locale = 'hi-IN'));
    expect(names(t)).to.deep.equal(['ज़ूम आउट', 'ज़ूम इन', 'पूरा देखें', 'पहले', 'बाद में', 'ध्वनि के रूप में चलाएँ']);
    const button = t.button('ध्वनि के रूप में चलाएँ')!;
    button.click();
    await t.settle();
    expect(button.textContent.trim()).to.equal('ध्वनि रोकें');
    expect(live(t)).to.match(/^घटनाएँ समय के क्रम से/);
    button.click();
    await t.settle();
    expect(live(t)).to.equal('ध्वनि रुक गई।');
  });
});
