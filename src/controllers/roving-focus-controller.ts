/**
 * Roving focus for a chart drawn as a listbox of marks (timeline events and bins, map places
 * and claims): one tab stop, arrow keys / Home / End through the items in reading order,
 * Enter and Space to choose, Escape to clear. Focus follows the reader's moves after each
 * update, comes back to the same item (or the chart's tab stop) when a redraw removed the
 * focused node, and is never pulled back once the reader has put it elsewhere on the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One focusable item. Ids are opaque: compared, never parsed. */
export interface FocusItem {
  readonly kind: string;
  readonly id: string;
}

export const sameItem = (a: FocusItem | null | undefined, b: FocusItem | null | undefined): boolean => a === b || (!!a && !!b && a.kind === b.kind && a.id === b.id);

/** The index a key moves to in a list of `n` items, or null for other keys. The ends hold. */
export function rovingIndex(key: string, i: number, n: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(n - 1, i + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, i - 1);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    default:
      return null;
  }
}

/** What the chart tells the controller. */
export interface RovingOptions {
  /** Every item in keyboard order, drawn or not. */
  order(): readonly FocusItem[];
  /** The item a node inside the chart belongs to, or null. */
  itemOf(node: Element): FocusItem | null;
  /** The node drawn for an item, or null when it is not drawn. */
  element(item: FocusItem): HTMLElement | SVGElement | null;
  /** Items preferred for the tab stop while the reader has not moved (the selection). */
  preferred(): readonly (FocusItem | null)[];
  /** Makes an item drawn (pans, moves a window) before focus goes to it. */
  reveal?(item: FocusItem): void;
  /** Enter or Space on an item. */
  activate(item: FocusItem): void;
  /** Escape; false lets the key through to the page. */
  escape(): boolean;
  /** Other keys on an item (zoom); true when handled. */
  key?(event: KeyboardEvent, item: FocusItem): boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class RovingFocusController implements ReactiveController {
  /** The item the reader last focused or moved to. */
  focused: FocusItem | null = null;
  /** Focus should go to `focused` once it is drawn. */
  private pending = false;
  /** The focused node was removed by a redraw: put focus back. */
  private restore = false;
  private hadFocus: FocusItem | null = null;
  /** The next focus move comes from another element: make it wherever focus is. */
  private forced = false;

  constructor(
    private readonly host: Host,
    readonly options: RovingOptions,
  ) {
    host.addController(this);
  }

  /** The one item with tabindex 0 among those drawn. */
  tabStop(drawn: readonly FocusItem[]): FocusItem | null {
    const byKind = new Map<string, Set<string>>();
    for (const d of drawn) {
      let ids = byKind.get(d.kind);
      if (!ids) byKind.set(d.kind, (ids = new Set()));
      ids.add(d.id);
    }
    const isDrawn = (i: FocusItem | null): i is FocusItem => !!i && !!byKind.get(i.kind)?.has(i.id);
    if (isDrawn(this.focused)) return this.focused;
    for (const p of this.options.preferred()) if (isDrawn(p)) return p;
    return this.options.order().find(isDrawn) ?? null;
  }

  /**
   * Moves focus to an item, drawing it first if need be. `fromElsewhere`: the reader acted in
   * another part (a linked map), so focus moves here even though it is not inside yet.
   */
  focus(item: FocusItem, fromElsewhere = false): void {
    this.focused = item;
    this.pending = true;
    this.forced = fromElsewhere;
    if (!this.options.element(item)) this.options.reveal?.(item);
    this.host.requestUpdate();
  }

  readonly handleKeydown = (event: KeyboardEvent): void => {
    const item = this.itemFrom(event);
    if (!item) return;
    const order = this.options.order();
    const i = order.findIndex((o) => sameItem(o, item));
    const to = rovingIndex(event.key, i, order.length);
    if (to !== null) {
      event.preventDefault();
      const next = order[to];
      if (to !== i && next) this.focus(next);
      return;
    }
    let handled: boolean;
    if (event.key === 'Enter' || event.key === ' ') {
      this.focused = item;
      this.options.activate(item);
      handled = true;
    } else if (event.key === 'Escape') handled = this.options.escape();
    else handled = this.options.key?.(event, item) ?? false;
    if (handled) event.preventDefault();
  };

  readonly handleFocusIn = (event: FocusEvent): void => {
    const item = this.itemFrom(event);
    if (item && !sameItem(item, this.focused)) {
      this.focused = item;
      this.host.requestUpdate();
    }
  };

  hostUpdate(): void {
    const active = this.activeInside();
    this.hadFocus = active ? this.options.itemOf(active) : null;
  }

  hostUpdated(): void {
    const inside = this.activeInside() !== null;
    const lost = !inside && this.focusLost();
    if (this.hadFocus && lost) {
      this.restore = true;
      this.focused ??= this.hadFocus;
    }
    this.hadFocus = null;
    if (!this.pending && !this.restore) return;
    if (!inside && !lost && !this.forced) {
      // The reader is elsewhere on the page: leave focus where they put it.
      this.pending = this.restore = false;
      return;
    }
    const target = this.focused ? this.options.element(this.focused) : null;
    if (target) {
      if (this.activeInside() !== target) target.focus();
      this.pending = this.restore = this.forced = false;
    } else if (this.restore) {
      const stop = this.host.renderRoot.querySelector<HTMLElement | SVGElement>('[role="listbox"] [tabindex="0"]');
      if (stop) {
        this.focused = this.options.itemOf(stop);
        stop.focus();
        this.restore = this.pending = false;
      }
      // Nothing drawn yet (new data loading): try again after the next update.
    }
  }

  hostDisconnected(): void {
    this.pending = this.restore = this.forced = false;
    this.hadFocus = null;
  }

  /**
   * True when focus is nowhere: on the body, or (Firefox, after the focused node was
   * removed) still on this element's host, or a host around it, with nothing focused inside.
   */
  private focusLost(): boolean {
    let active: Element | null = document.activeElement;
    while (active && active !== this.host && active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return (
      active === null ||
      active === document.body ||
      active === this.host ||
      (active.shadowRoot !== null && active.contains(this.host) === false && active.shadowRoot.contains(this.host))
    );
  }

  private itemFrom(event: Event): FocusItem | null {
    const target = event.target;
    return target instanceof Element ? this.options.itemOf(target) : null;
  }

  private activeInside(): Element | null {
    const root = this.host.renderRoot;
    return root instanceof ShadowRoot ? root.activeElement : null;
  }
}
