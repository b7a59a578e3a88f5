/**
 * The timeline played as sound: an AudioContext made inside the reader's click (the autoplay
 * policy allows sound only then, so it never starts by itself), the Web Audio code loaded on
 * first use as a chunk of its own, and everything released when the sound stops: by the
 * reader, at the end, or when the element is removed, hidden, or its page goes to the
 * background. Listeners and the observer exist only while sound plays.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResolvedIncident } from '../model/types.js';

type AudioContextClass = new () => AudioContext;

/** The page's AudioContext, looked up when asked (a page or a test may replace it). */
function audioContextClass(): AudioContextClass | undefined {
  if (typeof window === 'undefined') return undefined;
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext;
}

export class SoundController implements ReactiveController {
  private ctx: AudioContext | null = null;
  private stopTones: (() => void) | null = null;
  private hidden: ResizeObserver | null = null;
  /** The incident playing, or null. */
  private source: ResolvedIncident | null = null;

  /** `ended`: called when the pass ends without the host stopping it (its end, or Escape). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly ended: () => void,
  ) {
    host.addController(this);
  }

  /** The browser can play sound. */
  get supported(): boolean {
    return audioContextClass() !== undefined;
  }

  get playing(): boolean {
    return this.ctx !== null;
  }

  /** The incident playing, or null. */
  get playingFrom(): ResolvedIncident | null {
    return this.source;
  }

  /** Starts the pass through the incident's events; call it from the reader's click or key press, never otherwise. */
  play(r: ResolvedIncident): void {
    const Context = audioContextClass();
    if (this.ctx || !Context) return;
    const ctx = new Context();
    this.ctx = ctx;
    this.source = r;
    // A context made in a gesture runs, but one made while another tab held the audio device may start suspended.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    document.addEventListener('visibilitychange', this.onVisibility);
    // Escape stops it wherever focus is: sound is not tied to where the reader is.
    document.addEventListener('keydown', this.onKey, true);
    this.hidden = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box && box.width === 0 && box.height === 0) this.stopAndUpdate();
    });
    this.hidden.observe(this.host);
    import('../internal/sonify.js')
      .then(({ playIncident }) => {
        if (this.ctx !== ctx) return; // Stopped while loading.
        this.stopTones = playIncident(ctx, r, () => {
          if (this.ctx !== ctx) return;
          this.stop();
          this.ended();
          this.host.requestUpdate();
        });
      })
      .catch(() => this.stopAndUpdate());
    this.host.requestUpdate();
  }

  /** Stops the sound and closes the context; false when nothing was playing. */
  stop(): boolean {
    const ctx = this.ctx;
    if (!ctx) return false;
    this.ctx = null;
    this.source = null;
    this.stopTones?.();
    this.stopTones = null;
    void ctx.close().catch(() => undefined);
    document.removeEventListener('visibilitychange', this.onVisibility);
    document.removeEventListener('keydown', this.onKey, true);
    this.hidden?.disconnect();
    this.hidden = null;
    return true;
  }

  private stopAndUpdate() {
    if (this.stop()) this.host.requestUpdate();
  }

  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.ctx) return;
    this.stopAndUpdate();
    this.ended();
    event.preventDefault();
  };

  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.stopAndUpdate();
  };

  hostConnected(): void {
    // Nothing plays until the reader asks.
  }

  hostDisconnected(): void {
    this.stop();
  }
}
