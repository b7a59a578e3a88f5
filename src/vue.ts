/**
 * `attack-timeline/vue`: types for the tags in Vue 3 templates (`GlobalComponents`), so that
 * `vue-tsc` and editors check `<attack-story :incident="doc" @attack-select="…">`. Import it
 * once, for its types:
 *
 * ```ts
 * import type {} from 'attack-timeline/vue';
 * ```
 *
 * Tell Vue's compiler the tags are custom elements (`compilerOptions.isCustomElement`): see
 * the README. Vue sets a bound value as a property when the element has one (`:incident`);
 * bind the boolean settings as properties too (`:showDenied="true"`).
 */
import type {} from 'vue';
import type { AttackMap } from './components/attack-map/attack-map.js';
import type { AttackStory } from './components/attack-story/attack-story.js';
import type { AttackTimeline } from './components/attack-timeline/attack-timeline.js';
import type { AttackErrorEvent, AttackLoadEvent, AttackSelectEvent } from './events.js';
import type { AttackAttributes, AttackMapAttributes, AttackMapProperties, AttackStoryProperties, AttackTimelineProperties } from './element-props.js';

/** The event listeners, as Vue's templates name them (`@attack-select` is `onAttackSelect`). */
export interface AttackVueListeners {
  onAttackSelect?: (event: AttackSelectEvent) => void;
  onAttackLoad?: (event: AttackLoadEvent) => void;
  onAttackError?: (event: AttackErrorEvent) => void;
}

/** A custom element as a Vue component type: its props, for template type-checking only. */
export type AttackVueElement<E, Props> = new () => E & {
  $props: Props & AttackAttributes & AttackVueListeners;
};

declare module 'vue' {
  interface GlobalComponents {
    'attack-story': AttackVueElement<AttackStory, AttackStoryProperties & AttackMapAttributes>;
    'attack-timeline': AttackVueElement<AttackTimeline, AttackTimelineProperties>;
    'attack-map': AttackVueElement<AttackMap, AttackMapProperties & AttackMapAttributes>;
  }
}
