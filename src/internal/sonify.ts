/**
 * Plays an incident's sonification schedule (src/layout/sonification.ts) through Web Audio.
 * Loaded only when a reader asks for sound, as a chunk of its own with the schedule. The caller
 * owns the AudioContext: it creates it inside the reader's click, as browsers' autoplay
 * policies require, and closes it.
 */
import { sonify, type Tone } from '../layout/sonification.js';
import type { ResolvedIncident } from '../model/types.js';

/** A little time for the first click, so that it is not cut by scheduling in the past. */
const LEAD = 0.05;
const ATTACK = 0.004;
/** The whole pass, quieter than a page's own media might be. */
const VOLUME = 0.6;

/** Plays the incident's events as clicks (see {@link playTones}); returns the function that stops it. */
export function playIncident(ctx: BaseAudioContext, r: ResolvedIncident, onEnd: () => void): () => void {
  return playTones(ctx, sonify(r).tones, onEnd);
}

/**
 * Schedules one oscillator per tone, each shaped into a click by its own gain envelope, all
 * at once on the audio clock (no timers). `onEnd` runs when the last one has sounded, unless
 * stopped first. Returns the function that stops it.
 */
export function playTones(ctx: BaseAudioContext, tones: readonly Tone[], onEnd: () => void): () => void {
  const start = ctx.currentTime + LEAD;
  const master = ctx.createGain();
  master.gain.value = VOLUME;
  master.connect(ctx.destination);
  const oscillators: OscillatorNode[] = [];
  let last: OscillatorNode | null = null;
  let lastEnd = -Infinity;
  let stopped = false;
  for (const t of tones) {
    const at = start + t.at;
    const end = at + t.duration;
    const osc = ctx.createOscillator();
    osc.type = 'triangle';
    osc.frequency.setValueAtTime(t.frequency, at);
    const envelope = ctx.createGain();
    envelope.gain.setValueAtTime(0, at);
    envelope.gain.linearRampToValueAtTime(t.gain, at + ATTACK);
    // Exponential decay cannot reach 0: fade to silence, then stop just after.
    envelope.gain.exponentialRampToValueAtTime(0.0001, end);
    osc.connect(envelope);
    envelope.connect(master);
    osc.start(at);
    osc.stop(end + 0.01);
    oscillators.push(osc);
    if (end >= lastEnd) {
      lastEnd = end;
      last = osc;
    }
  }
  const finish = () => {
    if (stopped) return;
    stopped = true;
    onEnd();
  };
  if (last) last.onended = finish;
  else queueMicrotask(finish);
  return () => {
    stopped = true;
    for (const osc of oscillators) {
      osc.onended = null;
      try {
        osc.stop();
      } catch {
        // Already stopped: nothing to do.
      }
    }
    master.disconnect();
  };
}
