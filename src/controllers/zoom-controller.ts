import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { D3ZoomEvent, ZoomBehavior } from 'd3-zoom';

/** The zoom transform as plain numbers: x' = k·x + x. */
export interface Transform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

const IDENTITY: Transform = { k: 1, x: 0, y: 0 };

type D3 = { zoom: typeof import('d3-zoom'); selection: typeof import('d3-selection') };
let d3: Promise<D3> | null = null;
/** d3-zoom and d3-selection are a chunk of their own: only a horizontal timeline zooms. */
const loadD3 = (): Promise<D3> => (d3 ??= Promise.all([import('d3-zoom'), import('d3-selection')]).then(([zoom, selection]) => ({ zoom, selection })));

/**
 * d3-zoom on one node Lit renders once: d3 owns the listeners and `__zoom`, the host gets
 * the transform as state and derives its scale from it. The page is never trapped: a plain
 * wheel scrolls the page (Ctrl/⌘ + wheel or a trackpad pinch zooms), one finger scrolls the
 * page (two fingers pinch), and no transition runs, so reduced motion holds by construction.
 *
 * d3 is not needed to draw, so it loads after the first paint: on the reader's first gesture
 * on the chart (pointer, touch, focus, Ctrl + wheel), on a zoom button, or when the page is
 * idle, whichever comes first. A Ctrl + wheel before then is kept from zooming the page and
 * applied once d3 is in. Calls made before d3 has loaded are applied once it has.
 */
export class ZoomController implements ReactiveController {
  transform: Transform = IDENTITY;
  private node: SVGSVGElement | null = null;
  private bounds = '';
  private behavior: ZoomBehavior<SVGSVGElement, unknown> | null = null;
  private lib: D3 | null = null;
  private connected = true;
  /** What `attach` was last asked for, bound once d3 is in. */
  private wanted: { node: SVGSVGElement; left: number; right: number; height: number; maxScale: number } | null = null;
  /** The node whose first gesture will load d3, and how to stop waiting. */
  private waiting: { node: SVGSVGElement; stop: () => void } | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Loads d3 (once) and binds to the node `attach` was given. */
  private load(): Promise<void> {
    return (this.loading ??= loadD3().then((lib) => {
      this.lib = lib;
      if (this.connected) this.bind();
    }));
  }

  /** Runs `fn` with d3 and the node bound, now or when both are ready. */
  private withZoom(fn: (d3: D3, behavior: ZoomBehavior<SVGSVGElement, unknown>, node: SVGSVGElement) => void): void {
    if (this.lib && this.behavior && this.node) {
      fn(this.lib, this.behavior, this.node);
      return;
    }
    void this.load().then(() => {
      if (this.connected && this.lib && this.behavior && this.node) fn(this.lib, this.behavior, this.node);
    });
  }

