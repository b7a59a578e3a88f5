/** Measures the rendered width of a string in px. Injected, so layout stays pure. */
export type Measure = (text: string) => number;

/** Measures text at a font size in px. */
export type SizedMeasure = (text: string, px: number) => number;

/**
 * A rough measurer for tests and for renders before a canvas is available: an average
 * advance per character class, wider for Devanagari.
 */
export const approximateMeasure: SizedMeasure = (text, px) => {
  let w = 0;
  for (const ch of text) w += /[\u0900-\u097F]/.test(ch) ? 0.62 : /[A-Z@#%&mwMW]/.test(ch) ? 0.68 : /[il.,:;'|!]/.test(ch) ? 0.3 : 0.55;
  return w * px;
};

type Segments = { segment(text: string): Iterable<{ index: number; segment: string }> };
let graphemes: Segments | null | undefined;

/** The user-perceived characters of `text` (an emoji ZWJ sequence, a letter and its combining marks are one each). */
export function splitGraphemes(text: string): string[] {
  if (graphemes === undefined) {
    const Seg = (Intl as { Segmenter?: new (locale?: string, o?: { granularity: 'grapheme' }) => Segments }).Segmenter;
    graphemes = Seg ? new Seg(undefined, { granularity: 'grapheme' }) : null;
  }
  // Without Intl.Segmenter, code points: never half a surrogate pair.
  return graphemes ? Array.from(graphemes.segment(text), (g) => g.segment) : [...text];
}

/** Longest data text shown outside the details (a heading, a list entry, the stepper): the details show it whole. */
export const SHOWN_MAX = 300;

/**
 * The first `max` UTF-16 units of `text` or fewer, ending at a grapheme boundary, with an
 * ellipsis when anything was cut. Layout never measures more than a label can show: a 1 MB
 * title costs what its first few hundred characters cost (the full text stays in the details).
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Only the start is segmented: a grapheme is at most a few dozen units long.
  const head = splitGraphemes(text.slice(0, max + 64));
  let out = '';
  for (const g of head) {
    if (out.length + g.length > max) break;
    out += g;
  }
  return `${out.trimEnd()}…`;
}

/** Cuts a string to fit `width`, ending in an ellipsis, between graphemes. Empty when not even "…" fits. */
export function truncate(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const chars = splitGraphemes(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? (measure('…') <= width ? '…' : '') : `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** The narrowest advance a character is given room for, as a fraction of the font size: more characters than this could never show. */
const NARROWEST = 0.2;

/**
 * Breaks text into at most `maxLines` lines of at most `width` px at spaces; when the text
 * does not fit, the last line ends in an ellipsis. A word longer than the width is cut too.
 */
export function wrap(text: string, width: number, maxLines: number, measure: Measure, px = 12): string[] {
  // No more than the lines could hold, even in the narrowest characters.
  const words = clipText(text.trim(), Math.ceil((width / (px * NARROWEST)) * maxLines) + 1)
    .split(/\s+/)
    .filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let lineStart = 0;
  for (const [i, word] of words.entries()) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // Last line allowed: whatever is left, cut to fit.
      lines.push(truncate(words.slice(line ? lineStart : i).join(' '), width, measure));
      return lines.filter(Boolean);
    }
    if (line) {
      lines.push(line);
      line = word;
      lineStart = i;
      if (measure(line) > width && lines.length < maxLines - 1) {
        lines.push(truncate(line, width, measure));
        line = '';
        lineStart = i + 1;
      }
    } else {
      lines.push(truncate(word, width, measure));
      lineStart = i + 1;
    }
  }
  if (line) lines.push(measure(line) <= width ? line : truncate(line, width, measure));
  return lines.filter(Boolean);
}
