/**
 * What a story watches outside itself: whether it is near the viewport (or the page is being
 * printed), paragraphs of the article crossing the reading line, and the page's URL hash.
 * Observers and listeners are added on connection and released on disconnection.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VisibilityHost extends ReactiveControllerHost, HTMLElement {
  /** The page's hash changed. */
  hashChanged(): void;
  /** An article paragraph marked for an event crossed the reading line. */
  stepReached(step: HTMLElement): void;
}

export class VisibilityController implements ReactiveController {
  /** Near the viewport, printing, or forced: render and fetch. */
  near = false;
  private viewport: IntersectionObserver | null = null;
  private steps: IntersectionObserver | null = null;

  constructor(private readonly host: VisibilityHost) {
    host.addController(this);
  }

  /** Renders at once (a link names the story, or there is no IntersectionObserver). */
  approach = (): void => {
    this.viewport?.disconnect();
    this.viewport = null;
    if (this.near) return;
    this.near = true;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') this.approach();
    else if (!this.near) {
      this.viewport = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.approach(), { rootMargin: '600px 0px' });
      this.viewport.observe(this.host);
    }
    window.addEventListener('beforeprint', this.approach);
    window.addEventListener('hashchange', this.handleHash);
  }

  hostDisconnected(): void {
    this.viewport?.disconnect();
    this.viewport = null;
    this.unwatchSteps();
    window.removeEventListener('beforeprint', this.approach);
    window.removeEventListener('hashchange', this.handleHash);
  }

  /** Watches paragraphs as they cross the reading line (45 % to 50 % down the viewport). */
  watchSteps(paragraphs: readonly HTMLElement[]): void {
    this.unwatchSteps();
    if (!paragraphs.length || typeof IntersectionObserver === 'undefined') return;
    this.steps = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.host.stepReached(entry.target as HTMLElement);
      },
      { rootMargin: '-45% 0px -50% 0px' },
    );
    for (const p of paragraphs) this.steps.observe(p);
  }

  private unwatchSteps() {
    this.steps?.disconnect();
    this.steps = null;
  }

  private readonly handleHash = () => this.host.hashChanged();
}
