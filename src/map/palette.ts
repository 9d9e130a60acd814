// Colours of the map. A state's tint runs low → mid → high with its meter's value (0..1); a state
// with no value is `neutral`; land that belongs to no named state is `land`.

export interface MapPalette {
  low: number;
  mid: number;
  high: number;
  neutral: number;
  sea: number;
  land: number;
  border: number;
  text: number;
}

/** Dark sea, muted land; meters from brick red through ochre to teal. */
export const DEFAULT_PALETTE: Readonly<MapPalette> = {
  low: 0xc0504a,
  mid: 0xc9a452,
  high: 0x3e9b8a,
  neutral: 0x4a5363,
  sea: 0x0f1b2b,
  land: 0x3a414d,
  border: 0x9aa6b8,
  text: 0xeef2f7,
};

/**
 * Safe for deuteranopia and protanopia: meters from orange through grey to blue (they differ in
 * lightness as well as hue), so no two meter values are told apart by red against green.
 */
export const COLOR_BLIND_PALETTE: Readonly<MapPalette> = {
  low: 0xe07b28,
  mid: 0x9a978f,
  high: 0x2f78c4,
  neutral: 0x4a5060,
  sea: 0x0f1b2b,
  land: 0x393e48,
  border: 0x9aa6b8,
  text: 0xeef2f7,
};

/** Linear mix of two 0xRRGGBB colours; t = 0 gives a, t = 1 gives b. */
export function mixColor(a: number, b: number, t: number): number {
  const k = Math.max(0, Math.min(1, t));
  const ch = (shift: number) => {
    const x = (a >> shift) & 0xff;
    const y = (b >> shift) & 0xff;
    return Math.round(x + (y - x) * k) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

/** The colour of a meter value (0..1) in the palette, or `neutral` for null. */
export function tintColor(value: number | null | undefined, palette: MapPalette): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return palette.neutral;
  const v = Math.max(0, Math.min(1, value));
  return v < 0.5
    ? mixColor(palette.low, palette.mid, v * 2)
    : mixColor(palette.mid, palette.high, (v - 0.5) * 2);
}

/** '#rrggbb' for a 0xRRGGBB colour (canvas and Phaser text styles take CSS strings). */
export function cssColor(color: number, alpha = 1): string {
  if (alpha >= 1) return `#${(color & 0xffffff).toString(16).padStart(6, '0')}`;
  return `rgba(${(color >> 16) & 0xff}, ${(color >> 8) & 0xff}, ${color & 0xff}, ${alpha})`;
}