  private create(lib: D3): ZoomBehavior<SVGSVGElement, unknown> {
    return lib.zoom
      .zoom<SVGSVGElement, unknown>()
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type === 'touchstart') return (event as TouchEvent).touches.length > 1;
        if (event.type === 'dblclick') return false;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        const t = event.transform;
        if (t.k === this.transform.k && t.x === this.transform.x && t.y === this.transform.y) return;
        this.transform = t;
        this.host.requestUpdate();
      });
  }

  /** Binds to `node` (again, if Lit replaced it) and bounds zoom and pan to [left, right]. */
  attach(node: SVGSVGElement, left: number, right: number, height: number, maxScale: number): void {
    // An update that runs after the host left the page arms nothing: it is attached again
    // when it comes back (hostDisconnected cleared the bounds).
    if (!this.connected) return;
    const bounds = `${left}|${right}|${height}|${maxScale}`;
    if (node === this.node && bounds === this.bounds && this.behavior) return;
    this.bounds = bounds;
    this.wanted = { node, left, right, height, maxScale };
    if (this.lib) this.bind();
    else this.waitFor(node);
  }

  /** Until d3 is in: the first gesture on `node`, or an idle moment, loads it. */
  private waitFor(node: SVGSVGElement) {
    if (this.waiting?.node === node) return;
    this.waiting?.stop();
    const go = () => void this.load();
    const wheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      // The browser would zoom the whole page: zoom the chart instead, once d3 is in.
      event.preventDefault();
      const r = node.getBoundingClientRect();
      const factor = 2 ** (-event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * 10);
      // In the chart's own units (its viewBox), which a scaled text size makes differ from CSS px.
      const units = node.viewBox.baseVal?.width || r.width;
      this.scaleBy(factor, ((event.clientX - r.left) * units) / (r.width || 1));
    };
    const gestures = ['pointerdown', 'touchstart', 'focusin'] as const;
    for (const type of gestures) node.addEventListener(type, go, { passive: true });
    node.addEventListener('wheel', wheel, { passive: false });
    // Each id is cancelled by its own kind: an idle-callback id passed to clearTimeout would
    // cancel whichever of the page's timers happens to share the number.
    const idle = typeof requestIdleCallback === 'function';
    const id = idle ? requestIdleCallback(go, { timeout: 4000 }) : window.setTimeout(go, 2000);
    this.waiting = {
      node,
      stop: () => {
        for (const type of gestures) node.removeEventListener(type, go);
        node.removeEventListener('wheel', wheel);
        if (idle) cancelIdleCallback(id);
        else clearTimeout(id);
      },
    };
  }

  private bind() {
    const lib = this.lib;
    const want = this.wanted;
    if (!lib || !want || !this.connected) return;
    this.waiting?.stop();
    this.waiting = null;
    const { node, left, right, height, maxScale } = want;
    this.behavior ??= this.create(lib);
    this.behavior
      .scaleExtent([1, Math.max(1, maxScale)])
      .extent([
        [left, 0],
        [right, height],
      ])
      .translateExtent([
        [left, 0],
        [right, height],
      ]);
    const sel = lib.selection.select(node);
    if (node !== this.node) {
      this.detach();
      this.node = node;
      sel.call(this.behavior);
    }
    // Keep what the reader had, clamped to the new bounds (a resize, or Lit swapped the node).
    const t = lib.zoom.zoomIdentity.translate(this.transform.x, this.transform.y).scale(this.transform.k);
    sel.call(this.behavior.transform, t).call(this.behavior.scaleBy, 1);
  }

  /** Zooms by a factor about the centre of the view, or about the view's x position `at`. */
  scaleBy(factor: number, at?: number): void {
    this.withZoom((lib, behavior, node) => {
      const sel = lib.selection.select(node);
      if (at === undefined) sel.call(behavior.scaleBy, factor);
      else sel.call(behavior.scaleBy, factor, [at, 0]);
    });
  }

  /**
   * Pans by `dx` CSS px of the view (positive shows earlier times), keeping the scale; the
   * translate extent stops it at the ends of the data.
   */
  panBy(dx: number): void {
    this.withZoom((lib, behavior, node) => lib.selection.select(node).call(behavior.translateBy, dx / this.transform.k, 0));
  }

  /** Shows everything. */
  reset(): void {
    if (!this.node) this.transform = IDENTITY;
    this.withZoom((lib, behavior, node) => lib.selection.select(node).call(behavior.transform, lib.zoom.zoomIdentity));
  }

  /** Pans (keeping the scale) so the unzoomed x position is in the centre of the view. */
  centerOn(x: number): void {
    this.withZoom((lib, behavior, node) => lib.selection.select(node).call(behavior.translateTo, x, 0));
  }

  /** Zooms to scale `k` with the unzoomed x position in the centre of the view [left, right]. */
  zoomAbout(x: number, k: number, left: number, right: number): void {
    this.withZoom((lib, behavior, node) => {
      const centre = (left + right) / 2;
      lib.selection.select(node).call(behavior.transform, lib.zoom.zoomIdentity.translate(centre - k * x, 0).scale(k));
    });
  }

  /** Zooms so the unzoomed span [x0, x1] fills the view. */
  zoomTo(x0: number, x1: number, left: number, right: number): void {
    this.withZoom((lib, behavior, node) => {
      const k = (right - left) / Math.max(1, x1 - x0);
      lib.selection.select(node).call(behavior.transform, lib.zoom.zoomIdentity.translate(left, 0).scale(k).translate(-x0, 0));
    });
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.waiting?.stop();
    this.waiting = null;
    this.wanted = null;
    this.detach();
    this.bounds = '';
  }

  private detach() {
    if (this.node && this.lib) this.lib.selection.select(this.node).on('.zoom', null);
    this.node = null;
  }
}
