import { expect } from 'chai';
import '../../index.js';
import type { AttackTimeline } from './attack-timeline.js';
import type { Incident } from '../../model/types.js';
import { aiimsIncident, axeViolations, cleanup, deepActiveElement, waitFor } from '../../../test/browser/helpers.js';
import { mount, type Harness } from '../../../test/browser/harness.js';

/*
 * The toolbar: zoom about the selected or focused event, and Earlier and Later. Buttons are
 * found by accessible name; positions are read from the marks' drawn shapes (`.shape`, the
 * only drawing inside a mark with the event's x).
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
const names = (t: Harness<AttackTimeline>) => [...t.part('toolbar')!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent.trim());

afterEach(cleanup);

describe('<attack-timeline> toolbar: pan', () => {
  it('has Earlier and Later after the zoom buttons; at full view they, Zoom out and Show all are aria-disabled, not disabled', async () => {
    const t = await withData();
    expect(names(t)).to.deep.equal(['Zoom out', 'Zoom in', 'Show all', 'Earlier', 'Later']);
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
