import { expect } from 'chai';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../../index.js';
import type { AttackTimeline } from './attack-timeline.js';
import type { Incident } from '../../model/types.js';
import { aiimsIncident, axeViolations, cleanup, contrast, deepActiveElement, skipBecause, trapPageErrors, waitFor } from '../../../test/browser/helpers.js';
import { click, harness, mount, type Harness } from '../../../test/browser/harness.js';

/*
 * Marks are found by data-event-id, the chart by its listbox role, panels by part, buttons by
 * name. Classes stay only where nothing else observes the node: `.shape`, `.cross`, `.range`
 * and `.hit` are the drawing inside a mark (no role or name of their own; `.hit` carries the
 * focus ring); lane bands, ticks, labels and conflict dots are drawn in the aria-hidden
 * backdrop; the caption's `.summary` has no role, part or name.
 */
const timeline = (setup: (el: AttackTimeline) => void, width = 1280) => mount<AttackTimeline>('attack-timeline', setup, width);
const withData = async (width = 1280, data?: Incident) => {
  const incident = data ?? (await aiimsIncident());
  return timeline((el) => (el.incident = incident), width);
};
/** The open details panel's title: the node that names it (its aria-labelledby). */
const detailsTitle = (t: Harness<AttackTimeline>) => t.root.getElementById(t.part('details')!.getAttribute('aria-labelledby')!)!;
const small = (events: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  ({
    version: 1,
    title: 'Test incident',
    timeZone: 'Asia/Kolkata',
    sources: [{ id: 's1', title: 'A report', publisher: 'Example News', url: 'https://example.org/report' }],
    events,
    ...extra,
  }) as unknown as Incident;

afterEach(cleanup);

describe('<attack-timeline> accessibility', () => {
  it('has no axe violations: horizontal, vertical, with details open', async () => {
    const wide = await withData(1280);
    expect(await axeViolations(wide.el)).to.deep.equal([]);
    wide.el.select('ev-fir');
    await wide.settle();
    expect(wide.part('details')).to.exist;
    expect(await axeViolations(wide.el)).to.deep.equal([]);
    const narrow = await withData(375);
    expect(narrow.el.orientation).to.equal('vertical');
    expect(await axeViolations(narrow.el)).to.deep.equal([]);
  });

  it('has no axe violations in the error and empty states', async () => {
    const broken = await timeline((el) => (el.incident = { version: 1, title: 'x', events: 'nope' }));
    expect(broken.role('alert')).to.exist;
    expect(await axeViolations(broken.el)).to.deep.equal([]);
    const empty = await withData(1280, small([]));
    expect(empty.role('status')!.textContent).to.contain('no events');
    expect(await axeViolations(empty.el)).to.deep.equal([]);
  });

  it('shows every event as a table, in order, behind a toggle that is the only duplicate of the chart', async () => {
    const t = await withData();
    // Closed, the table is not in the page at all: each event is read once, as its option.
    expect(t.root.querySelectorAll('table').length).to.equal(0);
    const toggle = t.button('Show as table')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await t.settle();
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const region = t.root.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(region.querySelector('table')).to.exist;
    // The table scrolls sideways on a phone: its box is a named region a keyboard can focus.
    expect([region.getAttribute('role'), region.tabIndex, t.root.getElementById(region.getAttribute('aria-labelledby')!)?.textContent]).to.deep.equal([
      'region',
      0,
      'All events in order',
    ]);
    const heads = [...t.root.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).to.deep.equal(['Date', 'Event', 'Status', 'Category', 'Sources']);
    const items = [...t.root.querySelectorAll('tbody tr')].map((tr) => tr.textContent!);
    expect(await axeViolations(t.el)).to.deep.equal([]);
    expect(items).to.have.length(25);
    expect(items[0]).to.contain('Ransomware attack paralyses AIIMS servers');
    expect(items[1]).to.contain('Digital services knocked out');
    expect(items.at(-1)).to.contain('Minister repeats in the Rajya Sabha');
    expect(items.some((text) => text.includes('24 or 25 Nov 2022') && text.includes('Delhi Police registers a case') && text.includes('Reported'))).to.equal(true);
  });

  it('names the chart and describes how to use it', async () => {
    const t = await withData();
    const chart = t.role('listbox')!;
    expect(chart.tagName).to.equal('svg');
    expect(chart.getAttribute('aria-label')).to.equal('Timeline: The ransomware attack on AIIMS New Delhi');
    const help = t.root.getElementById(chart.getAttribute('aria-describedby')!)!;
    expect(help.textContent).to.match(/Arrow keys/);
  });
});

describe('<attack-timeline> cut labels', () => {
  const over = (node: Element, pointerType = 'mouse') => node.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType }));
  const tip = (t: Harness<AttackTimeline>) => t.root.querySelector<HTMLElement>('.chart > .tip');

  it('a label cut short shows its whole title in a tip on hover and on focus, inside the chart; Escape hides it', async () => {
    const data = await aiimsIncident();
    // About the width of the story's timeline beside its map: some labels are cut.
    const t = await withData(690, data);
    const cut = [...t.root.querySelectorAll('svg.layer .text')].find((g) => g.textContent!.trim().endsWith('…'));
    expect(cut, 'a cut label at 690 px').to.not.equal(undefined);
    const cutIds = new Set<string>();
    const marks = [...t.root.querySelectorAll('svg.plot [data-event-id]')];
    for (const mark of marks) {
      over(mark);
      const event = data.events.find((e) => e.id === mark.getAttribute('data-event-id'))!;
      // This mark's tip, or none: over a whole label the last tip lingers a moment (so the
      // pointer can cross onto it), then goes.
      const seen = await waitFor(() => (tip(t) === null ? 'none' : tip(t)!.textContent!.trim() === event.title && tip(t)!), `${event.id}: its tip or none`, 2000);
      if (seen === 'none') continue;
      const shown = seen;
      cutIds.add(event.id);
      expect(shown.textContent!.trim()).to.equal(event.title);
      expect(shown.hidden).to.equal(false);
      const c = t.root.querySelector('.chart')!.getBoundingClientRect();
      const b = shown.getBoundingClientRect();
      expect(b.left).to.be.at.least(c.left - 1);
      expect(b.right).to.be.at.most(c.right + 1);
      expect(b.top).to.be.at.least(c.top - 1);
      expect(b.bottom).to.be.at.most(c.bottom + 1);
      // It does not cover the mark it is about.
      const m = mark.getBoundingClientRect();
      expect(b.top >= m.bottom - 1 || b.bottom <= m.top + 1, 'beside its mark').to.equal(true);
    }
    expect(cutIds.size, 'the tip shows for cut labels only').to.be.greaterThan(0);
    expect(cutIds.size).to.be.lessThan(marks.length);
    // A whole label shows no tip; a touch shows none either (a tap opens the details).
    const whole = marks.find((mk) => !cutIds.has(mk.getAttribute('data-event-id')!))!;
    over(whole);
    await waitFor(() => tip(t) === null, 'no tip over a whole label', 2000);
    const first = marks.find((mk) => cutIds.has(mk.getAttribute('data-event-id')!))!;
    over(first, 'touch');
    await t.el.updateComplete;
    expect(tip(t)).to.equal(null);
    // Focus shows it too; Escape hides it wherever focus is, and closes nothing else: the
    // details stay open and focus stays on the mark (one Escape, one thing closed).
    const id = first.getAttribute('data-event-id')!;
    t.el.select(id);
    await t.el.updateComplete;
    (first as SVGGElement).focus();
    await t.el.updateComplete;
    expect(tip(t)?.textContent?.trim()).to.equal(data.events.find((e) => e.id === id)!.title);
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    await t.el.updateComplete;
    expect(tip(t)).to.equal(null);
    expect(t.el.selected, 'the details stay').to.equal(id);
    expect(t.root.activeElement?.getAttribute('data-event-id')).to.equal(id);
    // The next Escape closes the details, as before.
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    await t.el.updateComplete;
    expect(t.el.selected ?? null).to.equal(null);
  });
});

