// The game's sounds as small recipes of notes for the synthesiser: no audio files, nothing
// downloaded. A note is [frequency Hz, start s, length s, wave, loudness 0–1, glide-to Hz?].
import type { Role } from '../engine/index.ts';
import type { Cue } from './cues.ts';

export type Wave = 'sine' | 'square' | 'triangle' | 'sawtooth';
export type Note = readonly [number, number, number, Wave, number, number?];

export const RECIPES: Record<Cue, readonly Note[]> = {
  // a card put down: a short wooden click
  choose: [
    [620, 0, 0.05, 'triangle', 0.5, 900],
    [180, 0, 0.06, 'sine', 0.5, 90],
  ],
  // a rising third
  good: [
    [523, 0.05, 0.14, 'triangle', 0.45],
    [659, 0.16, 0.22, 'triangle', 0.45],
  ],
  // a falling minor step, darker
  bad: [
    [330, 0.05, 0.18, 'sawtooth', 0.22, 300],
    [247, 0.2, 0.32, 'sawtooth', 0.22, 220],
  ],
  // a knock at the door: three soft bells
  offer: [
    [784, 0.1, 0.25, 'sine', 0.35],
    [988, 0.22, 0.25, 'sine', 0.3],
    [1175, 0.34, 0.45, 'sine', 0.28],
  ],
  // a teleprinter
  news: [
    [1250, 0.0, 0.03, 'square', 0.12],
    [1250, 0.07, 0.03, 'square', 0.12],
    [1250, 0.12, 0.03, 'square', 0.12],
    [1600, 0.2, 0.05, 'square', 0.12],
  ],
  // a two-tone warning
  danger: [
    [440, 0.25, 0.16, 'sawtooth', 0.2, 415],
    [349, 0.43, 0.16, 'sawtooth', 0.2, 330],
    [440, 0.61, 0.16, 'sawtooth', 0.2, 415],
  ],
  // a low bell: the month turns
  month: [
    [98, 0, 1.4, 'sine', 0.55],
    [196, 0, 1.0, 'sine', 0.22],
    [294, 0.02, 0.7, 'triangle', 0.1],
  ],
  'ending-win': [
    [392, 0, 0.18, 'triangle', 0.45],
    [523, 0.16, 0.18, 'triangle', 0.45],
    [659, 0.32, 0.18, 'triangle', 0.45],
    [784, 0.48, 0.9, 'triangle', 0.5],
    [392, 0.48, 0.9, 'sine', 0.3],
  ],
  'ending-draw': [
    [440, 0, 0.4, 'triangle', 0.4],
    [494, 0.35, 0.4, 'triangle', 0.35],
    [440, 0.7, 0.9, 'sine', 0.35],
  ],
  'ending-loss': [
    [392, 0, 0.35, 'sawtooth', 0.2],
    [311, 0.3, 0.35, 'sawtooth', 0.2],
    [262, 0.6, 0.35, 'sawtooth', 0.2],
    [131, 0.9, 1.4, 'sine', 0.5, 123],
  ],
};

/** A quiet drone behind the game, one per side: its notes (Hz), wave and how much it breathes. */
export interface Bed {
  notes: readonly number[];
  wave: Wave;
  /** Cut-off of the low-pass filter, Hz. */
  filter: number;
  /** Seconds per slow swell. */
  swell: number;
}

export const BEDS: Record<Role | 'neutral', Bed> = {
  // North Korea: an open fifth, warm and close
  kim: { notes: [55, 82.4, 110.2], wave: 'triangle', filter: 420, swell: 9 },
  // Russia: a darker minor third, colder and lower
  putin: { notes: [49, 58.3, 98.4], wave: 'sawtooth', filter: 260, swell: 12 },
  neutral: { notes: [65.4, 98], wave: 'sine', filter: 500, swell: 10 },
};
