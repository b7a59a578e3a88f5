/**
 * One test harness for every element: its shadow root, settling (updates and frames, parts
 * included), finding marks by id without building selectors from ids (ids are opaque and
 * may hold any character), finding nodes by part, role or accessible name rather than by
 * internal class names, and key presses through the browser. `mount`, `drawnMap` and
 * `drawnStory` create an element with `fixture` (cleaned up by `cleanup`) and wrap it.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import { fixture, frames, waitFor } from './helpers.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };
/** What an element's shadow root holds: HTML, or SVG for the marks. */
type Node_ = HTMLElement | SVGElement;

export interface Harness<T extends Updating> {
  el: T;
  /** The element's shadow root (read when asked, so a harness may wrap an element not yet connected). */
  readonly root: ShadowRoot;
  /** Waits for the element (and any parts inside it) to finish updating and for two frames. */
  settle(): Promise<void>;
  /** The node carrying `attr` equal to `id`, compared as strings. */
  find(attr: string, id: string): Node_ | null;
  /** Every node carrying `attr`, in document order, with its value. */
  all(attr: string): { node: Node_; id: string }[];
  /** The value of `attr` on the focused node inside this element, if any. */
  focusedId(attr: string): string | null;
  /** The first node exposing the part `name` (`part="name"`), e.g. details, legend, toolbar. */
  part(name: string): Node_ | null;
  /** The first node with the explicit role `name`, e.g. listbox, alert, status. */
  role(name: string): Node_ | null;
  /** The button whose accessible name (its aria-label, else its text) is `name`. */
  button(name: string): HTMLButtonElement | null;
  /** A real key press, through the browser. */
  press(key: string): Promise<void>;
}

export function harness<T extends Updating>(el: T): Harness<T> {
  const root = () => el.shadowRoot!;
  const parts = () => [...root().querySelectorAll<Updating>('attack-timeline, attack-map')];
  return {
    el,
    get root() {
      return root();
    },
    async settle() {
      for (let i = 0; i < 2; i++) {
        await el.updateComplete;
        for (const p of parts()) await p.updateComplete;
        await frames(1);
      }
    },
    find(attr, id) {
      for (const node of root().querySelectorAll<Node_>(`[${attr}]`)) if (node.getAttribute(attr) === id) return node;
      return null;
    },
    all(attr) {
      return [...root().querySelectorAll<Node_>(`[${attr}]`)].map((node) => ({ node, id: node.getAttribute(attr)! }));
    },
    focusedId(attr) {
      return root().activeElement?.closest(`[${attr}]`)?.getAttribute(attr) ?? null;
    },
    part(name) {
      for (const node of root().querySelectorAll<Node_>('[part]')) if (node.getAttribute('part') === name) return node;
      return null;
    },
    role(name) {
      for (const node of root().querySelectorAll<Node_>('[role]')) if (node.getAttribute('role') === name) return node;
      return null;
    },
    button(name) {
      for (const b of root().querySelectorAll('button')) if ((b.getAttribute('aria-label') ?? b.textContent.trim()) === name) return b;
      return null;
    },
    async press(key) {
      await sendKeys({ press: key });
    },
  };
}

/** A click as a reader's, bubbling out of shadow roots. */
export const click = (node: Element): boolean => node.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));

/** Creates `tag` with `fixture` (in a container `width` px wide, first render done) and wraps it. */
export async function mount<T extends Updating>(tag: string, setup: (el: T) => void = () => undefined, width = 1280): Promise<Harness<T>> {
  return harness(await fixture<T>(tag, setup, width));
}

/** A map with its geometry drawn: the layout code and the land are loaded lazily. */
export async function drawnMap(setup: (el: AttackMap) => void, width = 700): Promise<Harness<AttackMap>> {
  const h = await mount<AttackMap>('attack-map', setup, width);
  // The land is a purely visual path in the backdrop (aria-hidden, no role): its class is the only sign it is in.
  await waitFor(() => h.role('listbox') && h.root.querySelector('.land'), 'map drawn with land');
  await h.el.updateComplete;
  return h;
}

export interface StoryHarness extends Harness<AttackStory> {
  /** The story's timeline, looked up when asked. */
  readonly timeline: Harness<AttackTimeline>;
  /** The story's map, looked up when asked. */
  readonly map: Harness<AttackMap>;
}

/** A story's parts, each with its own harness. */
export function storyHarness(el: AttackStory): StoryHarness {
  const h = harness(el);
  return Object.defineProperties(h as StoryHarness, {
    timeline: { get: () => harness(el.shadowRoot!.querySelector<AttackTimeline>('attack-timeline')!) },
    map: { get: () => harness(el.shadowRoot!.querySelector<AttackMap>('attack-map')!) },
  });
}

/** A story scrolled into view and drawn: its timeline's marks and its map's places are in. */
export async function drawnStory(setup: (el: AttackStory) => void, width = 1280): Promise<StoryHarness> {
  const s = storyHarness(await fixture<AttackStory>('attack-story', setup, width));
  const el = s.el;
  el.scrollIntoView({ block: 'start' });
  await waitFor(
    () => {
      const [timeline, map] = [el.shadowRoot?.querySelector('attack-timeline'), el.shadowRoot?.querySelector('attack-map')];
      if (!timeline?.shadowRoot || !map?.shadowRoot) return null;
      return s.timeline.all('data-event-id').length > 0 && s.map.role('listbox')?.querySelector('[data-place-id]');
    },
    `story drawn (top ${el.getBoundingClientRect().top}, scroll ${scrollY}, viewport ${innerHeight}, body: ${[...document.body.children].map((c) => `${c.tagName}#${c.id}.${c.className}:${Math.round(c.getBoundingClientRect().height)}`).join(' ')})`,
  );
  return s;
}
