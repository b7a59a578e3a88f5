/**
 * `attack-timeline/story`: registers `<attack-story>` (an already-defined tag is skipped) and
 * exports its class. The story is drawn with its parts, so this also registers
 * `<attack-timeline>` and `<attack-map>`: importing it defines all three, like the main entry.
 */
export { AttackStory } from './components/attack-story/attack-story.define.js';
export type { AttackSelectDetail, AttackLoadDetail, AttackErrorDetail, AttackSelectEvent, AttackLoadEvent, AttackErrorEvent } from './events.js';
export type { Incident, IncidentEvent, Issue, Lane, Place, Claim, Source, SourcingStatus, Confidence } from './model/types.js';
export type { Describe, DescribeItem, OptionText } from './internal/describe.js';
