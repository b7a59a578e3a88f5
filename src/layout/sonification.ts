/**
 * The timeline as sound, as a schedule: one short click per event, in time order, at a pitch
 * that says its lane. Pure (no Web Audio): src/internal/sonify.ts plays what this returns.
 *
 * Time maps onto the pass in proportion, so a burst of events sounds like a burst and a quiet
 * week like a pause, but no two clicks come closer than `minGap`, so every event is heard.
 * Above `maxTones` events (forensic scale) the pass would be minutes long: events are counted
 * into `maxTones` equal slices of time instead, one click per lane per slice, louder for more.
 */
import type { ResolvedIncident } from '../model/types.js';

/** One click: when, how high, how long and how loud, and the events it stands for. */
export interface Tone {
  /** Seconds from the start of the pass. */
  at: number;
  /** Hz. */
  frequency: number;
  /** Seconds. */
  duration: number;
  /** 0–1. */
  gain: number;
  lane: string;
  /** Ids of the events heard in this click, in time order (one, except at forensic scale). */
  ids: string[];
}

export interface SonificationOptions {
  /** Seconds the pass aims to last before gaps are widened to `minGap` (default: 0.4 s per event, 4–24 s). */
  length?: number;
  /** Least time between two clicks in seconds (default 0.15). */
  minGap?: number;
  /** Most clicks; more events than this are counted into slices (default 400). */
  maxTones?: number;
}

export interface Sonification {
  tones: Tone[];
  /** Seconds until the last click has faded. */
  length: number;
}

/** Semitones of a major pentatonic scale: any two lanes sound well together. */
const PENTATONIC = [0, 2, 4, 7, 9];
/** The pitch of the lowest lane: A3. */
const BASE_HZ = 220;
const CLICK = 0.06;
const MILESTONE_CLICK = 0.12;

/**
 * The pitch of lane `i` of `n`: the first lane (drawn on top) the highest, each lane below one
 * step of the pentatonic scale lower, so that higher on the chart sounds higher.
 */
export function laneFrequency(i: number, n: number): number {
  const step = Math.max(0, n - 1 - i);
  const semitones = 12 * Math.floor(step / PENTATONIC.length) + PENTATONIC[step % PENTATONIC.length]!;
  return BASE_HZ * 2 ** (semitones / 12);
}

/** The schedule of the whole incident, earliest event first. */
export function sonify(r: ResolvedIncident, o: SonificationOptions = {}): Sonification {
  const events = r.events;
  if (!events.length) return { tones: [], length: 0 };
  const minGap = o.minGap ?? 0.15;
  const maxTones = Math.max(1, o.maxTones ?? 400);
  const laneIndex = new Map(r.lanes.map((l, i) => [l.id, i]));
  const pitch = (lane: string) => laneFrequency(laneIndex.get(lane) ?? 0, r.lanes.length);
  const t0 = events[0]!.start.start;
  const span = Math.max(1, events[events.length - 1]!.start.start - t0);
  const tones: Tone[] = [];

  if (events.length <= maxTones) {
    const length = o.length ?? Math.min(24, Math.max(4, events.length * 0.4));
    // In proportion to time, then pushed later wherever two would come too close.
    let last = -Infinity;
    for (const e of events) {
      const at = Math.max(((e.start.start - t0) / span) * length, last + minGap);
      last = at;
      tones.push({
        at,
        frequency: pitch(e.lane),
        duration: e.milestone ? MILESTONE_CLICK : CLICK,
        gain: e.milestone ? 0.5 : 0.3,
        lane: e.lane,
        ids: [e.id],
      });
    }
  } else {
    // Forensic scale: one click per lane per slice of time, louder for more events.
    const slices = maxTones;
    const length = o.length ?? Math.max(24, slices * minGap);
    const buckets = new Map<string, { slice: number; lane: string; ids: string[] }>();
    for (const e of events) {
      const slice = Math.min(slices - 1, Math.floor(((e.start.start - t0) / span) * slices));
      const key = `${slice}\u0000${e.lane}`;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { slice, lane: e.lane, ids: [] }));
      b.ids.push(e.id);
    }
    const most = Math.max(...[...buckets.values()].map((b) => b.ids.length));
    for (const b of buckets.values()) {
      tones.push({
        at: (b.slice / slices) * length,
        frequency: pitch(b.lane),
        duration: CLICK,
        gain: 0.15 + 0.35 * (Math.log1p(b.ids.length) / Math.log1p(most)),
        lane: b.lane,
        ids: b.ids,
      });
    }
    // Buckets were made in event order; slices of one time sound together, top lane first.
    tones.sort((a, b) => a.at - b.at || (laneIndex.get(a.lane) ?? 0) - (laneIndex.get(b.lane) ?? 0));
  }
  const end = Math.max(...tones.map((t) => t.at + t.duration));
  return { tones, length: end };
}
