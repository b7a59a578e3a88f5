/**
 * A recording stand-in for the page's AudioContext: no sound, every context, oscillator and
 * schedule call kept for a test to read. `installFakeAudio()` puts it in place of
 * `window.AudioContext` (and `webkitAudioContext`); the function it returns puts the real one
 * back.
 */

class FakeParam {
  value = 0;
  readonly calls: { method: string; value: number; time: number }[] = [];
  setValueAtTime(value: number, time: number) {
    this.calls.push({ method: 'setValueAtTime', value, time });
    return this;
  }
  linearRampToValueAtTime(value: number, time: number) {
    this.calls.push({ method: 'linearRampToValueAtTime', value, time });
    return this;
  }
  exponentialRampToValueAtTime(value: number, time: number) {
    this.calls.push({ method: 'exponentialRampToValueAtTime', value, time });
    return this;
  }
}

class FakeNode {
  readonly connections: FakeNode[] = [];
  disconnected = false;
  connect<T extends FakeNode>(node: T): T {
    this.connections.push(node);
    return node;
  }
  disconnect() {
    this.disconnected = true;
  }
}

export class FakeOscillator extends FakeNode {
  type = 'sine';
  readonly frequency = new FakeParam();
  onended: (() => void) | null = null;
  startedAt: number | null = null;
  stoppedAt: number | null = null;
  /** stop() called with no time: cut short. */
  cut = false;
  start(time = 0) {
    if (this.startedAt !== null) throw new Error('start() called twice');
    this.startedAt = time;
  }
  stop(time?: number) {
    if (this.startedAt === null) throw new Error('stop() before start()');
    if (time === undefined) this.cut = true;
    else this.stoppedAt = time;
  }
}

export class FakeGain extends FakeNode {
  readonly gain = new FakeParam();
}

export class FakeAudioContext {
  /** Every context made since install, in order. */
  static made: FakeAudioContext[] = [];
  state: 'running' | 'suspended' | 'closed' = 'running';
  currentTime = 10;
  readonly destination = new FakeNode();
  readonly oscillators: FakeOscillator[] = [];
  readonly gains: FakeGain[] = [];
  closeCalls = 0;
  constructor() {
    FakeAudioContext.made.push(this);
  }
  createOscillator() {
    if (this.state === 'closed') throw new Error('createOscillator() on a closed context');
    const o = new FakeOscillator();
    this.oscillators.push(o);
    return o;
  }
  createGain() {
    const g = new FakeGain();
    this.gains.push(g);
    return g;
  }
  resume() {
    this.state = 'running';
    return Promise.resolve();
  }
  close() {
    this.closeCalls++;
    this.state = 'closed';
    return Promise.resolve();
  }
  get closed() {
    return this.state === 'closed';
  }
  /** Oscillators started, in the order of their start times. */
  get started() {
    return this.oscillators.filter((o) => o.startedAt !== null).sort((a, b) => a.startedAt! - b.startedAt!);
  }
}

/** Replaces the page's AudioContext with {@link FakeAudioContext}; returns the undo. */
export function installFakeAudio(): () => void {
  const w = window as unknown as Record<string, unknown>;
  const saved = { AudioContext: w.AudioContext, webkitAudioContext: w.webkitAudioContext };
  FakeAudioContext.made = [];
  w.AudioContext = FakeAudioContext;
  w.webkitAudioContext = FakeAudioContext;
  return () => {
    w.AudioContext = saved.AudioContext;
    if (saved.webkitAudioContext === undefined) delete w.webkitAudioContext;
    else w.webkitAudioContext = saved.webkitAudioContext;
  };
}