describe('<attack-timeline> themes and contrast', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`keeps text at 4.5:1 and marks at 3:1 on the lane bands, ${theme}`, async () => {
      const data = await aiimsIncident();
      const t = await timeline((el) => {
        el.theme = theme;
        el.incident = data;
      });
      const band = getComputedStyle(t.root.querySelector('.lane rect')!).fill;
      const bg = getComputedStyle(t.el).backgroundColor;
      expect(contrast(band, bg)).to.be.lessThan(1.5, 'bands are a tint of the background');
      for (const sel of ['.text .label', '.tick text', '.lane text', '[part="title"]', '.summary']) {
        const node = t.root.querySelector(sel)!;
        const colour = node instanceof SVGElement ? getComputedStyle(node).fill : getComputedStyle(node).color;
        expect(contrast(colour, band), `${sel} on the lane band`).to.be.at.least(4.5);
        expect(contrast(colour, bg), `${sel} on the background`).to.be.at.least(4.5);
      }
      for (const sel of ['[role="listbox"] [data-event-id] .shape', '[part="legend"] .shape']) {
        expect(contrast(getComputedStyle(t.root.querySelector(sel)!).stroke, band), sel).to.be.at.least(3);
      }
      if (theme === 'dark') expect(contrast(bg, 'rgb(0,0,0)')).to.be.lessThan(1.5);
    });
  }

  it('draws lane names and labels over the tick and guide lines, each glyph haloed in the lane colour', async () => {
    const data = await aiimsIncident();
    const t = await timeline((el) => (el.incident = data));
    const layer = t.root.querySelector('svg.layer')!;
    const all = [...layer.querySelectorAll('*')];
    const lines = [...layer.querySelectorAll('.tick line, line.guide')];
    const texts = [...layer.querySelectorAll('.lane text, .text .label')];
    expect(layer.querySelectorAll('line.guide').length, 'milestone guides drawn').to.be.greaterThan(0);
    expect(texts.length).to.be.greaterThan(20);
    const lastLine = Math.max(...lines.map((n) => all.indexOf(n)));
    const band = getComputedStyle(t.root.querySelector('.lane rect')!).fill;
    for (const text of texts) {
      expect(all.indexOf(text), `"${text.textContent}" drawn after every line`).to.be.greaterThan(lastLine);
      const cs = getComputedStyle(text);
      expect(cs.paintOrder, 'halo under the fill').to.match(/^stroke/);
      expect(cs.stroke, `"${text.textContent}" halo`).to.equal(band);
      expect(parseFloat(cs.strokeWidth)).to.be.at.least(3);
    }
    // The vertical list has no bands: its halo is the background.
    cleanup();
    const v = await withData(375, data);
    const bg = getComputedStyle(v.el).backgroundColor;
    const title = v.root.querySelector('svg.layer .text .label')!;
    expect(getComputedStyle(title).stroke).to.equal(bg);
  });

  it('theme="system" follows the reader\'s colour scheme; theme="light" does not', async function () {
    const system = await timeline((el) => {
      el.theme = 'system';
      el.incident = { version: 1, title: 'Theme', timeZone: 'UTC', events: [{ id: 'e', title: 'An event', start: '2024-01-01', status: 'confirmed', sources: [] }] };
    });
    const light = await timeline((el) => {
      el.theme = 'light';
      el.incident = system.el.incident;
    });
    const lightBg = getComputedStyle(system.el).backgroundColor;
    try {
      await emulateMedia({ colorScheme: 'dark' });
    } catch {
      await skipBecause(this, "the colour scheme can be emulated only in Chromium (through CDP); this browser's driver cannot");
    }
    try {
      await system.settle();
      expect(getComputedStyle(system.el).backgroundColor).to.not.equal(lightBg);
      expect(contrast(getComputedStyle(system.el).backgroundColor, 'rgb(0,0,0)')).to.be.lessThan(1.5);
      expect(getComputedStyle(light.el).backgroundColor).to.equal(lightBg);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('uses system colours in forced-colours mode', async function () {
    const t = await withData();
    if (!(await executeServerCommand('emulate-forced-colors', { active: true }))) await skipBecause(this, 'forced colours can be emulated only in Chromium (through CDP)');
    try {
      await t.settle();
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      probe.style.backgroundColor = 'Canvas';
      document.body.append(probe);
      const text = getComputedStyle(probe).color;
      const canvas = getComputedStyle(probe).backgroundColor;
      probe.remove();
      const shape = (id: string) => getComputedStyle(t.find('data-event-id', id)!.querySelector('.shape')!);
      expect(shape('ev-attack').fill).to.equal(text);
      expect(shape('ev-ip-trace').stroke).to.equal(text);
      expect(shape('ev-ip-trace').fill).to.equal(canvas);
      expect(getComputedStyle(t.root.querySelector('.text .label')!).fill).to.equal(text);
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });
});

describe('<attack-timeline> drawing', () => {
  it('loads no map geometry on a page with only a timeline', async () => {
    await withData();
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    expect(names.filter((n) => /land-|map-layout|world-atlas|d3-geo/.test(n))).to.deep.equal([]);
  });

  it('draws every AIIMS event once, each mark carrying data-event-id', async () => {
    const t = await withData();
    const ids = t.all('data-event-id').map((m) => m.id);
    expect(ids).to.have.length(25);
    expect(new Set(ids).size).to.equal(25);
    expect(t.el.orientation).to.equal('horizontal');
  });

  it('keeps label boxes of the dense days from overlapping at 1280 px', async () => {
    const t = await withData(1280);
    const labels = [...t.part('chart')!.querySelectorAll<SVGTextElement>('.label')].map((l) => l.getBoundingClientRect());
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!;
        const b = labels[j]!;
        const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        expect(overlap, `label ${i} overlaps label ${j}`).to.equal(false);
      }
  });

  it('draws status honestly: each status its own look, denied crossed, legend in words', async () => {
    // No AIIMS event is disputed since the standards edit (the FIR's date conflict is kept as a
    // conflict; its status is reported), so one point event is made disputed here to draw every status.
    const data = await aiimsIncident();
    data.events.find((e) => e.id === 'ev-analysts-suspended')!.status = 'disputed';
    const t = await withData(1280, data);
    const mark = (id: string) => t.find('data-event-id', id)!;
    expect(mark('ev-attack').dataset.status).to.equal('confirmed');
    expect(mark('ev-fir').dataset.status).to.equal('reported');
    expect(mark('ev-analysts-suspended').dataset.status).to.equal('disputed');
    expect(mark('ev-hk-plot-report').dataset.status).to.equal('single-source');
    expect(mark('ev-ransom-claim').dataset.status).to.equal('denied');
    expect(mark('ev-ransom-claim').querySelector('.cross')).to.exist;
    const dash = (id: string) => getComputedStyle(mark(id).querySelector('.shape')!).strokeDasharray;
    expect(new Set([dash('ev-attack'), dash('ev-analysts-suspended'), dash('ev-hk-plot-report')]).size).to.equal(3);
    const fill = (id: string) => getComputedStyle(mark(id).querySelector('.shape')!).fill;
    expect(fill('ev-attack')).to.not.equal(fill('ev-ip-trace'));
    const legend = t.part('legend')!.textContent;
    for (const word of ['Confirmed on the record', 'Reported', 'Single source', 'Disputed', 'Denied', 'Milestone']) expect(legend).to.contain(word);
  });

  it('shows the disputed date of the case as a conflict mark', async () => {
    const t = await withData();
    expect(t.part('chart')!.querySelectorAll('.conflict-dot').length).to.equal(2);
    expect(t.find('data-event-id', 'ev-fir')!.getAttribute('aria-label')).to.contain('24 or 25 Nov 2022');
  });

  it('draws milestones and a range distinctly', async () => {
    const t = await withData();
    expect(t.find('data-event-id', 'ev-attack')!.querySelector('path.shape')).to.exist;
    const bar = t.find('data-event-id', 'ev-agencies')!.querySelector('rect.range')!;
    expect(Number(bar.getAttribute('width'))).to.be.greaterThan(100);
  });

  it('uses a vertical layout below 600 px that reads top to bottom and does not overflow', async () => {
    const t = await withData(375);
    expect(t.part('base')!.dataset.layout).to.equal('vertical');
    const tops = t.all('data-event-id').map((m) => m.node.getBoundingClientRect().top);
    expect([...tops].sort((a, b) => a - b)).to.deep.equal(tops);
    const box = t.el.getBoundingClientRect();
    for (const text of t.root.querySelectorAll('svg text')) {
      const r = text.getBoundingClientRect();
      expect(r.right, text.textContent).to.be.at.most(box.right + 0.5);
    }
    // A phone pans by scrolling: no zoom or pan buttons there.
    expect(t.button('Zoom in') === null && t.button('Earlier') === null).to.equal(true);
  });

  it('switches layout when its container narrows', async () => {
    const t = await withData(1000);
    expect(t.el.orientation).to.equal('horizontal');
    t.el.parentElement!.style.width = '400px';
    await waitFor(() => t.el.orientation === 'vertical', 'vertical layout');
  });
});

describe('<attack-timeline> time zone', () => {
  it('runs in a browser whose own zone is not the incident zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/Los_Angeles');
  });

  it('shows a 23:30 IST event on the 12th as the 12th, in the incident zone', async () => {
    const t = await withData(
      1280,
      small([
        { id: 'late', title: 'Late-night event', start: '2022-11-12T23:30', status: 'confirmed', sources: ['s1'] },
        { id: 'next', title: 'Next day', start: '2022-11-13', status: 'confirmed', sources: ['s1'] },
      ]),
    );
    expect(t.find('data-event-id', 'late')!.getAttribute('aria-label')).to.match(/^12 Nov 2022, 11:30 pm IST/);
    t.el.select('late');
    await t.settle();
    expect(t.part('details')!.querySelector('dd')!.textContent).to.contain('12 Nov 2022, 11:30 pm IST');
    const x = (id: string) => t.find('data-event-id', id)!.querySelector('.shape')!.getBoundingClientRect().x;
    expect(x('late')).to.be.lessThan(x('next'));
    expect(t.root.querySelector('.summary')!.textContent).to.contain('India Standard Time');
  });

  it('a time-zone attribute shows the same instant in another zone', async () => {
    const t = await withData(1280, small([{ id: 'a', title: 'A', start: '2022-11-12T23:30', status: 'confirmed', sources: ['s1'] }]));
    t.el.timeZone = 'UTC';
    await t.settle();
    expect(t.find('data-event-id', 'a')!.getAttribute('aria-label')).to.match(/^12 Nov 2022, 6:00 pm UTC/);
  });
});

