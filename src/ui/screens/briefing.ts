// The briefing: the situation in the article's own words, your role and what you are after.
import { monthLabel, type Role } from '../../engine/vocabulary.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { h } from '../dom.ts';
import { openSource } from '../source.ts';

export interface BriefingContext {
  scenario: Scenario;
  /** The roles played by people (none when watching). */
  humanRoles: Role[];
  seed: number;
  onBegin: () => void;
  onBack: () => void;
}

export const ROLE_NAMES: Record<Role, string> = { kim: 'Kim Jong Un', putin: 'Vladimir Putin' };
export const ROLE_STATES: Record<Role, string> = { kim: 'North Korea', putin: 'Russia' };

export function renderBriefing(ctx: BriefingContext): HTMLElement {
  const s = ctx.scenario;
  const roles: Role[] = ctx.humanRoles.length > 0 ? ctx.humanRoles : [...s.roles];
  const who =
    ctx.humanRoles.length === 0
      ? 'You are watching the computer play both sides.'
      : ctx.humanRoles.length === 2
        ? 'Two players: one governs North Korea as Kim Jong Un, the other Russia as Vladimir Putin. Each keeps their cards and secret meters to themselves: pass the device when the game asks.'
        : `You govern ${ctx.humanRoles.map((r) => `${ROLE_STATES[r]} as ${ROLE_NAMES[r]}`).join(' and ')}.`;

  const objectives = roles.map((role) =>
    h(
      'section',
      { class: `card-panel objectives role-${role}` },
      h('h2', {}, `${ROLE_NAMES[role]}: what counts`),
      h(
        'ul',
        {},
        ...s.objectives
          .filter((o) => o.role === role)
          .map((o) =>
            h(
              'li',
              {},
              o.text,
              h('span', { class: 'muted small' }, ` · ${o.points} pt${o.points > 1 ? 's' : ''}`),
            ),
          ),
      ),
    ),
  );

  return h(
    'div',
    { class: 'page briefing-page' },
    h(
      'main',
      { class: 'page-inner' },
      h(
        'p',
        { class: 'eyebrow' },
        `Briefing · ${monthLabel(s.start, 1)} – ${monthLabel(s.start, s.turns)} · world ${ctx.seed}`,
      ),
      h('h1', {}, s.title),
      h('p', { class: 'lede' }, who),
      h(
        'section',
        { class: 'card-panel briefing-text' },
        h('p', {}, s.briefing.text),
        s.briefing.quote ? h('blockquote', { class: 'quote' }, `“${s.briefing.quote}”`) : null,
        h(
          'button',
          {
            type: 'button',
            class: 'source-button',
            onclick: () =>
              openSource({ title: s.title, paragraphs: s.briefing.paragraphs, quote: s.briefing.quote }),
          },
          'Source: read the article',
        ),
      ),
      h('div', { class: 'objective-grid' }, ...objectives),
      h(
        'section',
        { class: 'card-panel how-to' },
        h('h2', {}, 'How a month works'),
        h(
          'ul',
          {},
          h(
            'li',
            {},
            'Each month you are dealt cards. Play one: pick an option. Each option shows which meters it touches, not by how much.',
          ),
          h(
            'li',
            {},
            'Meters fail at both ends: too little and too much can both end your rule. Watch the shaded danger zones.',
          ),
          h('li', {}, 'Some choices take effect months later. Some are offers the other side must answer.'),
          h('li', {}, 'Every card cites the article: press Source to read the exact words it rests on.'),
        ),
      ),
      h(
        'div',
        { class: 'title-actions' },
        h('button', { type: 'button', class: 'primary', onclick: ctx.onBegin }, 'Begin'),
        h('button', { type: 'button', onclick: ctx.onBack }, 'Back'),
      ),
    ),
  );
}
