// The game's sound, made on the spot with Web Audio (no audio files). Nothing is created before
// the page's first key or click (browsers' autoplay rules), everything falls silent while the page
// is hidden, and a browser without Web Audio (or a failing one) simply stays quiet.
import type { Role } from '../engine/index.ts';
import { onSettingsChange, settings } from '../ui/settings.ts';
import type { Cue } from './cues.ts';
import { BEDS, RECIPES, type Note } from './recipes.ts';

/** How loud the effects and the bed are beside each other, at full volume. */
const EFFECTS_LEVEL = 0.32;
const BED_LEVEL = 0.05;

let ctx: AudioContext | null = null;
let master: GainNode | null = null;
let bed: { side: Role | 'neutral'; stop: () => void } | null = null;
let wantedBed: Role | 'neutral' | null = null;
let installed = false;
/** Until when (in the context's time) the effects scheduled so far sound. */
let soundingUntil = 0;
let quietTimer: ReturnType<typeof setTimeout> | null = null;

function level(): number {
  const s = settings();
  return s.sound ? (s.volume / 100) ** 2 : 0;
}

function applyLevel(): void {
  if (!ctx || !master) return;
  master.gain.setTargetAtTime(level(), ctx.currentTime, 0.05);
  syncBed();
}

/**
 * Keeps the audio context running only while something can be heard. A running context renders
 * silence on the audio thread even with nothing playing (a steady 20 ms of CPU a second here), so
 * muted, or with no bed and no effect left, it is suspended; a cue or a bed resumes it.
 */
function settle(): void {
  if (!ctx) return;
  if (quietTimer !== null) clearTimeout(quietTimer);
  quietTimer = null;
  // (a hidden page is suspended, and resumed when shown, by the visibility handler)
  if (document.hidden) return;
  const effectsLeft = soundingUntil - ctx.currentTime;
  const bedPlaying = bed !== null && level() > 0;
  // (what was scheduled runs out even when muted: a bed's fade, an effect's tail)
  if (bedPlaying || effectsLeft > 0) {
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    // with no bed, look again once the last effect has died away
    if (!bedPlaying) quietTimer = setTimeout(settle, Math.max(0, effectsLeft) * 1000 + 500);
  } else if (ctx.state === 'running') void ctx.suspend().catch(() => undefined);
}

/** Creates the audio context: only ever from inside a key or click handler. */
function unlock(): void {
  if (ctx || typeof AudioContext !== 'function') return;
  try {
    ctx = new AudioContext();
    master = ctx.createGain();
    master.gain.value = level();
    master.connect(ctx.destination);
    if (document.hidden) void ctx.suspend();
    syncBed();
    settle();
  } catch {
    ctx = null;
    master = null;
  }
}

/** Listens for the first key or click, the page being hidden, and the settings. Idempotent. */
export function installSound(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  const first = () => {
    unlock();
    if (ctx) {
      window.removeEventListener('keydown', first, true);
      window.removeEventListener('pointerdown', first, true);
    }
  };
  window.addEventListener('keydown', first, true);
  window.addEventListener('pointerdown', first, true);
  document.addEventListener('visibilitychange', () => {
    if (!ctx) return;
    if (document.hidden) void ctx.suspend().catch(() => undefined);
    else settle();
  });
  onSettingsChange(applyLevel);
}

function playNote(out: AudioNode, at: number, [freq, start, length, wave, loud, glide]: Note): void {
  const osc = ctx!.createOscillator();
  const gain = ctx!.createGain();
  osc.type = wave;
  const t0 = at + start;
  osc.frequency.setValueAtTime(freq, t0);
  if (glide !== undefined) osc.frequency.exponentialRampToValueAtTime(glide, t0 + length);
  // a quick attack and an exponential fall: a struck sound, not a beep
  gain.gain.setValueAtTime(0.0001, t0);
  gain.gain.exponentialRampToValueAtTime(loud, t0 + 0.012);
  gain.gain.exponentialRampToValueAtTime(0.0001, t0 + length);
  osc.connect(gain).connect(out);
  osc.start(t0);
  osc.stop(t0 + length + 0.05);
}

/** Plays the cues one after another (a short gap between them); silent until unlocked or muted. */
export function play(cues: readonly Cue[]): void {
  if (!ctx || !master || level() === 0 || ctx.state === 'closed' || cues.length === 0) return;
  try {
    const out = ctx.createGain();
    out.gain.value = EFFECTS_LEVEL;
    out.connect(master);
    let at = ctx.currentTime + 0.01;
    let end = at;
    for (const cue of cues) {
      const notes = RECIPES[cue];
      for (const note of notes) playNote(out, at, note);
      const length = Math.max(...notes.map((n) => n[1] + n[2]));
      end = Math.max(end, at + length + 0.1);
      at += Math.min(0.5, length) + 0.05;
    }
    setTimeout(() => out.disconnect(), (end - ctx.currentTime + 2) * 1000);
    soundingUntil = Math.max(soundingUntil, end);
    settle();
  } catch {
    // a browser that refuses a node: no sound this time, the game goes on
  }
}

function startBed(side: Role | 'neutral'): () => void {
  const recipe = BEDS[side];
  const c = ctx!;
  const out = c.createGain();
  out.gain.setValueAtTime(0.0001, c.currentTime);
  out.gain.exponentialRampToValueAtTime(BED_LEVEL, c.currentTime + 3);
  const filter = c.createBiquadFilter();
  filter.type = 'lowpass';
  filter.frequency.value = recipe.filter;
  filter.connect(out).connect(master!);
  // a slow swell on the filter, so the drone breathes
  const lfo = c.createOscillator();
  const depth = c.createGain();
  lfo.frequency.value = 1 / recipe.swell;
  depth.gain.value = recipe.filter * 0.4;
  lfo.connect(depth).connect(filter.frequency);
  const oscs = recipe.notes.map((f, i) => {
    const o = c.createOscillator();
    o.type = recipe.wave;
    o.frequency.value = f;
    o.detune.value = (i - 1) * 6;
    o.connect(filter);
    return o;
  });
  for (const o of [lfo, ...oscs]) o.start();
  return () => {
    const t = c.currentTime;
    out.gain.cancelScheduledValues(t);
    out.gain.setTargetAtTime(0.0001, t, 0.4);
    for (const o of [lfo, ...oscs]) o.stop(t + 2);
    setTimeout(() => out.disconnect(), 2500);
  };
}

function syncBed(): void {
  const want = level() > 0 ? wantedBed : null;
  if (bed && bed.side === want) return;
  bed?.stop();
  // (a bed that stops fades out over two seconds: the context keeps running till it has)
  if (bed && ctx) soundingUntil = Math.max(soundingUntil, ctx.currentTime + 2.5);
  bed = null;
  if (!ctx || !master || want === null) {
    settle();
    return;
  }
  try {
    bed = { side: want, stop: startBed(want) };
  } catch {
    bed = null;
  }
  settle();
}

/** The quiet drone behind a side's game (null: none, as on the title and the debrief). */
export function setBed(side: Role | 'neutral' | null): void {
  wantedBed = side;
  syncBed();
}
