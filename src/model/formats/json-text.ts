import type { Issue } from '../types.js';

/**
 * JSON text with syntax errors named by line and column (`line 5, column 47: unexpected ","`).
 * Engines word `JSON.parse` errors differently and not all give a position, so on failure a
 * small scanner walks the text to the first error.
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: Issue };

export function readJson(input: string): JsonResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, message } = firstSyntaxError(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, error: { path: `line ${line}, column ${column}`, message, line, column } };
  }
}

const show = (ch: string | undefined) => (ch === undefined ? 'the end of the text' : JSON.stringify(ch));

/** Where the first syntax error is, and what it is. */
function firstSyntaxError(text: string): { offset: number; message: string } {
  let i = 0;
  class Fail {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const fail = (message: string, at = i): never => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a signal to the catch below, never leaves this function
    throw new Fail(at, message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const unexpected = (expected: string): never => fail(`unexpected ${show(text[i])}, expected ${expected}`);
  const string = () => {
    const start = i++;
    while (i < text.length) {
      const ch = text.charAt(i);
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a \\u escape needs four hex digits');
          i += 6;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2;
        else fail(`${show(`\\${esc ?? ''}`)} is not a valid escape`);
        continue;
      }
      if (ch < ' ') fail(ch === '\n' ? 'a string runs past the end of the line (a " is missing)' : 'a control character inside a string');
      i++;
    }
    fail('a string is never closed (a " is missing)', start);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) unexpected('a value');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === "'") fail('strings need double quotes, not single quotes');
        if (text[i] === '}') fail('unexpected "}" after a comma (a trailing comma is not allowed)');
        if (text[i] !== '"') unexpected('a quoted property name');
        string();
        ws();
        if (text[i] !== ':') unexpected('":"');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        unexpected('"," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('unexpected "]" after a comma (a trailing comma is not allowed)');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        unexpected('"," or "]"');
      }
    }
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (ch === "'") fail('strings need double quotes, not single quotes');
    number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${show(text[i])} after the end of the data`);
    return { offset: 0, message: 'is not valid JSON' };
  } catch (err) {
    if (err instanceof Fail) return { offset: err.offset, message: err.message };
    return { offset: 0, message: 'is not valid JSON' };
  }
}
