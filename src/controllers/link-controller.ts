/**
 * Linking: elements telling the same story share one selection. Each element joins the
 * channel named by its link key (its `link` attribute, else its incident's `id`, else its
 * `src`); a story gives its parts its own key, so the story and its parts are one channel.
 * A reader's choice in any member is the choice in all of them, with no events between them
 * and nothing pushed into each.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NO_SELECTION, sameSelection, type Selection } from '../model/selection.js';

/** The elements sharing one key, and their selection. */
interface Channel {
  selection: Selection;
  readonly members: Set<LinkController>;
}

const channels = new Map<string, Channel>();
const isEmpty = (s: Selection) => s.event === undefined && s.place === undefined && s.claim === undefined;

/** What a linked element offers: the key naming its story, and a hook for new selections. */
export interface LinkHost extends ReactiveControllerHost {
  /** Elements with the same non-empty key share their selection. */
  readonly linkKey: string;
  /** Called after the selection changed, by this element or a linked one. */
  selectionChanged(value: Selection, previous: Selection): void;
}

/**
 * Holds an element's selection, shared through its channel while it is connected and has a
 * key, its own otherwise. Channels are released when their last member leaves.
 */
export class LinkController implements ReactiveController {
  private own: Selection = NO_SELECTION;
  private channel: Channel | null = null;
  private key = '';

  constructor(private readonly host: LinkHost & { readonly isConnected: boolean }) {
    host.addController(this);
  }

  /** The selection in force: the channel's while linked. */
  get value(): Selection {
    return this.channel?.selection ?? this.own;
  }

  /** Sets the selection here and in every linked element; false when nothing changed. */
  set(next: Selection): boolean {
    const previous = this.value;
    if (sameSelection(previous, next)) return false;
    this.own = next;
    if (this.channel) {
      this.channel.selection = next;
      for (const member of this.channel.members) member.changed(next, previous);
    } else this.changed(next, previous);
    return true;
  }

  /** The other elements sharing this selection. */
  peers(): LinkHost[] {
    return this.channel ? [...this.channel.members].filter((m) => m !== this).map((m) => m.host) : [];
  }

  hostConnected(): void {
    this.relink();
  }

  hostDisconnected(): void {
    this.leave();
    this.key = '';
  }

  /** The key may change with the data (an incident's id arrives): follow it. */
  hostUpdate(): void {
    this.relink();
  }

  private changed(value: Selection, previous: Selection) {
    this.own = value;
    this.host.selectionChanged(value, previous);
  }

  private relink() {
    // A removed element may still update; it must not rejoin (the registry would keep it).
    const key = this.host.isConnected ? this.host.linkKey : '';
    if (key === this.key && (this.channel !== null) === (key !== '')) return;
    this.leave();
    this.key = key;
    if (!key) return;
    let channel = channels.get(key);
    if (!channel) channels.set(key, (channel = { selection: NO_SELECTION, members: new Set() }));
    const others = [...channel.members];
    channel.members.add(this);
    this.channel = channel;
    const theirs = channel.selection;
    if (!others.length || (isEmpty(theirs) && !isEmpty(this.own))) {
      // The first member, or the only one with a choice: the others follow ours.
      channel.selection = this.own;
      if (!sameSelection(theirs, this.own)) for (const member of others) member.changed(this.own, theirs);
    } else if (!sameSelection(theirs, this.own)) {
      // Joining a story in progress: follow it.
      this.changed(theirs, this.own);
    }
  }

  private leave() {
    const channel = this.channel;
    if (!channel) return;
    channel.members.delete(this);
    if (!channel.members.size) channels.delete(this.key);
    this.channel = null;
  }
}