describe('<attack-timeline> keyboard', () => {
  it('takes one tab stop, moves through events in time order with arrows, Home and End', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      const t = await withData();
      const incident = t.el.incident!;
      const tabStops = () => t.role('listbox')!.querySelectorAll('[tabindex="0"]').length;
      expect(tabStops()).to.equal(1);
      before.focus();
      // The toolbar is one tab stop (its first button that can act), then the chart.
      const passed: string[] = [];
      for (let i = 0; i < 8 && !t.focusedId('data-event-id'); i++) {
        await t.press('Tab');
        const b = deepActiveElement();
        if (b instanceof HTMLButtonElement) passed.push(b.getAttribute('aria-label') ?? b.textContent.trim());
      }
      expect(passed).to.deep.equal(['Zoom in']);
      expect(t.focusedId('data-event-id')).to.equal('ev-attack');
      const first = deepActiveElement()!;
      expect(first).to.equal(t.find('data-event-id', 'ev-attack'), 'focus on the mark itself');
      const ring = getComputedStyle(first.querySelector('.hit')!);
      expect(ring.strokeWidth, 'a visible focus ring').to.equal('3px');
      expect(contrast(ring.stroke, getComputedStyle(t.el).backgroundColor)).to.be.at.least(3);
      const order = [t.focusedId('data-event-id')];
      for (let i = 1; i < incident.events.length; i++) {
        await t.press('ArrowRight');
        await t.settle();
        order.push(t.focusedId('data-event-id'));
      }
      const expected = [...incident.events]
        .map((e, i) => ({ id: e.id, i, t: e.start }))
        .sort((a, b) => Date.parse(a.t.length === 10 ? `${a.t}T00:00+05:30` : a.t) - Date.parse(b.t.length === 10 ? `${b.t}T00:00+05:30` : b.t) || a.i - b.i)
        .map((e) => e.id);
      expect(order).to.deep.equal(expected);
      await t.press('Home');
      await t.settle();
      expect(t.focusedId('data-event-id')).to.equal(expected[0]);
      await t.press('End');
      await t.settle();
      expect(t.focusedId('data-event-id')).to.equal('ev-rs-reply-2023-02');
      expect(tabStops()).to.equal(1);
    } finally {
      before.remove();
    }
  });

  it('Enter opens details with sources; Escape closes them and keeps focus', async () => {
    const t = await withData();
    const selections: (string | null)[] = [];
    document.addEventListener('attack-select', (e) => selections.push(e.detail.id));
    t.find('data-event-id', 'ev-ip-trace')!.focus();
    await t.press('Enter');
    await t.settle();
    expect(t.el.selected).to.equal('ev-ip-trace');
    expect(t.el.getAttribute('selected')).to.equal('ev-ip-trace');
    const details = t.part('details')!;
    expect(details.textContent).to.contain('Email IP addresses traced to Hong Kong and Henan, China');
    expect(details.textContent).to.contain('Reported: reported by media citing unnamed sources');
    expect(details.textContent).to.contain('Likely (70 in 100), an editorial judgement');
    expect(details.textContent).to.contain('reported 14 Dec 2022');
    const links = [...details.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.include(
      'https://www.dnaindia.com/india/report-aiims-delhi-cyberattack-traced-to-china-and-hong-kong-patient-data-restored-opd-functioning-online-partially-3010728',
    );
    expect(details.querySelectorAll('li').length).to.equal(3, 'three sources, one without a link');
    expect(t.find('data-event-id', 'ev-ip-trace')!.getAttribute('aria-selected')).to.equal('true');
    await t.press('Escape');
    await t.settle();
    expect(t.el.selected).to.equal(null);
    expect(t.part('details')).to.equal(null);
    expect(t.focusedId('data-event-id')).to.equal('ev-ip-trace');
    expect(selections).to.deep.equal(['ev-ip-trace', null]);
  });

  it('moves focus to events outside a zoomed view by panning to them', async () => {
    const t = await withData();
    t.button('Zoom in')!.click();
    await t.settle();
    t.button('Zoom in')!.click();
    await t.settle();
    expect(t.all('data-event-id').length).to.be.lessThan(25);
    t.find('data-event-id', t.all('data-event-id')[0]!.id)!.focus();
    await t.press('End');
    await waitFor(() => t.focusedId('data-event-id') === 'ev-rs-reply-2023-02', 'focus on the last event');
  });
});

