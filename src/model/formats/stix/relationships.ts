/**
 * How the STIX reader follows relationships: a relationship's type and ends, an object's type,
 * the place an object is located at, and the places an object targets through the actors,
 * campaigns, incident and reports the bundle ties it to. Its phase finds the victim and the
 * roles (target, origin, infrastructure) relationships give places.
 */
import type { Place, PlaceRole } from '../../types.js';
import { ACTOR_TYPES, INFRA_TYPES, isObject, isText, type Item, nameOf } from './common.js';
import type { ReadContext } from './context.js';

export const relOf = (r: Item) => ({ type: String(r.o.relationship_type), source: String(r.o.source_ref), target: String(r.o.target_ref) });
export const typeOf = (ctx: ReadContext, ref: string) => ctx.byId.get(ref)?.type ?? ref.split('--')[0] ?? '';

/** The place an object is located at, or originates from. */
export function locatedAt(ctx: ReadContext, ref: string): Place | undefined {
  for (const r of ctx.rels) {
    const { type, source, target } = relOf(r);
    if (source === ref && (type === 'located-at' || type === 'originates-from') && ctx.placeByStix.has(target)) return ctx.placeByStix.get(target);
  }
  return undefined;
}

/** The objects tied to those of the frontier not yet seen (added to seen). */
function neighbours(ctx: ReadContext, frontier: string[], seen: Set<string>): string[] {
  const next: string[] = [];
  for (const s of frontier) {
    for (const r of ctx.rels) {
      const { type, source, target } = relOf(r);
      if (!['uses', 'attributed-to', 'related-to', 'compromises'].includes(type)) continue;
      const other = source === s ? target : target === s ? source : undefined;
      if (other && !seen.has(other)) {
        seen.add(other);
        next.push(other);
      }
    }
    for (const [g, refs] of ctx.groupRefs) {
      const tied = g === s ? refs : refs.includes(s) ? [g] : [];
      for (const other of tied) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
  }
  return next;
}

/**
 * Targeted places of an object (and of the relationship that places it), through the
 * actors, campaigns, incident and reports the bundle ties it to; never a guess.
 */
export function targetsOf(ctx: ReadContext, ref: string, via?: string): Place[] {
  const seen = new Set<string>(via ? [ref, via] : [ref]);
  let frontier = via ? [ref, via] : [ref];
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const found: Place[] = [];
    for (const s of frontier) {
      for (const r of ctx.rels) {
        const { type, source, target } = relOf(r);
        if (type !== 'targets' || source !== s) continue;
        const p = ctx.placeByStix.get(target) ?? (typeOf(ctx, target) === 'identity' ? locatedAt(ctx, target) : undefined);
        if (p && !found.includes(p)) found.push(p);
      }
    }
    if (found.length) return found;
    // Tied to the incident itself, or to the victim: the victim's place is the target.
    const victim = ctx.victim;
    const victimPlace = victim?.place ? ctx.places.find((p) => p.id === victim.place) : undefined;
    if (victimPlace && frontier.some((s) => typeOf(ctx, s) === 'incident' || s === ctx.victimRef)) return [victimPlace];
    frontier = neighbours(ctx, frontier, seen);
  }
  // Never a target the bundle does not tie to this object: no "only target there is" guess.
  return [];
}

/** Fills in the victim and the roles relationships give places. */
export function readVictim(ctx: ReadContext): void {
  const role = (p: Place | undefined, r: PlaceRole) => p && ctx.placeRoles.get(p)?.add(r);
  for (const r of ctx.rels) {
    const { type, source, target } = relOf(r);
    const place = ctx.placeByStix.get(target);
    if (type === 'targets' && place) role(place, 'target');
    if (type === 'targets' && typeOf(ctx, target) === 'identity') {
      const v = ctx.byId.get(target);
      const where = locatedAt(ctx, target);
      role(where, 'target');
      if (!ctx.victim && nameOf(v?.o)) {
        ctx.victim = where ? { name: nameOf(v?.o)!, place: where.id } : { name: nameOf(v?.o)! };
        ctx.victimRef = target;
      }
    }
    if ((type === 'located-at' || type === 'originates-from') && place) {
      if (ACTOR_TYPES.has(typeOf(ctx, source))) role(place, 'origin');
      else if (INFRA_TYPES.has(typeOf(ctx, source))) role(place, 'infrastructure');
    }
  }
  const meta = ctx.meta;
  if (isObject(meta?.victim) && isText(meta.victim.name)) {
    ctx.victim = { name: meta.victim.name };
    if (isText(meta.victim.place)) ctx.victim.place = meta.victim.place;
  }
}
