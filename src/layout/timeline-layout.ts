import { scaleLinear } from 'd3-scale';
import type { ResolvedEvent, ResolvedIncident, SourcingStatus } from '../model/types.js';
import { formatEventDate, formatResolvedDate } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { wrap, type SizedMeasure as Measure } from './text.js';
import { zonedTicks, type Tick } from './time-axis.js';

/**
 * (incident, size, zone, locale) -> view model for <attack-timeline>. Pure: no DOM; text
 * widths come from an injected measurer. Two layouts:
 * - horizontal (wide containers): time runs left to right, one band per lane, labels packed
 *   into levels so they never overlap; above `lodThreshold` events in view, events are
 *   aggregated into per-lane bins until zoomed;
 * - vertical (narrow containers): events read top to bottom in time order under day
 *   headings, titles wrapped to the width.
 */

export const SIZES = {
  axis: 34,
  laneHead: 20,
  level: 40,
  laneGap: 8,
  radius: 6,
  milestoneRadius: 9,
  labelMax: 172,
  labelFont: 13,
  labelLine: 16,
  gap: 8,
  padX: 14,
  binWidth: 36,
  maxLevels: 4,
  /** Narrower than this, the vertical layout is used. */
  verticalBelow: 600,
  /** Drawing: half the cross over a denied mark, range bars, hit targets, bins, baselines. */
  crossRadius: 4,
  rangeMin: 8,
  rangeHeight: 22,
  rangeHeightVertical: 14,
  hitMin: 24,
  binHalf: 12,
  binBaseline: 5,
  labelBaseline: 4.5,
  extentOffset: 11,
  vertical: { metaLine: 16, titleLine: 20, metaGap: 12, titleBaseline: 5 },
} as const;

export const LOD_THRESHOLD = 500;

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface MarkLayout {
  id: string;
  event: ResolvedEvent;
  shape: 'point' | 'milestone' | 'range';
  status: SourcingStatus;
  /** Centre of a point mark; start of a range bar. */
  x: number;
  y: number;
  /** End of a range bar. */
  x1?: number;
  /** The span a coarse date covers (a day, a month), when wider than the mark. */
  extent?: { x0: number; x1: number };
  /** Alternative dates other sources give. */
  conflicts: number[];
  label: { lines: string[]; x: number; anchor: 'start' | 'end' } | null;
  /** Hit target and focus ring. */
  box: Box;
}

export interface BinLayout {
  key: string;
  lane: string;
  x0: number;
  x1: number;
  y: number;
  count: number;
  start: number;
  end: number;
}

export interface LaneBand {
  id: string;
  label: string;
  y: number;
  height: number;
}

export interface HorizontalLayout {
  orientation: 'horizontal';
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: (Tick & { x: number })[];
  lanes: LaneBand[];
  marks: MarkLayout[];
  bins: BinLayout[];
  /** Number of events whose time falls in view. */
  inView: number;
  /** Visible time span, epoch ms. */
  domain: [number, number];
  /** The unzoomed x of a time (the zoom transform applies on top). */
  baseX: (t: number) => number;
  /** The zoomed x of a time. */
  x: (t: number) => number;
  /** The deepest zoom: half an hour across the plot. */
  maxScale: number;
  /** Where to centre (unzoomed x) to bring an event into view. */
  centreOf: (e: ResolvedEvent) => number;
  /** The unzoomed x range to zoom to so a bin opens into its events, with a margin. */
  spanOf: (b: BinLayout) => [number, number];
}

export interface HeadingRow {
  kind: 'heading';
  key: string;
  y: number;
  label: string;
}

export interface VerticalLayout {
  orientation: 'vertical';
  width: number;
  height: number;
  spineX: number;
  textX: number;
  headings: HeadingRow[];
  /** `meta`: date, lane and status, on one or two lines above the title. */
  marks: (MarkLayout & { meta: string[] })[];
  /** Index range of events drawn, when a long list is windowed. */
  window: { from: number; to: number; total: number };
}

export type TimelineLayout = HorizontalLayout | VerticalLayout;

export interface LayoutOptions {
  width: number;
  locale: string;
  timeZone: string;
  messages: Messages;
  measure: Measure;
  /** d3-zoom transform of the x range. */
  transform?: { k: number; x: number };
  /** Levels per lane fixed at the unzoomed view (see {@link laneLevels}). */
  levels?: number[];
  lodThreshold?: number;
  /** Vertical layout: first event index of the window drawn. */
  windowStart?: number;
  windowSize?: number;
}