describe('<attack-timeline> events and methods', () => {
  it('select(), next() and previous() fire no attack-select; a click fires exactly one at the document', async () => {
    const t = await withData();
    let count = 0;
    const listener = () => count++;
    document.addEventListener('attack-select', listener);
    try {
      t.el.select('ev-fir');
      t.el.next();
      await t.settle();
      expect(t.el.selected).to.equal('ev-internet-blocked');
      t.el.previous();
      await t.settle();
      expect(t.el.selected).to.equal('ev-fir');
      expect(count).to.equal(0);
      click(t.find('data-event-id', 'ev-attack')!);
      await t.settle();
      expect(count).to.equal(1);
      expect(t.el.selected).to.equal('ev-attack');
    } finally {
      document.removeEventListener('attack-select', listener);
    }
  });

  it('the selected attribute selects on load', async () => {
    const incident = await aiimsIncident();
    const t = await timeline((el) => {
      el.setAttribute('selected', 'ev-rs-reply');
      el.incident = incident;
    });
    expect(t.part('details')!.textContent).to.contain('unknown threat actors');
  });

  it('reads inline JSON data from a child script', async () => {
    const data = await aiimsIncident();
    const t = await timeline((el) => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(data);
      el.append(script);
    });
    expect(t.all('data-event-id')).to.have.length(25);
  });

  it('loads src and fires attack-load with the incident', async () => {
    let loaded: Incident | null = null;
    const t = await timeline((el) => {
      el.addEventListener('attack-load', (e) => (loaded = e.detail.incident));
      el.src = '/examples/data/aiims-delhi-2022.json';
    });
    await waitFor(() => loaded, 'attack-load');
    await t.settle();
    expect(loaded!.title).to.equal('The ransomware attack on AIIMS New Delhi');
    expect(t.el.incident).to.deep.equal(loaded);
    expect(t.all('data-event-id')).to.have.length(25);
  });

  it('fetches src without credentials', async () => {
    document.cookie = 'session=secret; path=/';
    try {
      const { el } = await timeline((t) => (t.src = '/test-api/cookie'));
      await waitFor(() => el.incident, 'load');
      expect(el.incident!.title).to.equal('no cookie');
    } finally {
      document.cookie = 'session=; path=/; max-age=0';
    }
  });

  it('shows the fallback content while loading, then the chart', async () => {
    const t = await timeline((el) => {
      const ol = document.createElement('ol');
      ol.append(Object.assign(document.createElement('li'), { textContent: '23 Nov 2022: attack' }));
      el.append(ol);
      el.src = '/test-api/slow-ok';
    });
    expect(t.role('status')!.textContent).to.contain('Loading');
    expect(t.root.querySelector('slot')).to.exist;
    expect(t.el.querySelector('ol')!.getBoundingClientRect().height).to.be.greaterThan(0);
    await waitFor(() => t.el.incident, 'load');
    await t.settle();
    expect(t.root.querySelector('slot')).to.equal(null);
    expect(t.el.querySelector('ol')!.getBoundingClientRect().height).to.equal(0);
  });

  it('takes its locale from the nearest lang, across shadow roots, and speaks Hindi', async () => {
    const host = document.createElement('div');
    host.setAttribute('lang', 'hi-IN');
    const shadow = host.attachShadow({ mode: 'open' });
    const el = document.createElement('attack-timeline');
    el.incident = await aiimsIncident();
    const box = document.createElement('div');
    box.style.width = '1280px';
    box.append(el);
    shadow.append(box);
    document.body.append(host);
    try {
      const t = harness(el);
      await t.settle();
      const chart = t.role('listbox')!;
      expect(chart.getAttribute('aria-label')).to.equal('समयरेखा: The ransomware attack on AIIMS New Delhi');
      expect(t.part('legend')!.textContent).to.contain('विवादित');
      const ticks = [...t.root.querySelectorAll('.tick text')].map((text) => text.textContent).join(' ');
      expect(ticks).to.match(/नव|दिस/);
      expect(ticks).to.not.match(/Nov|Dec/);
    } finally {
      host.remove();
    }
  });
});

