/**
 * `attack-timeline/map`: registers `<attack-map>` alone (an already-defined tag is skipped) and
 * exports its class. Neither `<attack-timeline>` nor `<attack-story>` is defined.
 */
export { AttackMap } from './components/attack-map/attack-map.define.js';
export type { AttackSelectDetail, AttackLoadDetail, AttackErrorDetail, AttackSelectEvent, AttackLoadEvent, AttackErrorEvent } from './events.js';
export type { Incident, IncidentEvent, Issue, Lane, Place, Claim, Source, SourcingStatus, Confidence } from './model/types.js';
export type { Describe, DescribeItem, OptionText } from './internal/describe.js';
