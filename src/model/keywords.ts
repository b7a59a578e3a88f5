/**
 * The words a document's keyword fields allow, and each field read as one of them. The
 * document types accept any string there (so that a document imported from a JSON file
 * type-checks); the parser reports any other value with its path, and these readers give the
 * drawing code a value it can rely on, or the field's default.
 */
import { LIKELIHOOD_WORDS } from './confidence.js';
import type { Claim, ClaimRelation, Confidence, Place, PlaceRole, SourcingStatus } from './types.js';

export const STATUSES: readonly SourcingStatus[] = ['confirmed', 'reported', 'single-source', 'disputed', 'denied'];
export const ROLES: readonly PlaceRole[] = ['target', 'origin', 'infrastructure', 'reference'];
export const RELATIONS: readonly ClaimRelation[] = ['infrastructure-located-in', 'actor-originates-from', 'claimed-responsibility'];

/** `value` when it is one of `words`, else undefined. */
export function oneOf<T extends string>(words: readonly T[], value: unknown): T | undefined {
  return words.find((w) => w === value);
}

/** A place's role; `reference` when it has none. */
export const placeRole = (p: Place): PlaceRole => oneOf(ROLES, p.role) ?? 'reference';

/** A claim's relation (the parser leaves out a claim without a known one). */
export const claimRelation = (c: Claim): ClaimRelation => oneOf(RELATIONS, c.relation) ?? 'infrastructure-located-in';

/** A status; `reported` when none is given. */
export const sourcingStatus = (status: string | undefined): SourcingStatus => oneOf(STATUSES, status) ?? 'reported';

/** A confidence: a number, or one of the ICD 203 words; else undefined. */
export const confidenceOf = (c: number | string | undefined): Confidence | undefined => (typeof c === 'number' ? c : oneOf(LIKELIHOOD_WORDS, c));
