/**
 * The timeline's view model: the shapes the layouts return, the drawing sizes they and the
 * mark templates share, and the options a layout takes.
 */
import type { ResolvedEvent, SourcingStatus } from '../model/types.js';
import type { Messages } from '../i18n/messages.js';
import type { SizedMeasure as Measure } from './text.js';
import type { Tick } from './time-axis.js';

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
  /**
   * The least zoom, no less than `k`, at which a view centred on the event holds few enough
   * events to draw each one; `maxScale` when none does (many events at one instant).
   */
  revealScale: (e: ResolvedEvent, k: number) => number;
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
