import type { Incident, Issue } from './model/types.js';

/**
 * Detail of `attack-select`: the event the reader chose, or null when they cleared it. From a
 * map, `place` or `claim` names what was chosen there; `id` is then the claim's event, if any.
 */
export interface AttackSelectDetail {
  id: string | null;
  place?: string;
  claim?: string;
}
/** Detail of `attack-load`: the incident as loaded (cleaned of anything invalid). */
export interface AttackLoadDetail {
  incident: Incident;
}
/** Detail of `attack-error`: every problem, each naming its path (`events[3].start`, `src`). */
export interface AttackErrorDetail {
  errors: Issue[];
}

/** Every event the elements fire, by type. */
export interface AttackEventMap {
  'attack-select': AttackSelectDetail;
  'attack-load': AttackLoadDetail;
  'attack-error': AttackErrorDetail;
}

/** One of the elements' events: it bubbles and leaves shadow roots. */
export function attackEvent<K extends keyof AttackEventMap>(type: K, detail: AttackEventMap[K]): CustomEvent<AttackEventMap[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

export type AttackSelectEvent = CustomEvent<AttackSelectDetail>;
export type AttackLoadEvent = CustomEvent<AttackLoadDetail>;
export type AttackErrorEvent = CustomEvent<AttackErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'attack-select': AttackSelectEvent;
    'attack-load': AttackLoadEvent;
    'attack-error': AttackErrorEvent;
  }
}
