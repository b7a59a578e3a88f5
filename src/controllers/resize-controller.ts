import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * Tracks the host's content width and asks for an update when it changes by a whole pixel.
 * The width is read once on connection so the first render has it; later changes update on
 * the next animation frame, never inside the observer's own turn, because a render there
 * changes the host's height and browsers report that as a ResizeObserver loop error on the
 * host page. Observer and frame are released on disconnection.
 */
export class ResizeController implements ReactiveController {
  /** Content width in CSS px; 0 until measured. */
  width = 0;
  private observer: ResizeObserver | null = null;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (isServer || this.observer) return;
    this.width = Math.round(this.host.clientWidth);
    this.observer = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (!entry) return;
      const box = entry.contentBoxSize?.[0];
      const width = Math.round(box ? box.inlineSize : entry.contentRect.width);
      // Zero means hidden (a collapsed tab, display:none, some capture modes): keep the last
      // layout rather than redraw an empty one and jump when shown again.
      if (width === this.width || width === 0) return;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.width = width;
        this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
