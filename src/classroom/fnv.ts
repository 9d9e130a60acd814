// A small, stable 32-bit hash of text for scenario tags and role draws (not for security): FNV-1a
// over the UTF-16 code units, spread over every bit by the opponent's seed mixer.
import { mixSeed } from '../ai/seed.ts';

export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mixSeed(h >>> 0);
}
