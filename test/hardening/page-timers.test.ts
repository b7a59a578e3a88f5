/**
 * The page's own timers are the page's: loading the zoom code (after an idle moment or a first
 * gesture) cancels only the element's own idle callback, never a page timer that happens to
 * share its number. A file of its own, so the zoom code is not in yet when it runs.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import { aiimsIncident, cleanup, waitFor } from '../browser/helpers.js';
import { mount } from '../browser/harness.js';

afterEach(cleanup);

describe('hardening: the page keeps its timers', () => {
  it('a page timer whose id equals the idle callback the element asked for still fires once the zoom code is in', async () => {
    let fired = false;
    const pageTimer = window.setTimeout(() => (fired = true), 600);
    // Idle-callback and timer ids are separate counters, so equal numbers happen on real pages;
    // here the idle callback is given the page timer's number outright.
    const idle = window.requestIdleCallback;
    const cancel = window.cancelIdleCallback;
    window.requestIdleCallback = (() => pageTimer) as typeof requestIdleCallback;
    window.cancelIdleCallback = () => undefined;
    try {
      const data = await aiimsIncident();
      const t = await mount<AttackTimeline>('attack-timeline', (el) => (el.incident = data));
      await waitFor(() => t.all('data-event-id').length, 'drawn');
      // The reader's first gesture loads the zoom code, which ends the wait for an idle moment.
      t.button('Zoom in')!.click();
      await waitFor(() => t.button('Zoom out')?.getAttribute('aria-disabled') === 'false', 'zoomed in');
      await waitFor(() => fired, "the page's timer fired", 3000);
      expect(fired).to.equal(true);
    } finally {
      window.requestIdleCallback = idle;
      window.cancelIdleCallback = cancel;
    }
  });
});