describe('<attack-timeline> zoom', () => {
  it('zooms with the buttons and "+"/"-" keys, bounded, and Show all restores', async () => {
    const t = await withData();
    const zoomOut = t.button('Zoom out')!;
    expect(zoomOut.getAttribute('aria-disabled')).to.equal('true');
    const span = () => {
      const ticks = [...t.root.querySelectorAll('.tick text')].map((text) => text.textContent);
      return ticks.join('|');
    };
    const before = span();
    t.button('Zoom in')!.click();
    await t.settle();
    expect(span()).to.not.equal(before);
    expect(zoomOut.getAttribute('aria-disabled')).to.equal('false');
    t.all('data-event-id')[0]!.node.focus();
    for (let i = 0; i < 20; i++) await t.press('+');
    await t.settle();
    expect(t.all('data-event-id').length).to.be.greaterThan(0, 'zoom stops at a sensible limit');
    t.button('Show all')!.click();
    await t.settle();
    expect(span()).to.equal(before);
    expect(t.all('data-event-id')).to.have.length(25);
  });

  it('leaves a plain wheel to the page: no zoom, no preventDefault', async () => {
    const t = await withData();
    const plot = t.role('listbox')!;
    const wheel = new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true, clientX: 300, clientY: 300 });
    plot.dispatchEvent(wheel);
    await t.settle();
    expect(wheel.defaultPrevented).to.equal(false);
    expect(t.button('Zoom out')!.getAttribute('aria-disabled')).to.equal('true');
    const ctrlWheel = new WheelEvent('wheel', { deltaY: -300, ctrlKey: true, bubbles: true, cancelable: true, clientX: 300, clientY: 300 });
    plot.dispatchEvent(ctrlWheel);
    await t.settle();
    expect(ctrlWheel.defaultPrevented).to.equal(true);
    expect(t.button('Zoom out')!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('keeps its height while zooming', async () => {
    const t = await withData();
    const h = t.el.getBoundingClientRect().height;
    t.button('Zoom in')!.click();
    await t.settle();
    expect(t.el.getBoundingClientRect().height).to.equal(h);
  });
});

describe('<attack-timeline> level of detail', () => {
  it('aggregates 20,000 events into bins, with few DOM nodes, and Enter on a bin zooms in', async () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ({
      id: `e${i}`,
      title: `Log entry ${i}`,
      lane: ['net', 'host', 'mail'][i % 3],
      start: new Date(Date.UTC(2022, 10, 1) + i * 97_000).toISOString().slice(0, 16) + 'Z',
      status: 'confirmed',
      sources: ['s1'],
    }));
    const t = await withData(1280, small(events));
    await waitFor(() => t.all('data-bin').length, 'bins drawn');
    expect(t.all('data-event-id')).to.have.length(0);
    const bins = t.all('data-bin');
    expect(bins.length).to.be.greaterThan(10);
    expect(t.root.querySelectorAll('svg *').length).to.be.lessThan(2500);
    expect(t.root.querySelectorAll('ol[aria-label] li').length).to.be.at.most(1000);
    bins[0]!.node.focus();
    await t.press('Enter');
    await waitFor(() => t.all('data-event-id').length > 0, 'events after zooming into a bin');
    expect(t.all('data-event-id').length).to.be.at.most(500);
  });
});

