import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approximateMeasure, clipText, splitGraphemes, truncate, wrap } from '../../src/layout/text.js';
import { shorten } from '../../src/internal/describe.js';

const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // one grapheme, 11 UTF-16 units
const accented = 'e\u0301'; // é as a letter and a combining mark
const flag = '\u{1F1EE}\u{1F1F3}'; // India's flag: two regional indicators
const measure = (t: string) => approximateMeasure(t, 13);

/** True when `cut` (without its ellipsis) is a whole number of `text`'s graphemes from its start. */
function atBoundary(text: string, cut: string): boolean {
  const body = cut.endsWith('…') ? cut.slice(0, -1) : cut;
  const whole = splitGraphemes(text);
  let acc = '';
  for (const g of whole) {
    if (acc.trimEnd() === body || acc === body) return true;
    acc += g;
  }
  return acc === body || acc.trimEnd() === body;
}

test('truncate and clipText never cut inside a grapheme: emoji ZWJ sequences, flags, combining marks', () => {
  for (const unit of [family, accented, flag, 'क्षि']) {
    const text = unit.repeat(60);
    for (const width of [20, 37, 55, 90, 150]) {
      const cut = truncate(text, width, measure);
      assert.ok(atBoundary(text, cut), `truncate(${JSON.stringify(unit)}, ${width}) = ${JSON.stringify(cut)}`);
    }
    for (const max of [1, 2, 5, 10, 17, 33]) {
      const cut = clipText(text, max);
      assert.ok(atBoundary(text, cut), `clipText(${JSON.stringify(unit)}, ${max}) = ${JSON.stringify(cut)}`);
      assert.ok(cut.length <= max + 1);
    }
  }
});

test('shorten cuts an option name between graphemes', () => {
  const name = `${family} `.repeat(40);
  const short = shorten(name, 50);
  assert.ok(short.endsWith('…'));
  assert.ok(atBoundary(name, short), JSON.stringify(short));
  const marks = accented.repeat(100);
  assert.ok(atBoundary(marks, shorten(marks, 51)));
});

test('wrap reads no more of a 1 MB title than its lines can show', () => {
  const title = 'attack '.repeat(150_000);
  let longest = 0;
  const counting = (t: string) => {
    longest = Math.max(longest, t.length);
    return measure(t);
  };
  const lines = wrap(title, 300, 2, counting, 13);
  assert.equal(lines.length, 2);
  assert.ok(lines[1]!.endsWith('…'));
  for (const l of lines) assert.ok(measure(l) <= 300);
  assert.ok(longest < 2000, `measured a string of ${longest} characters`);
  // Short text is untouched.
  assert.deepEqual(wrap('Ransomware attack paralyses AIIMS servers', 400, 2, measure, 13), ['Ransomware attack paralyses AIIMS servers']);
});
