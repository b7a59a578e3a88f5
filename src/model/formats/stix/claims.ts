/**
 * The STIX reader's claims phase: an infrastructure or actor `located-at` / `originates-from` a
 * place becomes a claim about the place it targets, asserted by the identity that created the
 * relationship. `attributed-to` places no one: it is listed in words. A claim of ours is kept
 * as it was. Places then take the strongest role the relationships gave them.
 */
import type { Claim, ClaimRelation, Confidence, Place } from '../../types.js';
import { slug, uniqueIds } from '../issues.js';
import { ACTOR_TYPES, CLAIM_RELATIONSHIPS, describe, INFRA_TYPES, isObject, isText, type Item, nameOf, UNATTRIBUTED } from './common.js';
import type { ReadContext } from './context.js';
import { relOf, targetsOf, typeOf } from './relationships.js';
import { cite } from './sources.js';

/** What the claims phase counts and keeps as it goes. */
interface ClaimState {
  readonly claimId: (id: string) => string;
  readonly placeIds: Set<string>;
  unattributed: number;
  untargeted: number;
}

const identityName = (ctx: ReadContext, ref: unknown): string | undefined => (typeof ref === 'string' ? nameOf(ctx.byId.get(ref)?.o) : undefined);

function confidenceOf(ctx: ReadContext, r: Item): Confidence | undefined {
  const c = r.o.confidence;
  if (c === undefined || c === null) return undefined;
  if (typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 100) return c;
  ctx.issues.warn(`${r.at}.confidence`, `${describe(c)} is not a STIX confidence (a whole number 0 to 100); ignored`);
  return undefined;
}

function assertedByOf(ctx: ReadContext, state: ClaimState, r: Item): string {
  const n = identityName(ctx, r.o.created_by_ref);
  if (n) return n;
  state.unattributed++;
  return UNATTRIBUTED;
}

/** A bundle we wrote: the claim as it was. True when the relationship was one. */
function keepOurs(ctx: ReadContext, state: ClaimState, r: Item): boolean {
  const k = r.x?.claim;
  if (!isObject(k)) return false;
  const from = k.from === null || k.from === undefined ? null : k.from;
  if (!(isText(k.id) && isText(k.to) && state.placeIds.has(k.to) && (from === null || (typeof from === 'string' && state.placeIds.has(from))))) return false;
  const claim = { ...(k as unknown as Claim), id: state.claimId(k.id), from: from };
  ctx.claims.push(claim);
  ctx.claimOrigins.push(r.at);
  return true;
}

/** An analyst's attribution, in words. */
function attribution(ctx: ReadContext, r: Item, subjectName: string, target: string): string {
  const actorName = nameOf(ctx.byId.get(target)?.o) ?? typeOf(ctx, target);
  const conf = confidenceOf(ctx, r);
  const by = identityName(ctx, r.o.created_by_ref);
  return `${subjectName} is attributed to ${actorName}${conf !== undefined ? ` (confidence ${conf})` : ''}${by ? `, per ${by}` : ''}.`;
}

/** What a located-at or originates-from relationship claims, if it places an infrastructure or actor. */
function placement(ctx: ReadContext, type: string, source: string, target: string, subjectName: string): { relation: ClaimRelation; from: Place; assertion: string } | undefined {
  const from = ctx.placeByStix.get(target);
  if (!from) return undefined;
  if (INFRA_TYPES.has(typeOf(ctx, source)) && type === 'located-at') return { relation: 'infrastructure-located-in', from, assertion: `${subjectName} is located in ${from.name}` };
  if (ACTOR_TYPES.has(typeOf(ctx, source)))
    return { relation: 'actor-originates-from', from, assertion: `${subjectName} ${type === 'located-at' ? 'is located in' : 'originates from'} ${from.name}` };
  return undefined;
}

function readClaim(ctx: ReadContext, state: ClaimState, r: Item): void {
  const { type, source, target } = relOf(r);
  if (!CLAIM_RELATIONSHIPS.has(type)) return;
  if (keepOurs(ctx, state, r)) return;
  if (isText(r.x?.claimPart)) return;
  if (type === 'targets') return;
  const subject = ctx.byId.get(source);
  const subjectName = nameOf(subject?.o) ?? typeOf(ctx, source);
  if (type === 'attributed-to') {
    // An analyst's attribution is not the actor's own claim of responsibility, and it places
    // no one: it is listed in words, and it links the campaign to the actor's own placement.
    ctx.attributions.push(attribution(ctx, r, subjectName, target));
    return;
  }
  const placed = placement(ctx, type, source, target, subjectName);
  if (!placed) return;
  const { relation, from, assertion } = placed;
  const to = targetsOf(ctx, source, r.id)[0];
  if (!to) {
    state.untargeted++;
    return;
  }
  const claim: Claim = {
    id: state.claimId(`claim-${slug(`${subjectName}-${from.name}`, 'claim')}`),
    from: from.id,
    to: to.id,
    relation,
    assertion: isText(r.o.description) ? r.o.description : assertion,
    assertedBy: assertedByOf(ctx, state, r),
    status: ctx.disputed.has(r.id) || ctx.disputed.has(source) ? 'disputed' : 'reported',
  };
  const confidence = confidenceOf(ctx, r);
  if (confidence !== undefined) claim.confidence = confidence;
  const cited = cite(ctx, r);
  if (cited.length) claim.sources = cited;
  ctx.claims.push(claim);
  ctx.claimOrigins.push(r.at);
}

/** Fills in the claims and attributions, then gives each place its role. */
export function readClaims(ctx: ReadContext): void {
  const state: ClaimState = { claimId: uniqueIds(), placeIds: new Set(ctx.places.map((p) => p.id)), unattributed: 0, untargeted: 0 };
  for (const r of ctx.rels) readClaim(ctx, state, r);
  const { unattributed, untargeted } = state;
  if (unattributed)
    ctx.issues.warn(
      'objects',
      `${unattributed} ${unattributed === 1 ? 'relationship has' : 'relationships have'} no created_by_ref naming an identity; ${unattributed === 1 ? 'its claim is' : 'their claims are'} asserted by "${UNATTRIBUTED}"`,
    );
  if (untargeted)
    ctx.issues.warn(
      'objects',
      `${untargeted} ${untargeted === 1 ? 'relationship places' : 'relationships place'} an actor or infrastructure, but no targeted place was found (no "targets" relationship to a location, and no victim identity located-at one), so no claim was made for ${untargeted === 1 ? 'it' : 'them'}`,
    );
  for (const p of ctx.places) {
    if (ctx.fixedRole.has(p)) continue;
    const roles = ctx.placeRoles.get(p)!;
    const r = (['target', 'origin', 'infrastructure'] as const).find((x) => roles.has(x));
    if (r) p.role = r;
  }
}