describe('<attack-timeline> reaching one event at scale', () => {
  // 2,000 events over a fortnight: binned at the first view.
  const many = (n: number, step: number, at = (i: number) => Date.UTC(2022, 10, 1) + i * step) =>
    Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      title: `Log entry ${i}`,
      lane: ['net', 'host', 'mail'][i % 3],
      start: new Date(at(i)).toISOString().slice(0, 19) + 'Z',
      status: 'confirmed',
      sources: ['s1'],
    }));
  const drawn = (t: Harness<AttackTimeline>, id: string) => t.all('data-event-id').some((m) => m.id === id);

  it('select(id) inside a 2,000-event incident zooms until that event has its own mark, and shows it selected', async () => {
    const t = await withData(1280, small(many(2000, 600_000)));
    expect(t.all('data-bin').length, 'binned at first').to.be.greaterThan(0);
    for (const id of ['e1234', 'e3', 'e1998']) {
      t.el.select(id);
      await waitFor(() => drawn(t, id), `${id} drawn`);
      await t.settle();
      const mark = t.find('data-event-id', id)!;
      expect(mark.getAttribute('aria-selected')).to.equal('true');
      // Inside the plot, not clipped off either side.
      const plot = t.role('listbox')!.getBoundingClientRect();
      const box = mark.getBoundingClientRect();
      expect(
        box.left >= plot.left - 1 && box.right <= plot.right + 1,
        `${id} at ${Math.round(box.left)}–${Math.round(box.right)} in ${Math.round(plot.left)}–${Math.round(plot.right)}`,
      ).to.equal(true);
      expect(t.all('data-event-id').length).to.be.at.most(500);
    }
  });

  it('a bin that zooming cannot open (600 events at one instant) lists its events 50 at a time; each opens its details', async () => {
    const at = (i: number) => (i < 600 ? Date.UTC(2022, 10, 5, 10, 0, 0) : Date.UTC(2022, 10, 1, 0, 7) + (i - 600) * 900_000);
    const t = await withData(1280, small(many(2000, 0, at).map((e) => ({ ...e, lane: 'net' }))));
    t.el.select('e10');
    await waitFor(() => t.button('Zoom in')?.getAttribute('aria-disabled') === 'true', 'deepest zoom');
    await t.settle();
    expect(drawn(t, 'e10'), 'still binned at the deepest zoom').to.equal(false);
    expect(detailsTitle(t).textContent, 'its details open all the same').to.contain('Log entry 10');
    const dense = t.all('data-bin').find((b) => /^600 events .*too close together/.test(b.node.getAttribute('aria-label')!));
    expect(
      Boolean(dense),
      `the dense bin says Enter lists its events: ${t
        .all('data-bin')
        .map((b) => b.node.getAttribute('aria-label'))
        .join(' | ')}`,
    ).to.equal(true);
    dense!.node.focus();
    await t.press('Enter');
    await t.settle();
    const panel = t.part('details')!;
    expect(detailsTitle(t).textContent).to.match(/^600 events at 5 Nov 2022, 3:30 pm/);
    const buttons = () => [...panel.querySelectorAll<HTMLButtonElement>('.events button')];
    expect(buttons()).to.have.length(50);
    expect(deepActiveElement() === buttons()[0], 'focus on the first event').to.equal(true);
    expect(panel.textContent).to.contain('Events 1–50 of 600');
    const next = [...panel.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Next 50')!;
    next.click();
    await t.settle();
    expect(t.part('details')!.textContent).to.contain('Events 51–100 of 600');
    const chosen = buttons()[3]!;
    const title = chosen.querySelector('bdi')!.textContent;
    chosen.click();
    await t.settle();
    expect(detailsTitle(t).textContent).to.equal(title);
    expect(t.el.selected).to.equal(`e${title!.replace('Log entry ', '')}`);
    // Escape from a reopened list closes it and puts focus back on the bin.
    const again = t.all('data-bin').find((b) => /^600 events/.test(b.node.getAttribute('aria-label')!))!;
    again.node.focus();
    await t.press('Enter');
    await t.settle();
    await t.press('Escape');
    await t.settle();
    expect(t.root.querySelector('.events') === null, 'list closed').to.equal(true);
    expect(t.focusedId('data-bin')).to.equal(again.id);
  });

  it('reads 20,000 events in slices: the page gets turns while they are read, then the chart draws', async () => {
    const data = small(many(20_000, 60_000));
    const t = await timeline(() => undefined);
    t.el.incident = data;
    // Urgent work the page queues now (as input handling is) runs before the reading is done.
    const scheduler = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: { priority: string }) => Promise<void> } }).scheduler;
    const urgent = (cb: () => void) => (scheduler?.postTask ? void scheduler.postTask(cb, { priority: 'user-blocking' }) : setTimeout(cb, 0));
    const during = await new Promise<{ incident: unknown; status: string }>((resolve) =>
      urgent(() => resolve({ incident: t.el.incident, status: t.role('status')?.textContent ?? '' })),
    );
    expect(during.incident, 'not read yet when the page gets its turn').to.equal(null);
    expect(during.status).to.match(/Loading/);
    await waitFor(() => t.all('data-bin').length > 0, 'drawn as bins');
    expect(t.el.incident!.events).to.have.length(20_000);
  });

  it('an event selected along with the data (as a deep link does) is drawn', async () => {
    const data = small(many(2000, 600_000));
    const t = await timeline((el) => {
      el.incident = data;
      el.selected = 'e777';
    });
    await waitFor(() => drawn(t, 'e777'), 'e777 drawn');
    expect(t.find('data-event-id', 'e777')!.getAttribute('aria-selected')).to.equal('true');
  });
});

