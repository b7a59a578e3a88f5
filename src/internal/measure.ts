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
