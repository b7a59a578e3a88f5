/**
 * What a page or a framework may set on each element: its public, writable properties (not the
 * read-only ones such as `issues`, not Lit's own, not methods), and the attributes that take a
 * value. Shared by the React, JSX and Vue types; nothing here depends on a framework.
 */
import type { AttackMap } from './components/attack-map/attack-map.js';
import type { AttackStory } from './components/attack-story/attack-story.js';
import type { AttackTimeline } from './components/attack-timeline/attack-timeline.js';

/** The properties `K` of element `E`, each optional, with the types the element gives them. */
export type Settable<E, K extends keyof E> = { [P in K]?: E[P] };

/** The properties every element has. */
export type SharedProperty =
  | 'src'
  | 'incident'
  | 'selected'
  | 'selection'
  | 'locale'
  | 'timeZone'
  | 'theme'
  | 'link'
  | 'timeout'
  | 'format'
  | 'maxBytes'
  | 'strictType'
  | 'transparent'
  | 'debug'
  | 'noCaption'
  | 'headingLevel'
  | 'describe';

export type AttackTimelineProperties = Settable<AttackTimeline, SharedProperty>;
export type AttackMapProperties = Settable<AttackMap, SharedProperty | 'boundaries' | 'showDenied'>;
export type AttackStoryProperties = Settable<AttackStory, SharedProperty | 'boundaries' | 'showDenied' | 'noDeepLink'>;

/**
 * The attributes that take a value, by their attribute names. The boolean ones (`debug`,
 * `show-denied`, …) are left out on purpose: a framework that writes `false` as an attribute
 * turns them on. Set those as properties (`showDenied={false}`).
 */
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
  'heading-level'?: number | string;
}

/** The map's and the story's own attribute with a value. */
export interface AttackMapAttributes {
  boundaries?: string;
}
