import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * Tracks the host's content width with a ResizeObserver and asks for an update when it
 * changes by a whole pixel. Disconnects with the host, so nothing outlives removal.
 */
export class ResizeController implements ReactiveController {
  /** Content width in CSS px; 0 until first measured. */
  width = 0;
  private observer: ResizeObserver | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    if (isServer || this.observer) return;
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentBoxSize?.[0];
      const width = Math.round(box ? box.inlineSize : entries[entries.length - 1].contentRect.width);
      if (width !== this.width) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