describe('<attack-timeline> bad input', () => {
  let trap: ReturnType<typeof trapPageErrors>;
  beforeEach(() => (trap = trapPageErrors()));
  afterEach(() => {
    trap.stop();
    expect(trap.errors, 'nothing reaches the host page').to.deep.equal([]);
  });

  const failing = async (src: string, setup: (el: AttackTimeline) => void = () => undefined) => {
    let errors: { path: string; message: string }[] | null = null;
    const t = await timeline((el) => {
      el.addEventListener('attack-error', (e) => (errors = e.detail.errors));
      el.debug = true;
      setup(el);
      el.src = src;
    });
    await waitFor(() => errors, `attack-error for ${src}`);
    await t.settle();
    const alert = t.role('alert');
    expect(alert, 'a visible alert').to.exist;
    expect(alert!.getBoundingClientRect().height).to.be.greaterThan(0);
    return { el: t.el, errors: errors! as { path: string; message: string }[], alert: alert!.textContent };
  };

  it('a src the server refuses (410 Gone)', async () => {
    const { errors, alert } = await failing('/test-api/gone');
    expect(errors).to.deep.equal([{ path: 'src', message: 'the server answered 410 Gone for /test-api/gone' }]);
    expect(alert).to.contain('410');
  });

  it('a src that is a web page, not data', async () => {
    const { errors } = await failing('/test-api/not-json');
    expect(errors[0]!.path).to.equal('src');
    expect(errors[0]!.message).to.match(/^this is an HTML page, not data/);
  });

  it('a src larger than max-bytes, by Content-Length and by counted stream', async () => {
    const declared = await failing('/test-api/big-declared');
    expect(declared.errors[0]!.message).to.contain('larger than the limit of 5.0 MB');
    const chunked = await failing('/test-api/big-chunked', (t) => (t.maxBytes = 1_000_000));
    expect(chunked.errors[0]!.message).to.contain('larger than the limit of 1.0 MB');
  });

  it('a src that never answers times out', async () => {
    const started = performance.now();
    const { errors } = await failing('/test-api/hang', (t) => (t.timeout = 300));
    expect(errors[0]!.message).to.equal('no answer from /test-api/hang within 0.3 s');
    expect(performance.now() - started).to.be.lessThan(5000);
  });

  it('removal while loading aborts without an error or a render', async () => {
    const { el } = await timeline((t) => (t.src = '/test-api/slow-ok'));
    let events = 0;
    el.addEventListener('attack-load', () => events++);
    el.addEventListener('attack-error', () => events++);
    el.remove();
    await new Promise((r) => setTimeout(r, 700));
    expect(events).to.equal(0);
  });

  it('an invalid event: readers see one plain sentence, debug and el.issues every path, and the rest still render', async () => {
    let errors: { path: string }[] = [];
    const data = await aiimsIncident();
    (data.events[3] as { start: string }).start = '2022-13-01';
    const t = await timeline((el) => {
      el.addEventListener('attack-error', (e) => (errors = e.detail.errors));
      el.incident = data;
    });
    expect(errors.map((e) => e.path)).to.deep.equal(['events[3].start']);
    expect(t.el.issues.errors.map((e) => e.path)).to.deep.equal(['events[3].start']);
    expect(t.all('data-event-id')).to.have.length(24);
    expect(t.role('alert')!.textContent!.trim()).to.equal('Some entries could not be shown.');
    t.el.debug = true;
    await t.settle();
    expect(t.role('alert')!.textContent).to.contain('events[3].start: "2022-13-01" is not a date');
    t.el.debug = false;
    t.el.lang = 'hi';
    t.el.locale = 'hi-IN';
    await t.settle();
    expect(t.role('alert')!.textContent!.trim()).to.equal('कुछ प्रविष्टियाँ नहीं दिखाई जा सकीं।');
  });

  it('a document with nothing to draw shows only the alert', async () => {
    const t = await timeline((el) => (el.incident = 'not an incident' as unknown as Incident));
    expect(t.role('alert')!.textContent!.trim()).to.equal('The timeline could not be shown.');
    t.el.debug = true;
    await t.settle();
    expect(t.role('alert')!.textContent).to.contain('must be a JSON object');
    expect(t.root.querySelector('svg')).to.equal(null);
  });

  it('renders markup in every text field as text, and runs no script', async () => {
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<svg onload="window.__xss=2"></svg>',
      '"><script>window.__xss=3</script>',
      '<iframe srcdoc="<script>parent.__xss=7</script>">',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=8">',
      '{{constructor.constructor("window.__xss=6")()}}',
    ];
    const events = payloads.map((p, i) => ({
      id: `x${i}`,
      title: p,
      description: p,
      start: `2022-11-${10 + i}`,
      lane: `lane${i}`,
      status: 'confirmed',
      sources: [`s${i}`],
      conflicts: [{ note: p, sources: [`s${i}`] }],
    }));
    const t = await withData(
      1280,
      small(events, {
        title: payloads[0],
        lanes: payloads.map((p, i) => ({ id: `lane${i}`, label: p })),
        sources: payloads.map((p, i) => ({ id: `s${i}`, title: p, publisher: p, url: 'https://example.org/' })),
      }),
    );
    for (let i = 0; i < payloads.length; i++) {
      t.el.select(`x${i}`);
      await t.settle();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    expect(t.root.querySelectorAll('img, script, iframe, math, object, embed, foreignObject, style:not([data-lit])').length).to.equal(0);
    const all = t.root.querySelectorAll('*');
    for (const node of all) for (const attr of node.getAttributeNames()) expect(attr.startsWith('on'), `${node.tagName} ${attr}`).to.equal(false);
    expect(t.part('title')!.textContent).to.equal(payloads[0]);
    expect(detailsTitle(t).textContent).to.equal(payloads[payloads.length - 1]);
  });

  it('never renders a javascript:, data: or vbscript: link, and clicking links runs nothing', async () => {
    const urls = [
      'javascript:window.__xss=5',
      ' JaVaScRiPt:window.__xss=5',
      'java\tscript:window.__xss=5',
      '\x01javascript:window.__xss=5',
      'data:text/html,<script>window.__xss=5</script>',
      'vbscript:msgbox(1)',
      'https://example.org/ok',
    ];
    const t = await withData(
      1280,
      small([{ id: 'a', title: 'Linked', start: '2022-11-23', status: 'confirmed', sources: urls.map((_, i) => `u${i}`) }], {
        sources: urls.map((url, i) => ({ id: `u${i}`, title: `Source ${i}`, url })),
      }),
    );
    t.el.select('a');
    await t.settle();
    const links = [...t.root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/ok']);
    expect(links[0]!.rel).to.contain('noopener');
    const items = t.part('details')!.querySelectorAll('ol li');
    expect(items.length).to.equal(urls.length, 'sources without a safe link are still cited, as text');
    for (const a of links) a.addEventListener('click', (e) => e.preventDefault());
    for (const a of links) a.click();
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    expect(t.el.issues.warnings.filter((w) => w.path.endsWith('.url'))).to.have.length(6);
  });

  it('isolates right-to-left override characters in titles', async () => {
    const t = await withData(1280, small([{ id: 'a', title: '\u202Eevil\u202C title', start: '2022-11-23', status: 'confirmed', sources: ['s1'] }]));
    t.el.select('a');
    await t.settle();
    expect(getComputedStyle(detailsTitle(t)).unicodeBidi).to.equal('isolate');
  });
});
