/**
 * One test harness for every element: its shadow root, settling (updates and frames, parts
 * included), finding marks by id without building selectors from ids (ids are opaque and
 * may hold any character), and key presses through the browser.
 */
import { sendKeys } from '@web/test-runner-commands';
import { frames } from './helpers.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

export interface Harness<T extends Updating> {
  el: T;
  root: ShadowRoot;
  /** Waits for the element (and any parts inside it) to finish updating and for two frames. */
  settle(): Promise<void>;
  /** The node carrying `attr` equal to `id`, compared as strings. */
  find(attr: string, id: string): Element | null;
  /** Every node carrying `attr`, in document order, with its value. */
  all(attr: string): { node: Element; id: string }[];
  /** The value of `attr` on the focused node inside this element, if any. */
  focusedId(attr: string): string | null;
  /** A real key press, through the browser. */
  press(key: string): Promise<void>;
}

export function harness<T extends Updating>(el: T): Harness<T> {
  const root = el.shadowRoot!;
  const parts = () => [...root.querySelectorAll<Updating>('attack-timeline, attack-map')];
  return {
    el,
    root,
    async settle() {
      for (let i = 0; i < 2; i++) {
        await el.updateComplete;
        for (const p of parts()) await p.updateComplete;
        await frames(1);
      }
    },
    find(attr, id) {
      for (const node of root.querySelectorAll(`[${attr}]`)) if (node.getAttribute(attr) === id) return node;
      return null;
    },
    all(attr) {
      return [...root.querySelectorAll(`[${attr}]`)].map((node) => ({ node, id: node.getAttribute(attr)! }));
    },
    focusedId(attr) {
      return root.activeElement?.closest(`[${attr}]`)?.getAttribute(attr) ?? null;
    },
    async press(key) {
      await sendKeys({ press: key });
    },
  };
}

/** A click as a reader's, bubbling out of shadow roots. */
export const click = (node: Element): boolean => node.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
