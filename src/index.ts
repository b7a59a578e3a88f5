/**
 * `attack-timeline`: registers the elements (an already-defined tag is skipped) and exports
 * their classes and event types. The data API without DOM is `attack-timeline/model`.
 */
export { AttackTimeline } from './components/attack-timeline/attack-timeline.define.js';
export { AttackMap } from './components/attack-map/attack-map.define.js';
export { AttackStory } from './components/attack-story/attack-story.define.js';
export type { AttackSelectDetail, AttackLoadDetail, AttackErrorDetail, AttackSelectEvent, AttackLoadEvent, AttackErrorEvent } from './events.js';
export type { Incident, IncidentEvent, Issue, Lane, Place, Claim, Source, SourcingStatus, Confidence } from './model/types.js';
export type { Describe, DescribeItem, OptionText } from './internal/describe.js';