/** The time span the unzoomed chart shows: the events' extent with a margin. */
export function baseDomain(r: ResolvedIncident): [number, number] {
  const [a, b] = r.extent ?? [0, 86_400_000];
  const span = Math.max(b - a, 86_400_000);
  const mid = (a + b) / 2;
  return [mid - span * 0.53, mid + span * 0.53];
}

function xOf(e: ResolvedEvent, x: (t: number) => number) {
  const end = e.end ? e.end.end : e.start.end;
  return { x0: x(e.start.start), x1: x(end), mid: x((e.start.start + e.start.end) / 2) };
}

interface Packed {
  mark: MarkLayout;
  level: number;
  labelStart: number;
}

/** Shortens a placed label so its box ends before `limit`; drops it when too little is left. */
function shrinkLabel(p: Packed, limit: number, measure: Measure) {
  const m = p.mark;
  if (!m.label || m.label.anchor !== 'start') return;
  const room = limit - p.labelStart;
  if (room < 44) {
    m.label = null;
    m.box.x1 = m.shape === 'range' ? Math.min(m.box.x1, Math.max(m.x1 ?? m.x, m.x + 8)) : m.x + SIZES.radius + 3;
    return;
  }
  m.label.lines = wrap(m.label.lines.join(' '), room, 2, (t) => measure(t, SIZES.labelFont));
  m.box.x1 = Math.max(m.shape === 'range' ? (m.x1 ?? m.x) : m.x, p.labelStart + Math.max(...m.label.lines.map((l) => measure(l, SIZES.labelFont))));
}

/**
 * Packs one lane's placed marks into at most `cap` levels, left to right; returns them in the
 * order given, each with its level.
 */
function packLane(placed: { mark: MarkLayout; labelStart: number }[], cap: number, measure: Measure): Packed[] {
  const packed: Packed[] = placed.map((p) => ({ mark: p.mark, level: 0, labelStart: p.labelStart }));
  // The last mark placed on each level.
  const levels: Packed[] = [];
  for (const p of [...packed].sort((a, b) => a.mark.box.x0 - b.mark.box.x0)) {
    const m = p.mark;
    let level = levels.findIndex((q, l) => l < cap && m.box.x0 >= q.mark.box.x1 + SIZES.gap);
    if (level === -1 && levels.length < cap) level = levels.length;
    if (level === -1) {
      // Every level is taken here: make room on the level that frees up first.
      const freest = levels.reduce((a, b) => (b.mark.box.x1 < a.mark.box.x1 ? b : a));
      level = freest.level;
      shrinkLabel(freest, m.box.x0 - SIZES.gap, measure);
      if (m.label?.anchor === 'end' || m.box.x0 < freest.mark.box.x1 + SIZES.gap) {
        m.label = null;
        m.box.x0 = Math.min(m.box.x0, m.x - SIZES.radius - 3);
        m.box.x1 = m.shape === 'range' ? Math.max(m.x1 ?? m.x, m.x + 8) : m.x + SIZES.radius + 3;
      }
    }
    p.level = level;
    levels[level] = p;
  }
  return packed;
}

