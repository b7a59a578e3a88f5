/**
 * `attack-timeline/timeline`: registers `<attack-timeline>` alone (an already-defined tag is
 * skipped) and exports its class. Neither `<attack-map>` nor `<attack-story>` is defined.
 */
export { AttackTimeline } from './components/attack-timeline/attack-timeline.define.js';
export type { AttackSelectDetail, AttackLoadDetail, AttackErrorDetail, AttackSelectEvent, AttackLoadEvent, AttackErrorEvent } from './events.js';
export type { Incident, IncidentEvent, Issue, Lane, Place, Claim, Source, SourcingStatus, Confidence } from './model/types.js';
export type { Describe, DescribeItem, OptionText } from './internal/describe.js';
