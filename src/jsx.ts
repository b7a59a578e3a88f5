/**
 * `attack-timeline/jsx`: types for writing the tags themselves in React 19's JSX
 * (`<attack-story incident={doc} onattack-select={…}>`). Import it once, for its types:
 *
 * ```ts
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
import type { AttackErrorEvent, AttackLoadEvent, AttackSelectEvent } from './events.js';

/** An element's own settable properties (not HTMLElement's, not methods), each optional. */
export type ElementProperties<E> = {
  -readonly [K in keyof E as K extends keyof HTMLElement ? never : E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** The attributes of every element, by their attribute names. */
export interface AttackAttributes {
  src?: string;
  selected?: string;
  locale?: string;
  'time-zone'?: string;
  theme?: 'auto' | 'system' | 'light' | 'dark';
  link?: string;
  timeout?: number | string;
  format?: 'auto' | 'incident' | 'timelinejs' | 'csv' | 'stix';
  'max-bytes'?: number | string;
  'strict-type'?: boolean;
  transparent?: boolean;
  debug?: boolean;
  'no-caption'?: boolean;
  'heading-level'?: number | string;
}

/** The map's and the story's own attributes. */
export interface AttackMapAttributes {
  boundaries?: string;
  'show-denied'?: boolean;
}

/** The event props, as React 19 names them: `on` and the event's type. */
export interface AttackEventHandlers {
  'onattack-select'?: (event: AttackSelectEvent) => void;
  'onattack-load'?: (event: AttackLoadEvent) => void;
  'onattack-error'?: (event: AttackErrorEvent) => void;
}

/** What JSX accepts on one of the tags, given React's props for an element of type `E`. */
export type AttackJSXProps<E, Base> = Base & ElementProperties<E> & AttackAttributes & AttackEventHandlers;

/** React's props for an HTML element of type `E`. */
export type TagProps<E> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'attack-story': AttackJSXProps<AttackStory, TagProps<AttackStory>> & AttackMapAttributes & { 'no-deep-link'?: boolean };
      'attack-timeline': AttackJSXProps<AttackTimeline, TagProps<AttackTimeline>>;
      'attack-map': AttackJSXProps<AttackMap, TagProps<AttackMap>> & AttackMapAttributes;
    }
  }
}
