import { approximateMeasure, type SizedMeasure } from '../layout/text.js';

/**
 * Letter and word spacing in force (a reader's text-spacing override, WCAG 1.4.12): in px at
 * the host's font size, and as a fraction of it, since the override may be set in em on every
 * element.
 */
export interface Spacing {
  letter: number;
  word: number;
  fontSize: number;
}

export const NO_SPACING: Spacing = { letter: 0, word: 0, fontSize: 15 };

/** The spacing a computed style gives ("normal" is 0). */
export function spacingOf(cs: CSSStyleDeclaration): Spacing {
  const px = (v: string) => (Number.isFinite(parseFloat(v)) ? parseFloat(v) : 0);
  return { letter: px(cs.letterSpacing), word: px(cs.wordSpacing), fontSize: px(cs.fontSize) || 15 };
}

/** The width spacing adds to a text at `px`: per character and per space, the larger of the two readings. */
function spaced(text: string, px: number, s: Spacing): number {
  if (!s.letter && !s.word) return 0;
  const scale = Math.max(1, px / s.fontSize);
  const spaces = text.split(' ').length - 1;
  return [...text].length * s.letter * scale + spaces * s.word * scale;
}

/**
 * Text widths from a detached canvas in the element's own font, cached per string and size.
 * Falls back to an estimate where no 2D context exists.
 */
export function canvasMeasure(fontFamily: string, spacing: Spacing = NO_SPACING): SizedMeasure {
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return approximateMeasure;
  const cache = new Map<string, number>();
  return (text, px) => {
    const key = `${px}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = `${px}px ${fontFamily}`;
      w = ctx.measureText(text).width + spaced(text, px, spacing);
      if (cache.size > 20_000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}
