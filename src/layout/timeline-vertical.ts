/**
 * The narrow timeline: events read top to bottom in time order under day headings, titles
 * wrapped to the width; a long list is windowed.
 */
import type { ResolvedIncident } from '../model/types.js';
import { balanceIsolates, isolate } from '../i18n/bidi.js';
import { formatEventDate, formatResolvedDate } from '../i18n/format.js';
import { wrap } from './text.js';
import { LOD_THRESHOLD, type HeadingRow, type LayoutOptions, type VerticalLayout } from './timeline-types.js';

/** Vertical layout: a reading list on a time spine, with day headings. */
export function layoutVertical(r: ResolvedIncident, o: LayoutOptions): VerticalLayout {
  const spineX = 16;
  const textX = 38;
  const textW = Math.max(80, o.width - textX - 10);
  const m = o.messages;
  const total = r.events.length;
  const size = o.windowSize ?? LOD_THRESHOLD;
  const from = Math.max(0, Math.min(o.windowStart ?? 0, Math.max(0, total - size)));
  const to = Math.min(total, from + size);
  const laneLabel = new Map(r.lanes.map((l) => [l.id, l.label]));
  const headings: HeadingRow[] = [];
  const marks: VerticalLayout['marks'] = [];
  let y = 4;
  let lastHeading = '';
  let lastTime: number | null = null;
  for (let i = from; i < to; i++) {
    // In range: 0 <= from and to <= total.
    const e = r.events[i]!;
    // A heading whenever the day (or month, for coarse dates) changes.
    const unit = e.start.unit === 'year' || e.start.unit === 'month' ? e.start : { ...e.start, unit: 'day' as const };
    const heading = formatResolvedDate(unit, o.locale, o.timeZone);
    if (heading !== lastHeading) {
      if (lastTime !== null) {
        const days = Math.max(0, (e.start.start - lastTime) / 86_400_000);
        y += Math.min(28, 4 + 5 * Math.log2(1 + days));
      }
      headings.push({ kind: 'heading', key: `${heading}@${i}`, y: y + 15, label: heading });
      y += 26;
      lastHeading = heading;
    }
    lastTime = e.start.start;
    const dateText =
      e.event.displayDate || e.end || e.start.unit === 'hour' || e.start.unit === 'minute' || e.start.unit === 'second' || e.start.approximate || e.dateKind === 'reported'
        ? formatEventDate(e, o.locale, o.timeZone, m)
        : '';
    const meta = [dateText, isolate(laneLabel.get(e.lane) ?? e.lane), m.common.status[e.status]].filter(Boolean).join(' · ');
    const lines = wrap(e.event.title, textW, 4, (t) => o.measure(t, 15));
    const metaLines = balanceIsolates(wrap(meta, textW, 2, (t) => o.measure(t, 12)));
    const top = y;
    const markY = top + metaLines.length * 16 + 12;
    const bottom = markY + 6 + (lines.length - 1) * 20 + 6;
    marks.push({
      id: e.id,
      event: e,
      shape: e.end ? 'range' : e.milestone ? 'milestone' : 'point',
      status: e.status,
      x: spineX,
      y: markY,
      conflicts: [],
      label: { lines, x: textX, anchor: 'start' },
      meta: metaLines,
      box: { x0: 4, x1: o.width - 4, y0: top - 2, y1: bottom + 2 },
    });
    y = bottom + 10;
  }
  return { orientation: 'vertical', width: o.width, height: y + 4, spineX, textX, headings, marks, window: { from, to, total } };
}
