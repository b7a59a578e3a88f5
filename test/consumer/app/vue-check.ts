// A consumer's Vue 3 types: attack-timeline/vue declares the tags as global components, so a
// template's bindings (`:incident`, `@attack-select`) are checked. vue-tsc reads the props of
// GlobalComponents as below.
import type { GlobalComponents } from 'vue';
import type {} from 'attack-timeline/vue';
import aiims from './aiims.json';

type StoryProps = InstanceType<GlobalComponents['attack-story']>['$props'];
type MapProps = InstanceType<GlobalComponents['attack-map']>['$props'];

export const story: StoryProps = {
  incident: aiims,
  locale: 'hi-IN',
  'time-zone': 'Asia/Kolkata',
  showDenied: true,
  onAttackSelect: (e) => console.log(e.detail.id, e.detail.place),
  onAttackError: (e) => console.log(e.detail.errors.map((x) => x.path)),
};
export const map: MapProps = { src: 'aiims.json', boundaries: 'in.json' };

// @ts-expect-error: `selected` is an event id, a string
export const wrongSelected: StoryProps = { selected: 42 };
// @ts-expect-error: a boolean is bound as a property (showDenied): Vue would write the attribute show-denied="false", which turns it on
export const booleanAttribute: StoryProps = { 'show-denied': false };
// @ts-expect-error: the timeline has no `boundaries`
export const wrongAttribute: InstanceType<GlobalComponents['attack-timeline']>['$props'] = { boundaries: 'in.json' };
