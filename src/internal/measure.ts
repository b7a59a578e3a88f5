import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

/** The elements' base text size in px, when `--attack-font-size` is not set; chart text is sized against it. */
export const BASE_FONT_PX = 15;
/** `--attack-font-size` is honoured between these multiples of the base (11.25 px to 45 px). */
export const MIN_TEXT_SCALE = 0.75;
export const MAX_TEXT_SCALE = 3;

export const NO_SPACING: Spacing = { letter: 0, word: 0, fontSize: BASE_FONT_PX };

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
 * Text made only of characters whose width does not depend on their neighbours beyond
 * kerning: Latin, Greek, Cyrillic, digits and common punctuation. Its width is the sum of its
 * characters' advances (kerning only narrows text, so the sum never under-measures). Other
 * scripts (Devanagari's conjuncts and vowel signs, Arabic's joining) are shaped as a whole.
 */
const SIMPLE = /^[\u0020-\u024F\u0370-\u04FF\u2000-\u206F\u20A0-\u20CF\u2190-\u21FF]*$/;

/** Widths already measured, shared by every element: per font, spacing and size, then per text or character. */
const measured = new Map<string, Map<string, number>>();
const MAX_CACHED = 20_000;

/**
 * Text widths from a detached canvas in the element's own font. A text of simple characters
 * is summed from per-character advances measured once; any other text is measured whole.
 * Both are cached by font, spacing, size and text, and shared between elements, so a second
 * element or a redraw measures nothing again. Falls back to an estimate where no 2D context
 * exists.
 */
export function canvasMeasure(fontFamily: string, spacing: Spacing = NO_SPACING): SizedMeasure {
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return approximateMeasure;
  const family = `${fontFamily}|${spacing.letter}|${spacing.word}|${spacing.fontSize}`;
  let font = '';
  const raw = (text: string, px: number) => {
    const want = `${px}px ${fontFamily}`;
    // Setting the font parses it: only when the size changes.
    if (want !== font) ctx.font = font = want;
    return ctx.measureText(text).width;
  };
  const sizes = new Map<number, Map<string, number>>();
  const cacheFor = (px: number) => {
    let cache = sizes.get(px);
    if (!cache) {
      const key = `${family}|${px}`;
      cache = measured.get(key) ?? new Map<string, number>();
      measured.set(key, cache);
      sizes.set(px, cache);
    }
    if (cache.size > MAX_CACHED) cache.clear();
    return cache;
  };
  return (text, px) => {
    const cache = cacheFor(px);
    let w = cache.get(text);
    if (w !== undefined) return w;
    if (SIMPLE.test(text)) {
      w = 0;
      for (const ch of text) {
        // A character's own advance, kept apart from a whole one-character text (which adds spacing).
        let a = cache.get(`\0${ch}`);
        if (a === undefined) cache.set(`\0${ch}`, (a = raw(ch, px)));
        w += a;
      }
    } else w = raw(text, px);
    w += spaced(text, px, spacing);
    cache.set(text, w);
    return w;
  };
}

/**
 * Notices a reader's text-spacing override that arrives after the first render (a
 * bookmarklet, an extension's stylesheet, in the page or injected into the shadow root): a
 * hidden sample of text changes width with letter and word spacing, and a ResizeObserver on
 * it asks the host to update, so labels are measured again. `probe()` is the element to
 * read the spacing from: it inherits and matches what the element's own text does.
 */
export class SpacingWatcher implements ReactiveController {
  private observer: ResizeObserver | null = null;
  private watched: Element | null = null;
  private width = -1;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly find: () => Element | null,
  ) {
    host.addController(this);
  }

  /** The sample, once rendered. */
  probe(): Element | null {
    return this.find();
  }

  hostUpdated(): void {
    // An update can finish after the host left the page: watch nothing then.
    if (!this.host.isConnected) return;
    const probe = this.find();
    if (!probe || probe === this.watched || typeof ResizeObserver === 'undefined') return;
    this.observer?.disconnect();
    this.watched = probe;
    this.width = -1;
    this.observer = new ResizeObserver((entries) => {
      const w = Math.round((entries.at(-1)?.contentRect.width ?? 0) * 10) / 10;
      if (this.width < 0 || w === 0) {
        this.width = w || this.width;
        return;
      }
      if (w === this.width) return;
      this.width = w;
      // Not inside the observer's turn (a ResizeObserver loop error on the host page).
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.host.requestUpdate());
    });
    this.observer.observe(probe);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.watched = null;
    cancelAnimationFrame(this.frame);
  }
}
