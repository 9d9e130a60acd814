// A QR code of a link, drawn as one SVG path (no markup from a string). The encoder (uqr) loads
// only when a teacher's live view asks for it.
import { svg } from './dom.ts';

/** The QR code of `text` as an SVG image named `label`. */
export async function qrCode(text: string, label: string): Promise<SVGSVGElement> {
  const { encode } = await import('uqr');
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x},${y}h1v1h-1z`;
    }),
  );
  return svg(
    'svg',
    {
      viewBox: `0 0 ${size} ${size}`,
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
      focusable: 'false',
    },
    svg('rect', { width: size, height: size, fill: '#fff' }),
    svg('path', { d, fill: '#000' }),
  );
}
