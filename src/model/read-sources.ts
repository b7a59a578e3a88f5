/**
 * Reading the registries an incident's events cite and are drawn in: its sources (an id, a
 * title and publisher, a link kept only if it is http(s), a publication date kept only if it
 * is a date) and its lanes (an id and a label). A source without an id is an error; anything
 * else wrong with a source or a lane is a warning, and the item is kept or left out as the
 * message says. Without a lanes list, lanes come from the events (see read-events.ts).
 */
import { describe, isText, checkFields, compact, optionalLang, type Checker } from './check.js';
import { clip, resolveDate } from './dates.js';
import type { Lane, Source } from './types.js';
import { safeHttpUrl } from './urls.js';

/** The lane events go to when the document names none. */
export const DEFAULT_LANE: Lane = { id: 'events', label: 'Events' };

/** The sources, each checked; a duplicate id keeps the first. */
export function readSources(c: Checker, raw: unknown): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  c.objects(raw, 'sources', 'warn', (s, path) => {
    checkFields(c, s, 'source', path);
    const id = c.requiredText(s, 'id', path);
    if (!id) return;
    if (seen.has(id)) return c.warn(`${path}.id`, `"${clip(id)}" is used twice; the second is left out`);
    seen.add(id);
    const url = c.optionalText(s, 'url', path);
    const safe = url === undefined || url === '' ? undefined : safeHttpUrl(url);
    if (url && !safe) c.warn(`${path}.url`, `${describe(url)} is not an http(s) link; shown without a link`);
    const published = c.optionalText(s, 'published', path);
    if (published !== undefined && !resolveDate(published, 'UTC').ok) c.warn(`${path}.published`, `${describe(published)} is not a date; ignored`);
    const verified = s.titleVerified;
    if (verified !== undefined && verified !== true && verified !== false) c.warn(`${path}.titleVerified`, 'must be true or false; ignored');
    out.push(
      compact({
        id,
        title: c.optionalText(s, 'title', path),
        publisher: c.optionalText(s, 'publisher', path),
        url: safe ? url : undefined,
        published: published !== undefined && resolveDate(published, 'UTC').ok ? published : undefined,
        titleVerified: verified === true || verified === false ? verified : undefined,
        lang: optionalLang(c, s, path),
      }),
    );
  });
  return out;
}

/** The lanes the document lists, or undefined when it lists none (lanes then come from the events). */
export function readLanes(c: Checker, raw: unknown): Lane[] | undefined {
  if (!Array.isArray(raw)) {
    // Without a usable list, lanes come from the events.
    c.objects(raw, 'lanes', 'warn', () => undefined);
    return undefined;
  }
  const out: Lane[] = [];
  c.objects(raw, 'lanes', 'warn', (l, path) => {
    const id = isText(l.id) ? l.id : undefined;
    if (!id) return c.warn(`${path}.id`, 'is missing; lane left out');
    if (out.some((o) => o.id === id)) return c.warn(`${path}.id`, `"${clip(id)}" is used twice; the second is left out`);
    out.push({ id, label: isText(l.label) ? l.label : id });
  });
  return out;
}
