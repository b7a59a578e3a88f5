import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * `theme="auto"` follows the page the element sits in, not the reader's OS: a white article
 * gets a light element whatever the reader's system setting, a dark page a dark one. What the
 * page says, in order:
 *
 * 1. the `color-scheme` the element inherits: `dark` alone is dark, `light` alone is light, and
 *    `light dark` (the page supports both) follows the reader's preference, as the page does;
 * 2. else the first background behind the element (its ancestors, across shadow roots) that is
 *    not transparent: dark when its luminance is low;
 * 3. else the canvas, which is light.
 *
 * The page is looked at again when its root or body changes a class, style or data attribute
 * (a site's dark-mode toggle), and when the reader's preference changes. One observer serves
 * every element and stops when the last one is removed.
 */

type Host = ReactiveControllerHost & HTMLElement;

/** The parent a style is inherited from, across a shadow root's boundary. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

let probe: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;

/** [r, g, b, a] (0–255, alpha 0–1) of a computed colour, in any syntax the engine serialises. */
function rgba(color: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color);
  if (m) {
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [+m[1]!, +m[2]!, +m[3]!, a];
  }
  // Other syntaxes (oklch(), color(srgb …)): let a 1 × 1 canvas convert it.
  if (probe === undefined) {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    probe = canvas.getContext('2d', { willReadFrequently: true }) ?? null;
  }
  if (!probe) return null;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** Relative luminance (WCAG) of an sRGB colour. */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const prefersDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/** True when the page around `host` is dark (see the module's comment). */
export function pageIsDark(host: Element): boolean {
  const parent = parentOf(host) ?? document.documentElement;
  const scheme = getComputedStyle(parent).colorScheme;
  const words = scheme.split(/\s+/);
  const light = words.includes('light');
  const dark = words.includes('dark');
  if (dark && !light) return true;
  if (light && !dark) return false;
  if (light && dark) return prefersDark();
  for (let el: Element | null = parent; el; el = parentOf(el)) {
    const c = rgba(getComputedStyle(el).backgroundColor);
    // A half-transparent wash still shows what is under it: keep looking past it.
    if (c && c[3] >= 0.5) return luminance(c) < 0.2;
  }
  return false;
}

const hosts = new Set<PageSchemeController>();
let observer: MutationObserver | null = null;
let media: MediaQueryList | null = null;
let frame = 0;

function recheckAll() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    for (const c of hosts) c.check();
  });
}

function watch(on: boolean) {
  if (on && !observer) {
    observer = new MutationObserver(recheckAll);
    const options = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme', 'data-mode'] };
    observer.observe(document.documentElement, options);
    if (document.body) observer.observe(document.body, options);
    media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener('change', recheckAll);
  } else if (!on && observer) {
    observer.disconnect();
    observer = null;
    media?.removeEventListener('change', recheckAll);
    media = null;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  }
}

/** Sets the host's `page-dark` custom state from the page around it, and keeps it current. */
export class PageSchemeController implements ReactiveController {
  constructor(
    private readonly host: Host,
    private readonly states: CustomStateSet | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    watch(true);
    this.check();
  }

  hostDisconnected(): void {
    hosts.delete(this);
    if (!hosts.size) watch(false);
  }

  /** Looks at the page again. */
  check(): void {
    if (!this.states || !this.host.isConnected) return;
    const dark = pageIsDark(this.host);
    try {
      if (dark) this.states.add('page-dark');
      else this.states.delete('page-dark');
    } catch {
      // An engine without named custom states: auto stays light.
    }
  }
}
