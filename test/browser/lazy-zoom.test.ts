/**
 * The zoom code (d3-zoom and d3-selection) is not needed to draw: it loads after the first
 * paint, on the reader's first gesture, a zoom button or an idle moment. A file of its own,
 * so no earlier test in the page has loaded it already.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import { aiimsIncident, cleanup, waitFor } from './helpers.js';
import { mount } from './harness.js';

afterEach(cleanup);

const zoomLoaded = () => performance.getEntriesByType('resource').some((e) => /d3-zoom/.test(e.name));

describe('zoom code loads after the first paint', () => {
  it('is not fetched to draw; a Ctrl + wheel before it is in is kept from the page and then zooms the chart', async () => {
    // No idle moment in this test: the wheel comes first.
    const idle = window.requestIdleCallback;
    window.requestIdleCallback = (() => 0) as typeof requestIdleCallback;
    try {
      const data = await aiimsIncident();
      const t = await mount<AttackTimeline>('attack-timeline', (el) => (el.incident = data));
      await waitFor(() => t.all('data-event-id').length, 'drawn');
      await t.settle();
      expect(zoomLoaded(), 'no zoom code yet').to.equal(false);
      const plot = t.role('listbox')!;
      const r = plot.getBoundingClientRect();
      const wheel = new WheelEvent('wheel', { deltaY: -300, ctrlKey: true, bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + 40 });
      plot.dispatchEvent(wheel);
      expect(wheel.defaultPrevented, 'the page is not zoomed').to.equal(true);
      await waitFor(() => t.button('Zoom out')?.getAttribute('aria-disabled') === 'false', 'the chart zoomed');
      expect(zoomLoaded()).to.equal(true);
    } finally {
      window.requestIdleCallback = idle;
    }
  });
});
