/**
 * The STIX reader's sources phase: which objects an opinion disagrees with, the sources a
 * bundle of ours keeps on its incident (ids kept), the external references of reports by URL,
 * and the reports that cite the objects they refer to. `cite` gives an object's sources, adding
 * those its own external references name.
 */
import type { Source } from '../../types.js';
import { safeHttpUrl } from '../../urls.js';
import { isObject, isText, type Item } from './common.js';
import type { ReadContext } from './context.js';

function addSource(ctx: ReadContext, s: Source): string {
  s.id = ctx.sourceId(s.id);
  ctx.sources.push(s);
  ctx.sourceIds.add(s.id);
  const safe = safeHttpUrl(s.url);
  if (safe && !ctx.sourceByUrl.has(safe)) ctx.sourceByUrl.set(safe, s.id);
  return s.id;
}

/** The sources an object's external references name, each made a source the first time. */
function citeRefs(ctx: ReadContext, it: Item, published?: string): string[] {
  const out: string[] = [];
  if (!Array.isArray(it.o.external_references)) return out;
  for (const ref of it.o.external_references) {
    if (!isObject(ref)) continue;
    const safe = safeHttpUrl(ref.url);
    if (!safe) continue;
    let id = ctx.sourceByUrl.get(safe);
    if (!id) {
      const s: Source = { id: `source-${ctx.sources.length + 1}`, url: ref.url as string };
      const title = isText(ref.description) ? ref.description : isText(ref.source_name) ? ref.source_name : new URL(safe).hostname.replace(/^www\./, '');
      s.title = title;
      if (isText(ref.source_name)) s.publisher = ref.source_name;
      if (published) s.published = published;
      id = addSource(ctx, s);
    }
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** An object's sources: its own external references, then the reports that refer to it. */
export function cite(ctx: ReadContext, it: Item, published?: string): string[] {
  return [...new Set([...citeRefs(ctx, it, published), ...(ctx.citedBy.get(it.id) ?? [])])];
}

/** Fills in the disputed objects, the sources and what the reports cite. */
export function readSources(ctx: ReadContext): void {
  // Identities and opinions.
  for (const it of ctx.items) {
    if (it.type !== 'opinion' || !Array.isArray(it.o.object_refs)) continue;
    if (it.o.opinion === 'strongly-disagree' || it.o.opinion === 'disagree') for (const r of it.o.object_refs) if (typeof r === 'string') ctx.disputed.add(r);
  }

  // Sources: ours first (ids kept), then external references by URL.
  const meta = ctx.meta;
  if (Array.isArray(meta?.sources)) {
    for (const s of meta.sources) {
      if (!isObject(s) || !isText(s.id)) continue;
      const src: Source = { id: s.id };
      for (const k of ['title', 'publisher', 'url', 'published'] as const) if (typeof s[k] === 'string') src[k] = s[k];
      addSource(ctx, src);
    }
  }
  // A report cites the objects it refers to; ours name the source they stand for.
  for (const it of ctx.items) {
    if (it.type !== 'report' || !Array.isArray(it.o.object_refs)) continue;
    const ours = isText(it.x?.source) && ctx.sourceIds.has(it.x.source) ? [it.x.source] : undefined;
    const ids = ours ?? citeRefs(ctx, it, isText(it.o.published) ? it.o.published : undefined);
    for (const r of it.o.object_refs) if (typeof r === 'string') ctx.citedBy.set(r, [...new Set([...(ctx.citedBy.get(r) ?? []), ...ids])]);
  }
}
