/**
 * The script-tag bundle, `dist/attack-timeline.min.js`. `<attack-timeline>` is defined at
 * once. `<attack-map>` and `<attack-story>` come from chunks of their own, fetched as soon as
 * the page holds one of them (now or when one is added), and otherwise at the first idle
 * moment, so `customElements.whenDefined()` settles on every page. A page that shows a
 * timeline alone never waits for the map's code. An already-defined tag is skipped (two
 * copies of the bundle on one page). The package entry, `attack-timeline`, defines all three
 * at once and exports their classes.
 */
export { AttackTimeline } from './components/attack-timeline/attack-timeline.define.js';

const later: Record<string, () => Promise<unknown>> = {
  'attack-story': () => import('./components/attack-story/attack-story.define.js'),
  'attack-map': () => import('./components/attack-map/attack-map.define.js'),
};

const waiting = new Set(Object.keys(later).filter((tag) => !customElements.get(tag)));

function define(tag: string): void {
  if (!waiting.delete(tag)) return;
  if (!waiting.size) observer?.disconnect();
  // A chunk that fails to load (offline, blocked) leaves the element's fallback content.
  later[tag]!().catch(() => undefined);
}

/** Defines whichever waiting tags occur in `root` (itself or below it). */
function scan(root: Element | Document): void {
  for (const tag of waiting) {
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) define(tag);
  }
}

let observer: MutationObserver | null = null;
if (waiting.size && typeof document !== 'undefined') {
  scan(document);
  if (waiting.size) {
    observer = new MutationObserver((records) => {
      for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) scan(node);
    });
    observer.observe(document, { childList: true, subtree: true });
    const idle = () => {
      for (const tag of [...waiting]) define(tag);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(idle, { timeout: 3000 });
    else setTimeout(idle, 1500);
  }
}
