/**
 * `attack-timeline/jsx`: types for writing the tags themselves in React 19's JSX
 * (`<attack-story incident={doc} onattack-select={…}>`). Import it once, for its types, and
 * register the elements before React first renders a tag (React 19 sets `incident` as a
 * property only when the element already has one; before that it would write an attribute):
 *
 * ```ts
 * import 'attack-timeline';
 * import type {} from 'attack-timeline/jsx';
 * ```
 *
 * React 19 sets a prop as a property when the element has one (`incident`, `timeZone`), else as
 * an attribute (`time-zone`), and listens to `on` + the event's name. React 18 turns every prop
 * into an attribute, so `incident={doc}` does not reach the element there: with React 18, use
 * the components of `attack-timeline/react`, or `src`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AttackMap } from './components/attack-map/attack-map.js';
import type { AttackStory } from './components/attack-story/attack-story.js';
import type { AttackTimeline } from './components/attack-timeline/attack-timeline.js';
import type { AttackMapAttributes, AttackMapProperties, AttackAttributes, AttackStoryProperties, AttackTimelineProperties } from './element-props.js';
import type { AttackErrorEvent, AttackLoadEvent, AttackSelectEvent } from './events.js';

/** The event props, as React 19 names them: `on` and the event's type. */
export interface AttackEventHandlers {
  'onattack-select'?: (event: AttackSelectEvent) => void;
  'onattack-load'?: (event: AttackLoadEvent) => void;
  'onattack-error'?: (event: AttackErrorEvent) => void;
}

/** What JSX accepts on one of the tags: React's props for the element, its properties, its attributes and its events. */
export type AttackJSXProps<E, Properties> = TagProps<E> & Properties & AttackAttributes & AttackEventHandlers;

/** React's props for an HTML element of type `E`. */
export type TagProps<E> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'attack-story': AttackJSXProps<AttackStory, AttackStoryProperties> & AttackMapAttributes;
      'attack-timeline': AttackJSXProps<AttackTimeline, AttackTimelineProperties>;
      'attack-map': AttackJSXProps<AttackMap, AttackMapProperties> & AttackMapAttributes;
    }
  }
}
