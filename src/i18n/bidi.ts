/**
 * Keeping data text from reordering the interface around it. A title, a lane label or a
 * displayDate may hold right-to-left letters or explicit direction controls (U+202E, the
 * right-to-left override, among them); where such a string shares a line with interface text
 * ("Delhi Police said …", "23 Nov 2022 · Recovery · Reported"), it is wrapped in a first-strong
 * isolate (U+2068 … U+2069), which contains it whatever it holds. Elements that hold one data
 * string alone use <bdi> or `unicode-bidi: isolate` instead. Text in left-to-right and neutral
 * characters only cannot reorder a left-to-right interface, so it is left as it is.
 */

const FSI = '\u2068';
const PDI = '\u2069';

/** Right-to-left letters (Hebrew to Arabic Extended, their presentation forms, and the supplementary RTL blocks) and every explicit direction control. */
const BIDI_RELEVANT = /[\u0590-\u08FF\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * `text` as an isolate when it could reorder what is around it. Terminators inside it
 * (U+202C, U+2069) are dropped, so it cannot close the isolate early: its own embeddings
 * then end where the isolate does.
 */
export function isolate(text: string): string {
  if (!BIDI_RELEVANT.test(text)) return text;
  return `${FSI}${text.replace(/[\u202C\u2069]/gu, '')}${PDI}`;
}

/**
 * Lines cut from one text (wrapped for an SVG label): an isolate cut across lines is closed
 * at the end of each line and opened again at the start of the next, so each line holds
 * whole isolates.
 */
export function balanceIsolates(lines: string[]): string[] {
  let open = 0;
  return lines.map((line) => {
    const start = FSI.repeat(open);
    for (const ch of line) {
      if (ch === FSI || ch === '\u2066' || ch === '\u2067') open++;
      else if (ch === PDI && open > 0) open--;
    }
    return `${start}${line}${PDI.repeat(open)}`;
  });
}
