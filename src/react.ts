/**
 * `attack-timeline/react`: the three elements as React components, for React 18 and 19.
 * Properties (`incident`, `describe`, and the rest) are set on the element as properties, not
 * turned into attributes, so `incident={doc}` works in React 18 too; the events are the props
 * `onAttackSelect`, `onAttackLoad` and `onAttackError`, typed by their `detail`. Importing this
 * module registers the elements.
 *
 * ```tsx
 * import { AttackStory } from 'attack-timeline/react';
 * import incident from './aiims-delhi-2022.json';
 *
 * <AttackStory incident={incident} locale="en-IN" onAttackSelect={(e) => setId(e.detail.id)} />
 * ```
 */
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import * as React from 'react';
import { AttackMap as AttackMapElement } from './components/attack-map/attack-map.define.js';
import { AttackStory as AttackStoryElement } from './components/attack-story/attack-story.define.js';
import { AttackTimeline as AttackTimelineElement } from './components/attack-timeline/attack-timeline.define.js';
import type { AttackErrorEvent, AttackLoadEvent, AttackSelectEvent } from './events.js';

/** The React props that listen to the elements' events. */
const events = {
  onAttackSelect: 'attack-select' as EventName<AttackSelectEvent>,
  onAttackLoad: 'attack-load' as EventName<AttackLoadEvent>,
  onAttackError: 'attack-error' as EventName<AttackErrorEvent>,
};

/** The event props of every wrapper. */
export type AttackEventProps = typeof events;

/** `<attack-story>`: the title, the timeline and the map linked by selection, with previous and next. */
export const AttackStory: ReactWebComponent<AttackStoryElement, AttackEventProps> = createComponent({
  react: React,
  tagName: 'attack-story',
  elementClass: AttackStoryElement,
  events,
  displayName: 'AttackStory',
});

/** `<attack-timeline>`: the timeline alone. */
export const AttackTimeline: ReactWebComponent<AttackTimelineElement, AttackEventProps> = createComponent({
  react: React,
  tagName: 'attack-timeline',
  elementClass: AttackTimelineElement,
  events,
  displayName: 'AttackTimeline',
});

/** `<attack-map>`: the attribution map alone. */
export const AttackMap: ReactWebComponent<AttackMapElement, AttackEventProps> = createComponent({
  react: React,
  tagName: 'attack-map',
  elementClass: AttackMapElement,
  events,
  displayName: 'AttackMap',
});

export type { AttackErrorEvent, AttackLoadEvent, AttackSelectEvent } from './events.js';
export type { Incident } from './model/types.js';
