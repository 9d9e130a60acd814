// A card of the hand (or an offer to answer): its text, its source, and its options, each showing
// which meters it touches but never by how much.
import { optionTouches, optionTraits, type Rules } from '../engine/index.ts';
import type { Card } from '../scenario/schema.ts';
import { h } from './dom.ts';
import { meterLabel } from './changes.ts';
import { sourceButton } from './source.ts';
import { portrait, type Subject } from './portraits.ts';
import type { Mood } from './mood.ts';

export interface CardView {
  card: Card;
  /** 1-based position in the hand, for the number keys. */
  index: number;
  /** Set when this card is an offer from the other side. */
  offerFrom?: string;
  /** Whose face the card carries: the one who plays it, or who made the offer. */
  face: Subject;
  /** How that face looks (a leader's situation). */
  mood?: Mood;
  /** Whether an option can be chosen now (its condition holds). */
  isOpen: (optionId: string) => boolean;
  onChoose: (optionId: string) => void;
}

function traitLine(option: Card['options'][number]): string[] {
  const t = optionTraits(option);
  const notes: string[] = [];
  if (t.later) notes.push('works later');
  if (t.chance) notes.push('a gamble');
  if (t.offer) notes.push('sends an offer');
  if (t.stage) notes.push('moves the alliance');
  return notes;
}

export function renderCard(rules: Rules, view: CardView): HTMLElement {
  const { card } = view;
  const titleId = `card-${card.id}-title`;
  const options = card.options.map((option, i) => {
    const touches = optionTouches(option).map((id) => meterLabel(rules, id));
    const notes = traitLine(option);
    const open = view.isOpen(option.id);
    return h(
      'button',
      {
        type: 'button',
        class: 'option',
        'data-card': card.id,
        'data-option': option.id,
        'data-key': `${view.index}${String.fromCharCode(97 + i)}`,
        disabled: !open,
        onclick: () => view.onChoose(option.id),
      },
      h('span', { class: 'option-label' }, option.label),
      option.detail ? h('span', { class: 'option-detail' }, option.detail) : null,
      touches.length > 0
        ? h(
            'span',
            { class: 'touches' },
            h('span', { class: 'touches-lead' }, 'Touches: '),
            touches.join(' · '),
          )
        : null,
      notes.length > 0
        ? h('span', { class: 'traits' }, h('span', { class: 'touches-lead' }, 'Also: '), notes.join(' · '))
        : null,
    );
  });
  return h(
    'article',
    { class: `game-card role-${card.role}${view.offerFrom ? ' offer' : ''}`, 'aria-labelledby': titleId },
    h(
      'header',
      { class: 'game-card-head' },
      h('span', { class: 'card-key', 'aria-hidden': 'true' }, String(view.index)),
      portrait(view.face, { className: 'card-face', ...(view.mood ? { mood: view.mood } : {}) }),
      h('h3', { id: titleId }, view.offerFrom ? `Offer from ${view.offerFrom}: ${card.title}` : card.title),
      sourceButton(card),
    ),
    h('p', { class: 'game-card-text' }, card.text),
    card.quote ? h('p', { class: 'card-quote' }, `“${card.quote}”`) : null,
    h('div', { class: 'options', role: 'group', 'aria-label': 'Options' }, ...options),
  );
}
