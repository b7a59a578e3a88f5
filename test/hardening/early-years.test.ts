/**
 * Years are years: an incident in the first centuries AD (0050, 0100, 0400) shows those years,
 * not 1950, and its axis has ticks. `Date.UTC` reads years 0 to 99 as 1900 to 1999, which once
 * moved such dates by 1900 years and set the axis's zone offset 1900 years off, leaving no tick.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { Incident } from '../../src/model/types.js';
import { cleanup } from '../browser/helpers.js';
import { mount } from '../browser/harness.js';

const early = (): Incident =>
  ({
    version: 1,
    title: 'Early years',
    timeZone: 'Asia/Kolkata',
    sources: [{ id: 's1', title: 'A chronicle', publisher: 'Example Annals', url: 'https://example.org/annals' }],
    events: [
      { id: 'e50', title: 'First entry', start: '0050-03-01', status: 'confirmed', sources: ['s1'] },
      { id: 'e100', title: 'Second entry', start: '0100', status: 'reported', sources: ['s1'] },
      { id: 'e400', title: 'Third entry', start: '0400', status: 'confirmed', sources: ['s1'] },
    ],
  }) as unknown as Incident;

const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

afterEach(cleanup);

describe('hardening: early years', () => {
  it('shows dates in 0050, 0100 and 0400 as those years and ticks the axis with them', async () => {
    const t = await mount<AttackTimeline>('attack-timeline', (el) => {
      el.locale = 'en-IN';
      el.incident = early();
    });
    expect(t.el.orientation).to.equal('horizontal');
    // The caption's summary names the first and last dates.
    const summary = text(t.root.querySelector('.summary'));
    expect(summary).to.contain('from 1 Mar 50 to 400');

    // The axis: ticks labelled with years between the events, none in the 1900s.
    const ticks = [...t.root.querySelectorAll('.tick text')].map((n) => text(n));
    expect(ticks.length, 'the axis has tick labels').to.be.greaterThan(1);
    for (const label of ticks) {
      expect(label).to.match(/^\d{1,3}$/, 'a year tick');
      expect(Number(label)).to.be.within(40, 410);
    }
    expect(ticks).to.include.members(['100', '200', '300', '400']);
    // In time order: 50 before 100.
    expect(t.all('data-event-id').map((m) => m.id)).to.deep.equal(['e50', 'e100', 'e400']);

    // The table of events writes each date at its own precision.
    t.button('Show as table')!.click();
    await t.settle();
    const rows = [...t.root.querySelectorAll('tbody tr')].map((r) => text(r.querySelector('td')));
    expect(rows).to.deep.equal(['1 Mar 50', '100', '400']);

    // The details panel of the first event.
    t.el.select('e50');
    await t.settle();
    expect(text(t.part('details'))).to.contain('1 Mar 50');
    expect(text(t.root as unknown as Node)).to.not.match(/\b19\d\d\b/);
  });

  it('writes the years the same way in Hindi', async () => {
    const t = await mount<AttackTimeline>('attack-timeline', (el) => {
      el.locale = 'hi-IN';
      el.incident = early();
    });
    const ticks = [...t.root.querySelectorAll('.tick text')].map((n) => text(n));
    expect(ticks).to.include.members(['100', '200', '300', '400']);
    t.el.select('e50');
    await t.settle();
    expect(text(t.part('details'))).to.contain('1 मार्च 50');
    expect(text(t.root as unknown as Node)).to.not.match(/\b19\d\d\b/);
  });
});
