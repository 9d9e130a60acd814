// @vitest-environment happy-dom
// The game's sound keeps the browser's audio running only while something can be heard
// (src/audio/synth.ts): a running AudioContext renders silence on the audio thread, which costs a
// slow school laptop CPU (and battery) for nothing, so muted, or with no bed and no effect left,
// the context is suspended, and a cue or a bed wakes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Just enough of Web Audio for the synth: nodes that connect, params that take automation. */
class FakeParam {
  value = 0;
  setValueAtTime(): this {
    return this;
  }
  exponentialRampToValueAtTime(): this {
    return this;
  }
  setTargetAtTime(): this {
    return this;
  }
  cancelScheduledValues(): this {
    return this;
  }
}

class FakeNode {
  gain = new FakeParam();
  frequency = new FakeParam();
  detune = new FakeParam();
  type = '';
  connect<T>(target: T): T {
    return target;
  }
  disconnect(): void {}
  start(): void {}
  stop(): void {}
}

/** The contexts the synth made (one, on the first key), their clock moved by the test. */
const made: FakeContext[] = [];
let clock = 0;

class FakeContext {
  state: 'running' | 'suspended' | 'closed' = 'running';
  destination = new FakeNode();
  constructor() {
    made.push(this);
  }
  get currentTime(): number {
    return clock;
  }
  createGain(): FakeNode {
    return new FakeNode();
  }
  createOscillator(): FakeNode {
    return new FakeNode();
  }
  createBiquadFilter(): FakeNode {
    return new FakeNode();
  }
  suspend(): Promise<void> {
    this.state = 'suspended';
    return Promise.resolve();
  }
  resume(): Promise<void> {
    this.state = 'running';
    return Promise.resolve();
  }
}

/** Time passes: the context's clock and the page's timers alike. */
function pass(seconds: number): void {
  clock += seconds;
  vi.advanceTimersByTime(seconds * 1000);
}

async function unlocked() {
  const synth = await import('../src/audio/synth.ts');
  const settings = await import('../src/ui/settings.ts');
  synth.installSound();
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
  const context = made[0];
  if (!context || made.length !== 1) throw new Error('the first key should make one audio context');
  return { ...synth, ...settings, context };
}

describe('the audio context runs only while something can be heard', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers();
    localStorage.clear();
    made.length = 0;
    clock = 0;
    vi.stubGlobal('AudioContext', FakeContext);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('on the title, nothing playing: suspended at once after the first key', async () => {
    const { context } = await unlocked();
    expect(context.state).toBe('suspended');
  });

  it('a cue wakes it, and it sleeps again once the cue has died away', async () => {
    const { context, play } = await unlocked();
    play(['choose']);
    expect(context.state).toBe('running');
    pass(0.2);
    expect(context.state).toBe('running');
    pass(3);
    expect(context.state).toBe('suspended');
  });

  it("a side's bed keeps it running; muting suspends it, and the bed comes back with the sound", async () => {
    const { context, setBed, updateSettings } = await unlocked();
    setBed('kim');
    pass(30);
    expect(context.state).toBe('running');
    updateSettings({ sound: false });
    // the bed fades out first
    pass(0.5);
    expect(context.state).toBe('running');
    pass(3);
    expect(context.state).toBe('suspended');
    updateSettings({ sound: true });
    expect(context.state).toBe('running');
  });

  it('muted, a cue does not wake it', async () => {
    const { context, play, updateSettings } = await unlocked();
    updateSettings({ sound: false });
    pass(3);
    play(['good']);
    expect(context.state).toBe('suspended');
  });
});
