import type { Issue } from '../types.js';

/** Collects issues for a format reader. */
export class Issues {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }
  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }
}

/** A short, lower-case, hyphenated id from text (`"Police case"` → `police-case`). */
export function slug(text: string, fallback = 'item'): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return s || fallback;
}

/** Makes ids unique by suffixing `-2`, `-3`, … */
export function uniqueIds(): (id: string) => string {
  const seen = new Set<string>();
  // The next suffix to try for each id, so 40 000 rows with one headline stay linear.
  const next = new Map<string, number>();
  return (id) => {
    let out = id;
    let n = next.get(id) ?? 2;
    while (seen.has(out)) out = `${id}-${n++}`;
    next.set(id, n);
    seen.add(out);
    return out;
  };
}
