/**
 * The wide timeline: time runs left to right, one band per lane, labels packed into levels so
 * they never overlap; above the level-of-detail threshold, events in view become bins.
 */
import type { ResolvedEvent, ResolvedIncident } from '../model/types.js';
import type { SizedMeasure as Measure } from './text.js';
import { zonedTicks } from './time-axis.js';
import { binLane, binSpan } from './timeline-bins.js';
import { lowerBound, overlapping, timeIndex, upperBound, type TimeIndex } from './timeline-index.js';
import { packLane, placeLane, widenLabels } from './timeline-labels.js';
import { LOD_THRESHOLD, SIZES, type BinLayout, type HorizontalLayout, type LaneBand, type LayoutOptions, type MarkLayout } from './timeline-types.js';

/** The time span the unzoomed chart shows: the events' extent with a margin. */
export function baseDomain(r: ResolvedIncident): [number, number] {
  const [a, b] = r.extent ?? [0, 86_400_000];
  const span = Math.max(b - a, 86_400_000);
  const mid = (a + b) / 2;
  return [mid - span * 0.53, mid + span * 0.53];
}

function plotFor(width: number): HorizontalLayout['plot'] {
  return { left: SIZES.padX, right: Math.max(SIZES.padX + 10, width - SIZES.padX), top: SIZES.axis, bottom: 0 };
}

/** Time to x at the unzoomed view, and back: a straight line through the domain's ends. */
interface Linear {
  (t: number): number;
  invert(x: number): number;
}

function baseScale(r: ResolvedIncident, plot: HorizontalLayout['plot']): Linear {
  const [t0, t1] = baseDomain(r);
  const perMs = (plot.right - plot.left) / (t1 - t0);
  const x = ((t: number) => plot.left + (t - t0) * perMs) as Linear;
  x.invert = (px: number) => t0 + (px - plot.left) / perMs;
  return x;
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

  // Which events are in view decides between marks and bins: found by binary search in the
  // document's time index, then grouped by lane in one pass.
  const index = timeIndex(r);
  const tLeft = base.invert((plot.left - 1 - tx) / k);
  const tRight = base.invert((plot.right + 1 - tx) / k);
  const [midLeft, midRight] = [base.invert((plot.left - tx) / k), base.invert((plot.right - tx) / k)];
  const byLane = new Map<string, ResolvedEvent[]>(r.lanes.map((l) => [l.id, []]));
  let inView = 0;
  const found = overlapping(index, tLeft, tRight);
  for (const i of found) {
    const e = index.events[i]!;
    byLane.get(e.lane)?.push(e);
    const mid = index.mids[i]!;
    if (mid >= midLeft && mid <= midRight) inView++;
  }
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
    const laneEvents = byLane.get(band.id) ?? [];
    if (lod) {
      bins.push(...binLane(laneEvents, band, x, plot));
      return;
    }
    const placed = placeLane(laneEvents, x, plot, o.measure);
    const packed = packLane(placed, levels[li] ?? 1, o.measure);
    widenLabels(packed, plot.right, o.measure);
    for (const { mark: m, level } of packed) {
      m.y = band.y + SIZES.laneHead + level * SIZES.level + 12;
      const lines = m.label?.lines.length ?? 1;
      m.box.y0 = m.y - 12;
      m.box.y1 = m.y + 12 + (lines - 1) * SIZES.labelLine;
      marks.push(m);
    }
  });
  // Keyboard and reading order: time order across lanes (the resolved order).
  if (marks.length) {
    const order = new Map(found.map((i) => [index.events[i]!, i]));
    marks.sort((a, b) => order.get(a.event)! - order.get(b.event)!);
  }

  const ticks = zonedTicks(domain[0], domain[1], Math.max(2, Math.floor((plot.right - plot.left) / 96)), o.timeZone, o.locale)
    .map((t) => ({ ...t, x: x(t.time) }))
    .filter((t) => t.x >= plot.left - 0.5 && t.x <= plot.right + 0.5);

  const [d0, d1] = baseDomain(r);
  const maxScale = (d1 - d0) / (30 * 60_000);
  const threshold = o.lodThreshold ?? LOD_THRESHOLD;
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
    maxScale,
    centreOf: (e) => base((e.start.start + e.start.end) / 2),
    spanOf: (b) => binSpan(b).map(base) as [number, number],
    revealScale: (e, k0) => revealScale(index, [d0, d1], (e.start.start + e.start.end) / 2, Math.max(1, k0), maxScale, threshold),
  };
}

/**
 * The least scale in [k0, maxScale] at which a view centred on `t` (kept inside the domain,
 * as the zoom's extent keeps it) holds at most 90% of `threshold` events, by bisection on the
 * scale's logarithm; each count is two binary searches in the index.
 */
export function revealScale(index: TimeIndex, [d0, d1]: [number, number], t: number, k0: number, maxScale: number, threshold: number): number {
  const span = d1 - d0;
  const limit = Math.floor(threshold * 0.9);
  const count = (k: number) => {
    const w = span / k;
    const lo = Math.min(Math.max(d0, t - w / 2), d1 - w);
    // Starts are sorted (middles need not be): near enough, with the 10% margin.
    return upperBound(index.starts, lo + w) - lowerBound(index.starts, lo);
  };
  if (count(k0) <= limit) return k0;
  if (count(maxScale) > limit) return maxScale;
  let a = Math.log(k0);
  let b = Math.log(maxScale);
  for (let i = 0; i < 30 && b - a > 0.01; i++) {
    const m = (a + b) / 2;
    if (count(Math.exp(m)) <= limit) b = m;
    else a = m;
  }
  return Math.exp(b);
}
