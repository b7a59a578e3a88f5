/**
 * Where a problem is in the text the producer typed: the line and column for an issue's
 * path (`events[3].start`, `objects[12] (report--…).published`), found by scanning the JSON
 * once and recording where each member and item begins. Syntax errors and CSV rows already
 * carry their line. Pure: no DOM.
 */
import type { Issue } from '../model/types.js';

export interface Position {
  line: number;
  column: number;
  /** Offset in the text, for the cursor. */
  offset: number;
}

/**
 * The offset of every member key and array item in a JSON text, by path in the notation the
 * model's issues use: `title`, `events[3]`, `events[3].start`. Stops quietly at a syntax error
 * (such a text's issues carry their own line).
 */
export function jsonPaths(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r\ufeff'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    // At the opening quote; JSON.parse decodes the escapes.
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  const value = (path: string, depth: number): void => {
    ws();
    if (depth > 200) throw new Error('too deep');
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Error('key expected');
        const at = i;
        const key = string();
        const child = path ? `${path}.${key}` : key;
        if (!out.has(child)) out.set(child, at);
        ws();
        if (text[i++] !== ':') throw new Error('colon expected');
        value(child, depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else throw new Error('comma expected');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        ws();
        const child = `${path}[${n}]`;
        out.set(child, i);
        value(child, depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else throw new Error('comma expected');
      }
    }
    if (c === '"') return void string();
    const m = /^-?[\w.+-]+/.exec(text.slice(i, i + 64));
    if (!m) throw new Error('value expected');
    i += m[0].length;
  };
  try {
    ws();
    out.set('', i);
    value('', 0);
  } catch {
    // A syntax error: keep what was found before it.
  }
  return out;
}

/** Where each line of a text starts, for {@link positionOf}. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line starts of the last text asked about. */
let lastIndex: { text: string; starts: number[] } | null = null;

/** Line and column (1-based) of an offset; the line starts of the last text are kept, so many lookups in one text stay fast. */
export function positionOf(text: string, offset: number): Position {
  if (lastIndex?.text !== text) lastIndex = { text, starts: lineStarts(text) };
  const starts = lastIndex.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
}

/** The offset where a 1-based line and column begin. */
export function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/**
 * Where an issue points in the text: its own line and column when it has them, else the
 * nearest member of its path that the JSON holds (a missing field points at its object, a
 * missing top-level one at the document). Null when the text is not JSON and the issue has no line.
 */
export function locateIssue(text: string, issue: Issue, paths: Map<string, number> | null): Position | null {
  if (issue.line) return { line: issue.line, column: issue.column ?? 1, offset: offsetOf(text, issue.line, issue.column ?? 1) };
  if (!paths) return null;
  // STIX paths name the object too: `objects[12] (report--…).published`.
  let path = issue.path.replace(/\s*\([^)]*\)/g, '');
  for (;;) {
    const at = paths.get(path);
    if (at !== undefined) return positionOf(text, at);
    if (!path) return null;
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut > 0 ? path.slice(0, cut) : '';
  }
}
