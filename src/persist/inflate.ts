// Inflating untrusted DEFLATE data with a cap on the output, enforced while it streams: a few
// kilobytes of crafted input can inflate to gigabytes (a "zip bomb"), so the input is fed in small
// slices and inflation stops as soon as the output passes the cap. One slice can inflate to at most
// about 1,032 times its size, so the memory used never exceeds the cap by more than SLICE × 1,032.
import { Inflate } from 'fflate';

const SLICE = 64;

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'corrupt' | 'too-large' };

export function inflateCapped(data: Uint8Array, cap: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= cap) chunks.push(chunk);
    done = final;
  });
  try {
    for (let at = 0; at < data.length; at += SLICE) {
      inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
      if (total > cap) break; // `total` grows in the callback above
    }
  } catch {
    return { ok: false, reason: 'corrupt' }; // not DEFLATE data, or cut short
  }
  if (total > cap) return { ok: false, reason: 'too-large' };
  if (!done) return { ok: false, reason: 'corrupt' };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}
