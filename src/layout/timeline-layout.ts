/**
 * (incident, size, zone, locale) -> view model for <attack-timeline>. Pure: no DOM; text
 * widths come from an injected measurer. Wide containers get the horizontal layout
 * (timeline-horizontal.ts, with labels and bins in their own files), narrow ones the vertical
 * reading list (timeline-vertical.ts). The shapes are in timeline-types.ts.
 */
import type { ResolvedIncident } from '../model/types.js';
import { layoutHorizontal } from './timeline-horizontal.js';
import { SIZES, type LayoutOptions, type TimelineLayout } from './timeline-types.js';
import { layoutVertical } from './timeline-vertical.js';

export * from './timeline-types.js';
export { baseDomain, laneLevels, layoutHorizontal } from './timeline-horizontal.js';
export { layoutVertical } from './timeline-vertical.js';

/** The layout for the container's width: vertical below {@link SIZES.verticalBelow}. */
export function layoutTimeline(r: ResolvedIncident, o: LayoutOptions): TimelineLayout {
  return o.width < SIZES.verticalBelow ? layoutVertical(r, o) : layoutHorizontal(r, o);
}
