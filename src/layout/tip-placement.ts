/**
 * Where a hover tip goes: beside its item, inside the frame, and over as little as possible of
 * what else can be pointed at, so the tip never hides the next place a reader reaches for.
 * Pure: boxes in the frame's px.
 */
import type { Box } from './map-layout.js';

export interface TipSpot {
  left: number;
  top: number;
}

const area = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * The spot for a `w` × `h` tip about `item`, within a `width` × `height` frame: below, above,
 * after or before the item (in that order of preference), the first that covers none of
 * `avoid` (other places: covering any is costly) and least of `prefer` (lines: their area
 * counts). When every spot in the frame covers a place, the tip goes just below the frame
 * (or above it), over the page but not moving it. It never covers the item when it fits.
 */
export function placeTip(item: Box, w: number, h: number, width: number, height: number, avoid: readonly Box[], prefer: readonly Box[] = [], gap = 8): TipSpot {
  const cx = (item.x0 + item.x1) / 2;
  const cy = (item.y0 + item.y1) / 2;
  const clampX = (x: number) => Math.min(Math.max(0, x), Math.max(0, width - w));
  const clampY = (y: number) => Math.min(Math.max(0, y), Math.max(0, height - h));
  const inside: TipSpot[] = [
    { left: cx - w / 2, top: item.y1 + gap },
    { left: cx - w / 2, top: item.y0 - gap - h },
    { left: item.x1 + gap, top: cy - h / 2 },
    { left: item.x0 - gap - w, top: cy - h / 2 },
    { left: item.x1 + gap, top: item.y1 + gap },
    { left: item.x0 - gap - w, top: item.y1 + gap },
    { left: item.x1 + gap, top: item.y0 - gap - h },
    { left: item.x0 - gap - w, top: item.y0 - gap - h },
  ].map((c) => ({ left: clampX(c.left), top: clampY(c.top) }));
  const outside: TipSpot[] = [
    { left: clampX(cx - w / 2), top: height + 4 },
    { left: clampX(cx - w / 2), top: -h - 4 },
  ];
  const PLACE = 1e6;
  const OUTSIDE = PLACE / 2;
  let best = inside[0]!;
  let bestScore = Infinity;
  for (const [spots, base] of [
    [inside, 0],
    [outside, OUTSIDE],
  ] as const) {
    for (const spot of spots) {
      const box = { x0: spot.left, y0: spot.top, x1: spot.left + w, y1: spot.top + h };
      // Covering the item itself costs most: the reader is pointing at it.
      let score = base + (area(box, item) > 0 ? PLACE * 4 : 0);
      for (const a of avoid) if (area(box, a) > 0) score += PLACE;
      for (const a of prefer) score += area(box, a);
      if (score < bestScore) {
        best = spot;
        bestScore = score;
      }
      if (bestScore === 0) break;
    }
    if (bestScore < OUTSIDE) break;
  }
  return { left: Math.round(best.left), top: Math.round(best.top) };
}
