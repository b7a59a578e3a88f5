/**
 * Level of detail for dense views: above the threshold, a lane's events in view are counted
 * into fixed-width pixel bins instead of drawn one by one. Each bin zooms in on Enter.
 */
import type { ResolvedEvent } from '../model/types.js';
import { xOf } from './timeline-labels.js';
import { SIZES, type BinLayout, type HorizontalLayout, type LaneBand } from './timeline-types.js';

/** One lane's bins, left to right. Events whose centre is outside the plot are not counted. */
export function binLane(events: ResolvedEvent[], band: LaneBand, x: (t: number) => number, plot: HorizontalLayout['plot']): BinLayout[] {
  const buckets = new Map<number, BinLayout>();
  for (const e of events) {
    const mx = xOf(e, x).mid;
    if (mx < plot.left || mx > plot.right) continue;
    const b = Math.floor((mx - plot.left) / SIZES.binWidth);
    let bin = buckets.get(b);
    if (!bin) {
      bin = {
        // The bucket number after the last ':' keeps keys unique whatever the lane id holds.
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
  return [...buckets.values()].sort((a, b) => a.x0 - b.x0);
}

/** The time span to zoom to so a bin opens into its events: its own span with a 5 % margin. */
export function binSpan(b: BinLayout): [number, number] {
  const pad = (b.end - b.start) * 0.05 + 60_000;
  return [b.start - pad, b.end + pad];
}
