import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

/**
 * d3-zoom on one node Lit renders once: d3 owns the listeners and `__zoom`, the host gets
 * the transform as state and derives its scale from it. The page is never trapped: a plain
 * wheel scrolls the page (Ctrl/⌘ + wheel or a trackpad pinch zooms), one finger scrolls the
 * page (two fingers pinch), and no transition runs, so reduced motion holds by construction.
 */
export class ZoomController implements ReactiveController {
  transform: ZoomTransform = zoomIdentity;
  private node: SVGSVGElement | null = null;
  private bounds = '';
  private readonly behavior: ZoomBehavior<SVGSVGElement, unknown>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.behavior = zoom<SVGSVGElement, unknown>()
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
    const bounds = `${left}|${right}|${height}|${maxScale}`;
    if (node === this.node && bounds === this.bounds) return;
    this.bounds = bounds;
    this.behavior
      .scaleExtent([1, Math.max(1, maxScale)])
      .extent([[left, 0], [right, height]])
      .translateExtent([[left, 0], [right, height]]);
    if (node !== this.node) {
      this.detach();
      this.node = node;
      select(node).call(this.behavior);
    }
    // Keep what the reader had, clamped to the new bounds (a resize, or Lit swapped the node).
    select(node).call(this.behavior.transform, this.transform).call(this.behavior.scaleBy, 1);
  }

  /** Zooms by a factor about the centre of the view. */
  scaleBy(factor: number): void {
    if (this.node) select(this.node).call(this.behavior.scaleBy, factor);
  }

  /** Shows everything. */
  reset(): void {
    if (this.node) select(this.node).call(this.behavior.transform, zoomIdentity);
    else this.transform = zoomIdentity;
  }

  /** Pans (keeping the scale) so the unzoomed x position is in the centre of the view. */
  centerOn(x: number): void {
    if (this.node) select(this.node).call(this.behavior.translateTo, x, 0);
  }

  /** Zooms so the unzoomed span [x0, x1] fills the view. */
  zoomTo(x0: number, x1: number, left: number, right: number): void {
    if (!this.node) return;
    const k = (right - left) / Math.max(1, x1 - x0);
    const t = zoomIdentity.translate(left, 0).scale(k).translate(-x0, 0);
    select(this.node).call(this.behavior.transform, t);
  }

  hostDisconnected(): void {
    this.detach();
  }

  private detach() {
    if (this.node) select(this.node).on('.zoom', null);
    this.node = null;
  }
}
