/**
 * Horizontal marks and their labels: where each event's mark and title go, and how a lane's
 * labels are packed into levels so that none overlaps another.
 */
import type { ResolvedEvent } from '../model/types.js';
import { wrap, type SizedMeasure as Measure } from './text.js';
import { SIZES, type HorizontalLayout, type MarkLayout } from './timeline-types.js';

export function xOf(e: ResolvedEvent, x: (t: number) => number) {
  const end = e.end ? e.end.end : e.start.end;
  return { x0: x(e.start.start), x1: x(end), mid: x((e.start.start + e.start.end) / 2) };
}

export interface Packed {
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
export function packLane(placed: { mark: MarkLayout; labelStart: number }[], cap: number, measure: Measure): Packed[] {
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
export function placeLane(events: ResolvedEvent[], x: (t: number) => number, plot: HorizontalLayout['plot'], measure: Measure) {
  const withMid = events.map((e) => ({ e, mid: xOf(e, x).mid }));
  return withMid.map(({ e, mid }) => {
    let next = Infinity;
    for (const other of withMid) if (other.mid > mid && other.mid < next) next = other.mid;
    const room = Math.min(next, plot.right) - mid - SIZES.milestoneRadius - 2 * SIZES.gap;
    return placeMark(e, x, plot, measure, Math.max(SIZES.labelMax, Math.min(300, room)));
  });
}

/** The widest a label grows into free space on its own level. */
const WIDE_MAX = 320;

/**
 * After packing: a label cut short (it had only the room before the lane's next event, which
 * may sit on another level) grows into the space free on its own level, up to the next label
 * there or the plot's edge, when that shows more of its title. Levels and heights stay as
 * packed; nothing can overlap, since the room ends where the level's next box starts.
 */
export function widenLabels(packed: Packed[], right: number, measure: Measure): void {
  const m13 = (t: string) => measure(t, SIZES.labelFont);
  const byLevel = new Map<number, Packed[]>();
  for (const p of packed) {
    const row = byLevel.get(p.level);
    if (row) row.push(p);
    else byLevel.set(p.level, [p]);
  }
  for (const row of byLevel.values()) {
    row.sort((a, b) => a.mark.box.x0 - b.mark.box.x0);
    row.forEach((p, i) => {
      const m = p.mark;
      const label = m.label;
      if (!label || label.anchor !== 'start') return;
      const shown = label.lines.join(' ');
      if (!shown.endsWith('…')) return;
      const next = row[i + 1];
      const limit = Math.min(next ? next.mark.box.x0 - SIZES.gap : right, p.labelStart + WIDE_MAX);
      const widest = Math.max(...label.lines.map(m13));
      if (limit - p.labelStart <= widest + 4) return;
      const lines = wrap(m.event.event.title, limit - p.labelStart, m.shape === 'range' ? 1 : 2, m13);
      if (lines.join(' ').length <= shown.length) return;
      label.lines = lines;
      m.box.x1 = Math.max(m.box.x1, p.labelStart + Math.max(...lines.map(m13)));
    });
  }
}
