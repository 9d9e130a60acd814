// Faces and emblems drawn for this game: the two leaders (their face shows how their situation
// stands) and the states and council that react. Stylised shapes, no photographs, nothing
// downloaded. Decorative unless given a label (then an image with that text alternative).
import type { Actor, Role } from '../engine/index.ts';
import { svg } from './dom.ts';
import type { Mood } from './mood.ts';

export type Subject = Role | Actor | 'events';

export interface PortraitOptions {
  mood?: Mood;
  /** A text alternative; without one the picture is hidden from assistive technology. */
  label?: string;
  className?: string;
}

const SKIN = { kim: '#e9c39b', putin: '#f0d3b9' } as const;

function path(d: string, attrs: Record<string, string | number> = {}): SVGPathElement {
  return svg('path', { d, ...attrs });
}

function circle(
  cx: number,
  cy: number,
  r: number,
  attrs: Record<string, string | number> = {},
): SVGCircleElement {
  return svg('circle', { cx, cy, r, ...attrs });
}

/** A five-pointed star as a path. */
function star(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const d = i % 2 === 0 ? r : r * 0.42;
    points.push(`${(cx + d * Math.cos(a)).toFixed(1)} ${(cy + d * Math.sin(a)).toFixed(1)}`);
  }
  return `M${points.join('L')}Z`;
}

const FACE_LINE = { fill: 'none', stroke: '#2a1d16', 'stroke-width': 1.8, 'stroke-linecap': 'round' };

/** Brows, eyes and mouth for a mood (the same geometry on both faces). */
function expression(mood: Mood): SVGElement[] {
  const brows = {
    confident: ['M23.5 25.2 L29.5 24.6', 'M34.5 24.6 L40.5 25.2'],
    strained: ['M23.5 25.6 L29.5 23.8', 'M34.5 23.8 L40.5 25.6'],
    danger: ['M23.5 23.6 L29.5 26', 'M34.5 26 L40.5 23.6'],
  }[mood];
  const mouth = {
    confident: 'M27 37 Q32 41 37 37',
    strained: 'M27.5 38.4 Q32 37.4 36.5 38.4',
    danger: 'M27 40 Q32 35.5 37 40',
  }[mood];
  const parts: SVGElement[] = [
    ...brows.map((d) => path(d, { ...FACE_LINE, 'stroke-width': 2.2 })),
    svg('ellipse', { cx: 27, cy: 29.5, rx: 1.7, ry: mood === 'danger' ? 2.1 : 1.6, fill: '#2a1d16' }),
    svg('ellipse', { cx: 37, cy: 29.5, rx: 1.7, ry: mood === 'danger' ? 2.1 : 1.6, fill: '#2a1d16' }),
    path(mouth, FACE_LINE),
  ];
  if (mood !== 'confident')
    parts.push(path('M45 20 Q47.5 24 45 25.5 Q42.5 24 45 20Z', { fill: '#8fd3ff', class: 'sweat' }));
  return parts;
}

function kim(mood: Mood): SVGElement[] {
  return [
    // a dark high-collared suit
    path('M7 64 C9 50 19 45.5 32 45.5 C45 45.5 55 50 57 64Z', { fill: '#2c3038' }),
    path('M25 46 L32 53 L39 46', { fill: 'none', stroke: '#4a505c', 'stroke-width': 2 }),
    svg('rect', { x: 27, y: 38, width: 10, height: 9, fill: SKIN.kim }),
    circle(18, 31, 3.2, { fill: SKIN.kim }),
    circle(46, 31, 3.2, { fill: SKIN.kim }),
    svg('ellipse', { cx: 32, cy: 30.5, rx: 14, ry: 13.5, fill: SKIN.kim }),
    // the high, flat-topped hair over shaved sides
    path('M18.5 26 L18.5 16.5 Q32 8.5 45.5 16.5 L45.5 26 Q44 19.5 32 19 Q20 19.5 18.5 26Z', {
      fill: '#16181c',
    }),
    ...expression(mood),
  ];
}

function putin(mood: Mood): SVGElement[] {
  return [
    // a dark suit, a white shirt and a tie
    path('M8 64 C10 50 20 46 32 46 C44 46 54 50 56 64Z', { fill: '#1e2838' }),
    path('M27 46 L32 56 L37 46Z', { fill: '#eef1f5' }),
    path('M31 48 L33 48 L34 58 L32 60 L30 58Z', { fill: '#7a2230' }),
    svg('rect', { x: 27.5, y: 38, width: 9, height: 9, fill: SKIN.putin }),
    circle(19.5, 31, 3, { fill: SKIN.putin }),
    circle(44.5, 31, 3, { fill: SKIN.putin }),
    svg('ellipse', { cx: 32, cy: 30, rx: 12.5, ry: 15, fill: SKIN.putin }),
    // thin, receding light hair
    path('M20 27 Q19 17 25 14.5', {
      fill: 'none',
      stroke: '#b89c77',
      'stroke-width': 3.2,
      'stroke-linecap': 'round',
    }),
    path('M44 27 Q45 17 39 14.5', {
      fill: 'none',
      stroke: '#b89c77',
      'stroke-width': 3.2,
      'stroke-linecap': 'round',
    }),
    path('M27 15.5 Q32 14 37 15.5', { fill: 'none', stroke: '#cdb592', 'stroke-width': 1.4 }),
    ...expression(mood),
  ];
}

