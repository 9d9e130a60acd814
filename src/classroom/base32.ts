// Short codes people read aloud and type: Crockford's base-32 alphabet (digits and capitals without
// I, L, O and U), a check character that catches every single wrong character and every swap of two
// neighbours, and a bit packer. Nothing here knows what a code means (session.ts does).

/** The 32 symbols, in value order. */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));
/** Letters people type for the ones left out: I and L are read as 1, O as 0. */
const ALIKE: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

/** Multiplication by x in GF(2^5), modulo x^5 + x^2 + 1. */
function times2(v: number): number {
  const shifted = v << 1;
  return shifted & 0x20 ? shifted ^ 0x25 : shifted;
}

/**
 * Damm's check over the quasigroup a ∘ b = 2a ⊕ b of GF(32): it is totally anti-symmetric, so one
 * wrong symbol, or two neighbours swapped, always changes the result.
 */
function damm(values: readonly number[]): number {
  let interim = 0;
  for (const v of values) interim = times2(interim) ^ v;
  return interim;
}

/** The symbols for `values` (each 0–31) followed by their check symbol. */
export function withCheck(values: readonly number[]): string {
  return [...values, times2(damm(values))].map((v) => ALPHABET[v]).join('');
}

/** Whether the last symbol of `symbols` (canonical, see `normalize`) is the check of the others. */
export function checks(symbols: string): boolean {
  return damm([...symbols].map((c) => VALUE.get(c) ?? 0)) === 0;
}

/** The values of canonical symbols (the check included, if there is one). */
export function valuesOf(symbols: string): number[] {
  return [...symbols].map((c) => VALUE.get(c) ?? 0);
}

/**
 * A code as typed, in canonical symbols: capitals, without spaces or dashes, with I, L and O read
 * as the digits they look like. Gives the first character that no code has, if there is one.
 */
export function normalize(text: string): { ok: true; symbols: string } | { ok: false; bad: string } {
  let symbols = '';
  for (const c of text.toUpperCase()) {
    if (c === '-' || /\s/.test(c)) continue;
    const symbol = ALIKE[c] ?? c;
    if (!VALUE.has(symbol)) return { ok: false, bad: c };
    symbols += symbol;
  }
  return { ok: true, symbols };
}

/** `symbols` in groups of four joined by dashes: "ABCD-EFGH-JKMN-PQRS". */
export function grouped(symbols: string): string {
  return symbols.match(/.{1,4}/g)?.join('-') ?? '';
}

/** Writes whole numbers as fixed-width fields, most significant bit first, into 5-bit symbols. */
export class BitWriter {
  private bits = '';

  write(value: number, width: number): this {
    if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** width)
      throw new RangeError(`${value} does not fit in ${width} bits`);
    this.bits += value.toString(2).padStart(width, '0');
    return this;
  }

  /** The values of the 5-bit symbols, the last padded with zero bits. */
  symbols(): number[] {
    const bits = this.bits.padEnd(Math.ceil(this.bits.length / 5) * 5, '0');
    return (bits.match(/.{5}/g) ?? []).map((s) => parseInt(s, 2));
  }
}

/** Reads back what a BitWriter wrote, from the symbols' values. */
export class BitReader {
  private readonly bits: string;
  private at = 0;

  constructor(values: readonly number[]) {
    this.bits = values.map((v) => v.toString(2).padStart(5, '0')).join('');
  }

  read(width: number): number {
    const field = this.bits.slice(this.at, this.at + width).padEnd(width, '0');
    this.at += width;
    return parseInt(field, 2);
  }
}