/** Builds a horizontal mark with its label placed right of the mark, or left near the edge. */
function placeMark(e: ResolvedEvent, x: (t: number) => number, plot: HorizontalLayout['plot'], measure: Measure, labelMax: number = SIZES.labelMax) {
  const { x0, x1, mid } = xOf(e, x);
  const m13 = (t: string) => measure(t, SIZES.labelFont);
  let lines = wrap(e.event.title, labelMax, 2, m13);
  let w = Math.max(0, ...lines.map(m13));
  const range = Boolean(e.end);
  const shape: MarkLayout['shape'] = range ? 'range' : e.milestone ? 'milestone' : 'point';
  const r = shape === 'milestone' ? SIZES.milestoneRadius : SIZES.radius;
  let mark: MarkLayout;
  let labelStart: number;
  if (range) {
    // A period is a bar with its label on one line inside it, running on past a short bar.
    const b0 = Math.max(x0, plot.left);
    const b1 = Math.min(Math.max(x1, x0 + 4), plot.right);
    labelStart = b0 + 8;
    lines = wrap(e.event.title, Math.min(Math.max(b1 - labelStart - 6, SIZES.labelMax), plot.right - labelStart), 1, m13);
    w = Math.max(0, ...lines.map(m13));
    mark = {
      id: e.id,
      event: e,
      shape,
      status: e.status,
      x: b0,
      x1: b1,
      y: 0,
      conflicts: [],
      label: lines.length ? { lines, x: labelStart, anchor: 'start' } : null,
      box: { x0: b0, x1: Math.max(b1, labelStart + w), y0: 0, y1: 0 },
    };
  } else {
    const rightRoom = plot.right - (mid + r + 5);
    const leftRoom = mid - r - 5 - plot.left;
    let anchor: 'start' | 'end' = 'start';
    if (w > rightRoom) {
      if (w <= leftRoom || leftRoom > rightRoom) anchor = 'end';
      const room = Math.max(anchor === 'start' ? rightRoom : leftRoom, 0);
      if (w > room) {
        lines = room >= 44 ? wrap(e.event.title, room, 2, m13) : [];
        w = Math.max(0, ...lines.map(m13));
      }
    }
    labelStart = anchor === 'start' ? mid + r + 5 : mid - r - 5 - w;
    const dayWide = x1 - x0;
    mark = {
      id: e.id,
      event: e,
      shape,
      status: e.status,
      x: mid,
      y: 0,
      conflicts: [],
      extent: dayWide > r * 2.5 ? { x0: Math.max(x0, plot.left), x1: Math.min(x1, plot.right) } : undefined,
      label: lines.length ? { lines, x: anchor === 'start' ? labelStart : mid - r - 5, anchor } : null,
      box: anchor === 'start' ? { x0: mid - r - 3, x1: mid + r + 5 + w, y0: 0, y1: 0 } : { x0: labelStart, x1: mid + r + 3, y0: 0, y1: 0 },
    };
  }
  mark.conflicts = e.conflictDates.map((d) => x((d.start + d.end) / 2));
  return { mark, labelStart };
}

/**
 * Places a lane's marks. A label may widen (up to 300 px) into empty time before the lane's
 * next event, so a quiet stretch shows whole titles instead of ellipses.
 */
function placeLane(events: ResolvedEvent[], x: (t: number) => number, plot: HorizontalLayout['plot'], measure: Measure) {
  const withMid = events.map((e) => ({ e, mid: xOf(e, x).mid }));
  return withMid.map(({ e, mid }) => {
    let next = Infinity;
    for (const other of withMid) if (other.mid > mid && other.mid < next) next = other.mid;
    const room = Math.min(next, plot.right) - mid - SIZES.milestoneRadius - 2 * SIZES.gap;
    return placeMark(e, x, plot, measure, Math.max(SIZES.labelMax, Math.min(300, room)));
  });
}

function plotFor(width: number): HorizontalLayout['plot'] {
  return { left: SIZES.padX, right: Math.max(SIZES.padX + 10, width - SIZES.padX), top: SIZES.axis, bottom: 0 };
}

function baseScale(r: ResolvedIncident, plot: HorizontalLayout['plot']) {
  return scaleLinear().domain(baseDomain(r)).range([plot.left, plot.right]);
}

/**
 * Levels each lane needs at the unzoomed view, capped. Zooming in only spreads marks out, so
 * keeping these fixed keeps the chart's height still while the reader zooms.
 */
export function laneLevels(r: ResolvedIncident, width: number, measure: Measure, lodThreshold = LOD_THRESHOLD): number[] {
  const plot = plotFor(width);
  const x = baseScale(r, plot);
  if (r.events.length > lodThreshold) return r.lanes.map(() => 1);
  return r.lanes.map((lane) => {
    const placed = placeLane(
      r.events.filter((e) => e.lane === lane.id),
      x,
      plot,
      measure,
    );
    return Math.max(1, ...packLane(placed, SIZES.maxLevels, measure).map((p) => p.level + 1));
  });
}