function emblem(actor: Actor | 'events'): SVGElement[] {
  switch (actor) {
    case 'usa':
      return [
        circle(32, 32, 27, { fill: '#1f3a6b' }),
        circle(32, 32, 24.5, {
          fill: 'none',
          stroke: '#c8323c',
          'stroke-width': 5,
          'stroke-dasharray': '6 4.5',
        }),
        path(star(32, 33, 14), { fill: '#f4f6fa' }),
      ];
    case 'rok':
      return [
        circle(32, 32, 27, { fill: '#f4f6fa' }),
        circle(32, 32, 11, { fill: '#0f4fa8' }),
        path('M21 32 A11 11 0 0 1 43 32 A5.5 5.5 0 0 1 32 32 A5.5 5.5 0 0 0 21 32Z', { fill: '#cd2e3a' }),
        ...[
          [17, 17, -45],
          [47, 17, 45],
          [17, 47, 45],
          [47, 47, -45],
        ].map(([x, y, a]) =>
          path('M-4 -3 H4 M-4 0 H4 M-4 3 H4', {
            stroke: '#1d1d1d',
            'stroke-width': 1.8,
            transform: `translate(${x} ${y}) rotate(${a})`,
          }),
        ),
      ];
    case 'japan':
      return [circle(32, 32, 27, { fill: '#f4f6fa' }), circle(32, 32, 12, { fill: '#c8323c' })];
    case 'china':
      return [
        circle(32, 32, 27, { fill: '#c8323c' }),
        path(star(25, 27, 10), { fill: '#f6d04d' }),
        path(star(39, 18, 3), { fill: '#f6d04d' }),
        path(star(44, 26, 3), { fill: '#f6d04d' }),
        path(star(44, 36, 3), { fill: '#f6d04d' }),
        path(star(39, 43, 3), { fill: '#f6d04d' }),
      ];
    case 'unsc': {
      const line = { fill: 'none', stroke: '#f4f6fa', 'stroke-width': 1.6 };
      return [
        circle(32, 32, 27, { fill: '#4b8fd6' }),
        circle(32, 30, 13, line),
        svg('ellipse', { cx: 32, cy: 30, rx: 6, ry: 13, ...line }),
        path('M19 30 H45 M21 23.5 H43 M21 36.5 H43', line),
        // the laurel under the globe
        path('M15 32 Q16 46 30 50 M49 32 Q48 46 34 50', {
          ...line,
          'stroke-width': 2.4,
          'stroke-dasharray': '3 2',
        }),
      ];
    }
    case 'events':
      return [
        circle(32, 32, 27, { fill: '#3a4a60' }),
        path('M18 20 H42 V44 Q42 47 45 47 H21 Q18 47 18 44Z', { fill: '#e8edf3' }),
        path('M42 26 H46 V44 Q46 47 43 47', { fill: 'none', stroke: '#e8edf3', 'stroke-width': 2 }),
        path('M22 25 H38 M22 31 H30 M22 35 H30 M22 39 H30 M33 31 H38 M33 35 H38 M33 39 H38', {
          stroke: '#3a4a60',
          'stroke-width': 2,
        }),
      ];
  }
}

/** A portrait (leaders) or emblem (the others) as an inline SVG. */
export function portrait(subject: Subject, options: PortraitOptions = {}): SVGSVGElement {
  const mood = options.mood ?? 'confident';
  const leader = subject === 'kim' || subject === 'putin';
  const el = svg(
    'svg',
    {
      viewBox: '0 0 64 64',
      class: `portrait portrait-${subject}${leader ? ` mood-${mood}` : ''} ${options.className ?? ''}`.trim(),
    },
    ...(leader
      ? [
          circle(32, 32, 31, { class: 'portrait-ground' }),
          // (the stylesheet rounds the picture's corners, which trims the shoulders to the circle)
          ...(subject === 'kim' ? kim(mood) : putin(mood)),
          circle(32, 32, 30.5, { class: 'portrait-ring', fill: 'none' }),
        ]
      : emblem(subject)),
  );
  if (options.label) {
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', options.label);
  } else {
    el.setAttribute('aria-hidden', 'true');
    el.setAttribute('focusable', 'false');
  }
  return el;
}
