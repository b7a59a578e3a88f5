'use client';
/**
 * `attack-timeline/react`: the three elements as React components, for React 18 and 19.
 * Properties (`incident`, `describe`, and the rest) are set on the element as properties, not
 * turned into attributes, so `incident={doc}` works in React 18 too; the events are the props
 * `onAttackSelect`, `onAttackLoad` and `onAttackError`, typed by their `detail`. Importing this
 * module registers the three elements. It is a client module (`'use client'`): a React Server
 * Component may render a wrapper with serializable props (`src`, `incident`, `locale`); the
 * event props need a client component.
 *
 * ```tsx
 * import { AttackStory } from 'attack-timeline/react';
 * import incident from './aiims-delhi-2022.json';
 *
 * <AttackStory incident={incident} locale="en-IN" onAttackSelect={(e) => setId(e.detail.id)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from 'react';
import { AttackMap as AttackMapElement } from './components/attack-map/attack-map.define.js';
import { AttackStory as AttackStoryElement } from './components/attack-story/attack-story.define.js';
import { AttackTimeline as AttackTimelineElement } from './components/attack-timeline/attack-timeline.define.js';
import type { AttackMapProperties, AttackStoryProperties, AttackTimelineProperties } from './element-props.js';
import type { AttackErrorEvent, AttackLoadEvent, AttackSelectEvent } from './events.js';

/** The React props that listen to the elements' events. */
const events = {
  onAttackSelect: 'attack-select' as EventName<AttackSelectEvent>,
  onAttackLoad: 'attack-load' as EventName<AttackLoadEvent>,
  onAttackError: 'attack-error' as EventName<AttackErrorEvent>,
};

/** The event props of every wrapper, typed by their `detail`. */
export interface AttackEventProps {
  onAttackSelect?: (event: AttackSelectEvent) => void;
  onAttackLoad?: (event: AttackLoadEvent) => void;
  onAttackError?: (event: AttackErrorEvent) => void;
}

/**
 * A wrapper's props: React's for an HTML element (`id`, `className`, `style`, children as the
 * fallback, …), the element's writable properties, and its events. Read-only members and methods
 * are not props; reach them through a `ref`.
 */
export type AttackComponentProps<E extends HTMLElement, Properties> = Omit<HTMLAttributes<E>, keyof Properties | keyof AttackEventProps> & Properties & AttackEventProps;

/** One of the wrappers: a React component rendering the element, its `ref` the element. */
export type AttackComponent<E extends HTMLElement, Properties> = ForwardRefExoticComponent<AttackComponentProps<E, Properties> & RefAttributes<E>>;

/** `<attack-story>`: the title, the timeline and the map linked by selection, with previous and next. */
export const AttackStory: AttackComponent<AttackStoryElement, AttackStoryProperties> = createComponent({
  react: React,
  tagName: 'attack-story',
  elementClass: AttackStoryElement,
  events,
  displayName: 'AttackStory',
});

/** `<attack-timeline>`: the timeline alone. */
export const AttackTimeline: AttackComponent<AttackTimelineElement, AttackTimelineProperties> = createComponent({
  react: React,
  tagName: 'attack-timeline',
  elementClass: AttackTimelineElement,
  events,
  displayName: 'AttackTimeline',
});

/** `<attack-map>`: the attribution map alone. */
export const AttackMap: AttackComponent<AttackMapElement, AttackMapProperties> = createComponent({
  react: React,
  tagName: 'attack-map',
  elementClass: AttackMapElement,
  events,
  displayName: 'AttackMap',
});

export type { AttackErrorEvent, AttackLoadEvent, AttackSelectEvent } from './events.js';
export type { AttackMapProperties, AttackStoryProperties, AttackTimelineProperties } from './element-props.js';
export type { Incident } from './model/types.js';
