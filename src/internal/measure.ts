import { approximateMeasure, type SizedMeasure } from '../layout/text.js';

/**
 * Text widths from a detached canvas in the element's own font, cached per string and size.
 * Falls back to an estimate where no 2D context exists.
 */
export function canvasMeasure(fontFamily: string): SizedMeasure {
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return approximateMeasure;
  const cache = new Map<string, number>();
  return (text, px) => {
    const key = `${px}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = `${px}px ${fontFamily}`;
      w = ctx.measureText(text).width;
      if (cache.size > 20_000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}
