/**
 * Checking: the {@link Checker} that collects a document's issues while the readers walk it,
 * with typed readers for the shapes every part shares (required and optional text, lists,
 * one-of values, confidence, references by id), the fields each part may have (a misspelt
 * field gets a did-you-mean), and small helpers to describe a bad value and drop `undefined`s.
 */
import { isLikelihoodWord } from './confidence.js';
import { clip } from './dates.js';
import type { Confidence, Issue } from './types.js';

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
export const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${clip(v)}"` : typeof v === 'object' ? 'an object' : String(v);

/** Collects issues while walking the document. */
export class Checker {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  error(path: string, message: string) {
    this.errors.push({ path, message });
  }
  warn(path: string, message: string) {
    this.warnings.push({ path, message });
  }

  /**
   * Calls `read` for each object in the array `raw` found at `key`. A missing array is fine;
   * a non-array is ignored with a warning; a non-object item is reported at `level`.
   */
  objects(raw: unknown, key: string, level: 'warn' | 'error', read: (item: Obj, path: string) => void): void {
    if (raw === undefined) return;
    if (!Array.isArray(raw)) {
      this.warn(key, `must be an array, not ${describe(raw)}; ignored`);
      return;
    }
    raw.forEach((item, i) => {
      const path = `${key}[${i}]`;
      if (isObject(item)) read(item, path);
      else this[level](path, `must be an object, not ${describe(item)}; left out`);
    });
  }

  /** A required non-empty string, or undefined after an error. */
  requiredText(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    if (isText(v)) return v;
    this.error(`${path}.${key}`, v === undefined ? 'is missing' : `must be non-empty text, not ${describe(v)}`);
    return undefined;
  }

  /** An optional string; a wrong type is dropped with a warning. */
  optionalText(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.warn(`${path}.${key}`, `must be text, not ${describe(v)}; ignored`);
    return undefined;
  }

  /** An optional array of strings; non-strings are dropped with a warning. */
  textList(o: Obj, key: string, path: string): string[] | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.warn(`${path}.${key}`, `must be an array of text, not ${describe(v)}; ignored`);
      return undefined;
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      if (isText(item)) out.push(item);
      else this.warn(`${path}.${key}[${i}]`, `must be text, not ${describe(item)}; ignored`);
    });
    return out;
  }

  oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if ((allowed as readonly unknown[]).includes(v)) return v as T;
    this.warn(`${path}.${key}`, `${describe(v)} is not one of ${allowed.join(', ')}; ignored`);
    return undefined;
  }

  confidence(o: Obj, path: string): Confidence | undefined {
    const v = o.confidence;
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100) return v;
    if (isLikelihoodWord(v)) return v;
    this.warn(`${path}.confidence`, `${describe(v)} is not a number from 0 to 100 or an ICD 203 word (likely, very-likely, …); ignored`);
    return undefined;
  }

  /** Checks ids against a lookup, keeping the known ones. */
  refs(ids: string[] | undefined, known: Map<string, unknown>, path: string, what: string): string[] {
    if (!ids) return [];
    return ids.filter((id, i) => {
      if (known.has(id)) return true;
      this.warn(`${path}[${i}]`, `no ${what} has the id "${clip(id)}"`);
      return false;
    });
  }
}

/** The fields of the document (`''`) and of each kind of item in it. */
export const FIELDS = {
  '': ['$schema', 'version', 'id', 'title', 'summary', 'description', 'lang', 'timeZone', 'updated', 'victim', 'lanes', 'events', 'places', 'claims', 'sources'],
  event: [
    'id',
    'title',
    'description',
    'start',
    'end',
    'precision',
    'displayDate',
    'dateKind',
    'lane',
    'kind',
    'milestone',
    'status',
    'confidence',
    'sources',
    'conflicts',
    'places',
    'techniques',
  ],
  place: ['id', 'name', 'role', 'lat', 'lon', 'precisionMeters', 'country', 'shape'],
  claim: ['id', 'from', 'to', 'relation', 'assertion', 'assertedBy', 'status', 'confidence', 'caveats', 'sources', 'event'],
  source: ['id', 'title', 'publisher', 'url', 'published', 'titleVerified', 'lang'],
} as const;

/** Edit distance between two field names, ignoring case. */
function distance(a: string, b: string): number {
  // One row of the table, updated in place: before row[j] is overwritten it holds the cell
  // above; `left` is the new cell to its left and `diagonal` the old one above-left.
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charAt(i - 1).toLowerCase();
    let diagonal = i - 1;
    let left = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      left = Math.min(above + 1, left + 1, diagonal + (ca === b.charAt(j - 1).toLowerCase() ? 0 : 1));
      row[j] = left;
      diagonal = above;
    }
    row[0] = i;
  }
  return row[b.length]!;
}

/** Warns about fields the format does not have: a misspelt field is otherwise silently lost. */
export function checkFields(c: Checker, o: Obj, kind: keyof typeof FIELDS, path: string) {
  const known: readonly string[] = FIELDS[kind];
  for (const key of Object.keys(o)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => distance(key, k) <= 2);
    c.warn(
      path ? `${path}.${key}` : key,
      `is not a field of ${kind ? `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}` : 'the incident'}; ignored${near ? ` (did you mean "${near}"?)` : ''}`,
    );
  }
}

/** Assigns only the defined values, so the cleaned document has no `undefined` keys. */
export function compact<T extends object>(o: T): T {
  // A fresh object, not `delete`: deleting keys turns objects into slow dictionaries.
  const out = {} as T;
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** An optional BCP 47 language tag (`en`, `hi-IN`), canonicalised; anything else is ignored with a warning. */
export function optionalLang(c: Checker, o: Record<string, unknown>, path: string): string | undefined {
  const v = c.optionalText(o, 'lang', path);
  if (v === undefined) return undefined;
  try {
    const [tag] = Intl.getCanonicalLocales(v);
    if (tag) return tag;
  } catch {
    // Not a language tag: warned below.
  }
  c.warn(`${path ? `${path}.` : ''}lang`, `${describe(v)} is not a language tag (such as "en" or "hi"); ignored`);
  return undefined;
}
