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
