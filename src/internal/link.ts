import type { ReactiveController } from 'lit';
import type { AttackSelectDetail } from '../events.js';

/** What a linked element must offer: a key naming its story, and a way to follow a peer. */
export interface Linkable extends HTMLElement {
  /** Elements with the same non-empty key follow each other's selections. */
  readonly linkKey: string;
  /** Applies a peer's selection programmatically (no `attack-select` of its own). */
  followSelection(detail: AttackSelectDetail): void;
}

/**
 * Links a timeline, a map (and later a story's parts) that tell the same incident: a reader's
 * selection in one (`attack-select`, which bubbles and is composed) is followed by the others.
 * Elements are linked when their `link` attribute matches, or, without one, when they show the
 * same incident (same `id`, else the same `src`). The listener is on the document, added on
 * connection and removed on disconnection.
 */
export class LinkController implements ReactiveController {
  constructor(private readonly host: Linkable & { addController(c: ReactiveController): void }) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('attack-select', this.handleSelect);
  }

  hostDisconnected(): void {
    document.removeEventListener('attack-select', this.handleSelect);
  }

  private readonly handleSelect = (event: Event) => {
    const source = event.composedPath()[0];
    if (source === this.host || !isLinkable(source)) return;
    const key = this.host.linkKey;
    if (!key || key !== source.linkKey) return;
    this.host.followSelection((event as CustomEvent<AttackSelectDetail>).detail);
  };
}

function isLinkable(node: unknown): node is Linkable {
  return node instanceof HTMLElement && 'linkKey' in node && typeof (node as Partial<Linkable>).followSelection === 'function';
}
