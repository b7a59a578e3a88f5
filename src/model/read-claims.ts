/**
 * Reading an incident's claims: who asserted what about a place (`to`), optionally from
 * another (`from`), with a relation, a status, a confidence, caveats, sources and the event
 * it belongs to. Read after places, sources and events, which it refers to. A missing id,
 * `to`, assertion or asserter, a relation outside the list, an unknown place or an id used
 * twice leaves the claim out with an error; an unknown source or event is only a warning.
 */
import { checkFields, compact, describe, type Checker } from './check.js';
import { clip } from './dates.js';
import { RELATIONS, STATUSES } from './keywords.js';
import type { Claim, Place } from './types.js';

/** The claims, each checked against the places, sources and event ids already read. */
export function readClaims(c: Checker, raw: unknown, places: Map<string, Place>, sources: Map<string, unknown>, events: Set<string>): Claim[] {
  const out: Claim[] = [];
  c.objects(raw, 'claims', 'error', (k, path) => {
    checkFields(c, k, 'claim', path);
    const errorsBefore = c.errors.length;
    const id = c.requiredText(k, 'id', path);
    const to = c.requiredText(k, 'to', path);
    const assertion = c.requiredText(k, 'assertion', path);
    const assertedBy = c.requiredText(k, 'assertedBy', path);
    const relation = k.relation;
    if (!(RELATIONS as readonly unknown[]).includes(relation))
      c.error(`${path}.relation`, `${relation === undefined ? 'is missing' : `${describe(relation)} is not allowed`}; use one of ${RELATIONS.join(', ')}`);
    if (to && !places.has(to)) c.error(`${path}.to`, `no place has the id "${clip(to)}"`);
    const from = k.from === undefined || k.from === null ? null : k.from;
    if (from !== null && (typeof from !== 'string' || !places.has(from)))
      c.error(`${path}.from`, typeof from === 'string' ? `no place has the id "${clip(from)}"` : `must be a place id or null, not ${describe(from)}`);
    if (id && out.some((o) => o.id === id)) c.error(`${path}.id`, `"${clip(id)}" is used twice; the second is left out`);
    if (c.errors.length > errorsBefore || !id || !to || !assertion || !assertedBy) return;
    if (k.status === undefined) c.warn(`${path}.status`, 'is missing; shown as "reported"');
    const sourceIds = c.textList(k, 'sources', path);
    c.refs(sourceIds, sources, `${path}.sources`, 'source');
    if (!sourceIds || sourceIds.length === 0) c.warn(`${path}.sources`, 'has no source: every claim should cite one');
    const event = c.optionalText(k, 'event', path);
    if (event !== undefined && !events.has(event)) c.warn(`${path}.event`, `no event has the id "${clip(event)}"`);
    out.push(
      compact({
        id,
        from: from as string | null,
        to,
        relation: relation as Claim['relation'],
        assertion,
        assertedBy,
        status: c.oneOf(k, 'status', path, STATUSES),
        confidence: c.confidence(k, path),
        caveats: c.textList(k, 'caveats', path),
        sources: sourceIds,
        event,
      }),
    );
  });
  return out;
}
