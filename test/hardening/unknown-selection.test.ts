import { expect } from 'chai';
import '../../src/index.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import { aiimsIncident, cleanup, fixture, frames, waitFor } from '../browser/helpers.js';

/** Waits until a story's own timeline has drawn its marks. */
const drawn = (s: AttackStory) => waitFor(() => s.shadowRoot?.querySelector('attack-timeline')?.shadowRoot?.querySelector('[data-event-id]'), 'story drawn', 15000);

describe('hardening: unknown selected ids', function () {
  this.timeout(30_000);
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('an unknown id set on a drawn story clears the selection and never reaches the URL', async () => {
    const data = await aiimsIncident();
    const s = await fixture<AttackStory>('attack-story', (el) => {
      el.id = 'story';
      el.incident = data;
    });
    await drawn(s);
    s.selected = 'ev-fir';
    await s.updateComplete;
    await frames(2);
    expect(location.hash).to.equal('#story=ev-fir');
    s.setAttribute('selected', 'no-such-event');
    await s.updateComplete;
    await frames(2);
    expect(s.selected).to.equal(null);
    expect(s.hasAttribute('selected'), 'the attribute is cleared too').to.equal(false);
    expect(location.hash).to.not.include('no-such-event');
    expect(location.hash).to.equal('');
    s.selection = { event: 'also-unknown' };
    await s.updateComplete;
    expect(s.selected).to.equal(null);
    expect(location.hash).to.equal('');
  });

  it('an unknown id in the markup, before the data arrives, is dropped when it does; a known one is kept', async () => {
    const data = await aiimsIncident();
    const unknown = await fixture<AttackStory>('attack-story', (el) => {
      el.id = 'first';
      el.setAttribute('selected', 'no-such-event');
    });
    expect(unknown.selected, 'waits for the data').to.equal('no-such-event');
    unknown.incident = data;
    await drawn(unknown);
    await frames(2);
    expect(unknown.selected).to.equal(null);
    expect(location.hash).to.not.include('no-such-event');
    const timeline = await fixture<AttackTimeline>('attack-timeline', (el) => el.setAttribute('selected', 'ev-fir'));
    timeline.incident = data;
    await waitFor(() => timeline.shadowRoot?.querySelector('[data-event-id]'), 'timeline drawn');
    expect(timeline.selected).to.equal('ev-fir');
  });
});