export function layoutHorizontal(r: ResolvedIncident, o: LayoutOptions): HorizontalLayout {
  const plot = plotFor(o.width);
  const k = o.transform?.k ?? 1;
  const tx = o.transform?.x ?? 0;
  const base = baseScale(r, plot);
  const x = (t: number) => base(t) * k + tx;
  const domain: [number, number] = [base.invert((plot.left - tx) / k), base.invert((plot.right - tx) / k)];
  const levels = o.levels ?? laneLevels(r, o.width, o.measure, o.lodThreshold);

  // Which events are in view decides between marks and bins.
  const visible = r.events.filter((e) => {
    const { x0, x1 } = xOf(e, x);
    return x1 >= plot.left - 1 && x0 <= plot.right + 1;
  });
  const inView = visible.filter((e) => {
    const { mid } = xOf(e, x);
    return mid >= plot.left && mid <= plot.right;
  }).length;
  const lod = inView > (o.lodThreshold ?? LOD_THRESHOLD);

  // Lane bands, fixed height per lane.
  const lanes: LaneBand[] = [];
  let y = plot.top;
  r.lanes.forEach((lane, i) => {
    const height = SIZES.laneHead + (levels[i] ?? 1) * SIZES.level + SIZES.laneGap;
    lanes.push({ id: lane.id, label: lane.label, y, height });
    y += height;
  });
  plot.bottom = y;

  const marks: MarkLayout[] = [];
  const bins: BinLayout[] = [];
  // One band per lane, in the incident's lane order.
  lanes.forEach((band, li) => {
    const laneEvents = visible.filter((e) => e.lane === band.id);
    if (lod) {
      // Aggregate by pixel bucket; each bin becomes one mark that zooms in on Enter.
      const buckets = new Map<number, BinLayout>();
      for (const e of laneEvents) {
        const mx = xOf(e, x).mid;
        if (mx < plot.left || mx > plot.right) continue;
        const b = Math.floor((mx - plot.left) / SIZES.binWidth);
        let bin = buckets.get(b);
        if (!bin) {
          bin = {
            key: `${band.id}:${b}`,
            lane: band.id,
            x0: plot.left + b * SIZES.binWidth,
            x1: Math.min(plot.left + (b + 1) * SIZES.binWidth, plot.right),
            y: band.y + SIZES.laneHead + 14,
            count: 0,
            start: e.start.start,
            end: e.start.end,
          };
          buckets.set(b, bin);
        }
        bin.count++;
        bin.start = Math.min(bin.start, e.start.start);
        bin.end = Math.max(bin.end, e.start.end);
      }
      bins.push(...[...buckets.values()].sort((a, b) => a.x0 - b.x0));
      return;
    }
    const placed = placeLane(laneEvents, x, plot, o.measure);
    for (const { mark: m, level } of packLane(placed, levels[li] ?? 1, o.measure)) {
      m.y = band.y + SIZES.laneHead + level * SIZES.level + 12;
      const lines = m.label?.lines.length ?? 1;
      m.box.y0 = m.y - 12;
      m.box.y1 = m.y + 12 + (lines - 1) * SIZES.labelLine;
      marks.push(m);
    }
  });
  // Keyboard and reading order: time order across lanes.
  const order = new Map(r.events.map((e, i) => [e.id, i]));
  marks.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const ticks = zonedTicks(domain[0], domain[1], Math.max(2, Math.floor((plot.right - plot.left) / 96)), o.timeZone, o.locale)
    .map((t) => ({ ...t, x: x(t.time) }))
    .filter((t) => t.x >= plot.left - 0.5 && t.x <= plot.right + 0.5);

  const [d0, d1] = baseDomain(r);
  const pad = (b: BinLayout) => (b.end - b.start) * 0.05 + 60_000;
  return {
    orientation: 'horizontal',
    width: o.width,
    height: y + 6,
    plot,
    ticks,
    lanes,
    marks,
    bins,
    inView,
    domain,
    baseX: base,
    x,
    maxScale: (d1 - d0) / (30 * 60_000),
    centreOf: (e) => base((e.start.start + e.start.end) / 2),
    spanOf: (b) => [base(b.start - pad(b)), base(b.end + pad(b))],
  };
}

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
    const meta = [dateText, laneLabel.get(e.lane) ?? e.lane, m.common.status[e.status]].filter(Boolean).join(' · ');
    const lines = wrap(e.event.title, textW, 4, (t) => o.measure(t, 15));
    const metaLines = wrap(meta, textW, 2, (t) => o.measure(t, 12));
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

export function layoutTimeline(r: ResolvedIncident, o: LayoutOptions): TimelineLayout {
  return o.width < SIZES.verticalBelow ? layoutVertical(r, o) : layoutHorizontal(r, o);
}
