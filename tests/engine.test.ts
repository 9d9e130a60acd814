import { describe, expect, it } from 'vitest';
import {
  applyAction,
  compileRules,
  legalActions,
  monthLabel,
  newGame,
  optionTouches,
  type ChooseAction,
  type GameState,
  type Rules,
} from '../src/engine/index.ts';
import { fixtureScenario, rulesWith } from './helpers/load.ts';

const rules = compileRules(fixtureScenario());

function play(r: Rules, state: GameState, card: string, option: string): GameState {
  const role = state.active!;
  const result = applyAction(r, state, { type: 'choose', role, card, option });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.state;
}

/** A game whose opening hands hold the given cards (found by trying seeds: dealing is random). */
function gameWithHands(r: Rules, kim: string[], putin: string[] = []): GameState {
  for (let seed = 0; seed < 500; seed++) {
    const s = newGame(r, seed);
    if (kim.every((c) => s.hands.kim.includes(c)) && putin.every((c) => s.hands.putin.includes(c))) return s;
  }
  throw new Error(`no seed deals ${kim} / ${putin}`);
}

describe('a new game', () => {
  it('starts at the first month with the initial meters, Kim to move, and hands dealt', () => {
    const s = newGame(rules, 7);
    expect(s.turn).toBe(1);
    expect(s.active).toBe('kim');
    expect(s.meters).toEqual({
      'dprk.munitions': 60,
      'dprk.currency': 20,
      'russia.shells': 30,
      exposure: 10,
    });
    expect(s.hands.kim.length).toBe(2);
    expect(s.hands.putin.length).toBe(1); // "deny" needs the deal flag, so only one Putin card is eligible
    expect(s.stage).toBe('denial');
  });

  it('requires an explicit, valid seed', () => {
    expect(() => newGame(rules, -1)).toThrow(RangeError);
    expect(() => newGame(rules, 1.5)).toThrow(RangeError);
    expect(() => newGame(rules, Number.NaN)).toThrow(RangeError);
  });

  it('never deals an offer card', () => {
    for (let seed = 0; seed < 50; seed++)
      expect(newGame(rules, seed).hands.putin).not.toContain('answer-price');
  });

  it('deals the same hands for the same seed and different ones across seeds', () => {
    expect(newGame(rules, 3)).toEqual(newGame(rules, 3));
    const hands = new Set(Array.from({ length: 40 }, (_, seed) => newGame(rules, seed).hands.kim.join()));
    expect(hands.size).toBeGreaterThan(1);
  });
});

describe('choosing an option', () => {
  it('applies effects, flags and stage moves, and logs the action', () => {
    const s0 = gameWithHands(rules, ['sell-shells']);
    const s1 = play(rules, s0, 'sell-shells', 'sell');
    expect(s1.meters['dprk.munitions']).toBe(30);
    expect(s1.meters['dprk.currency']).toBe(40);
    expect(s1.meters['russia.shells']).toBe(60);
    expect(s1.flags.deal).toBe(true);
    expect(s1.stage).toBe('contacts');
    expect(s1.log).toEqual([{ type: 'choose', role: 'kim', card: 'sell-shells', option: 'sell' }]);
    expect(s1.active).toBe('putin');
    expect(s1.chronicle.at(-1)).toMatchObject({
      kind: 'choice',
      id: 'sell-shells',
      text: 'The trains roll.',
    });
    expect(s1.chronicle.at(-1)!.changes).toEqual({
      'dprk.munitions': -30,
      'dprk.currency': 20,
      'russia.shells': 30,
    });
  });

  it('keeps meters inside their bounds', () => {
    const r = rulesWith((s) => {
      s.meters['dprk.munitions']!.initial = 10;
    });
    const s1 = play(r, gameWithHands(r, ['sell-shells']), 'sell-shells', 'sell');
    expect(s1.meters['dprk.munitions']).toBe(0);
    expect(s1.chronicle.at(-1)!.changes['dprk.munitions']).toBe(-10);
  });

  it('moves the stage forward only with "stage", and back only with "stageFallsTo"', () => {
    const r = rulesWith((s) => {
      s.initial.stage = 'summit';
      s.cards[1]!.options[1]!.stageFallsTo = 'contacts';
      s.cards[1]!.options[1]!.stage = undefined;
    });
    const sold = play(r, gameWithHands(r, ['sell-shells']), 'sell-shells', 'sell');
    expect(sold.stage).toBe('summit'); // "stage: contacts" never moves it back
    const waited = play(r, gameWithHands(r, ['ask-price']), 'ask-price', 'wait');
    expect(waited.stage).toBe('contacts');
  });

  it('lists as legal exactly the open options of the active hand', () => {
    const s = gameWithHands(rules, ['sell-shells', 'ask-price']);
    const legal = legalActions(rules, s).map((a) => `${a.card}/${a.option}`);
    expect(legal.toSorted()).toEqual([
      'ask-price/ask',
      'ask-price/wait',
      'sell-shells/refuse',
      'sell-shells/sell',
    ]);
  });
});

describe('illegal actions are rejected without changing anything', () => {
  const s = gameWithHands(rules, ['sell-shells', 'ask-price']);
  const cases: [string, unknown, string][] = [
    ['not an action', { type: 'move' }, 'malformed'],
    ['no object', null, 'malformed'],
    ['wrong role', { type: 'choose', role: 'putin', card: 'buy-shells', option: 'buy' }, 'not-your-turn'],
    ['unknown card', { type: 'choose', role: 'kim', card: 'nope', option: 'x' }, 'unknown-card'],
    ['card not in hand', { type: 'choose', role: 'kim', card: 'gamble', option: 'go' }, 'not-in-hand'],
    [
      "another role's card",
      { type: 'choose', role: 'kim', card: 'buy-shells', option: 'buy' },
      'not-in-hand',
    ],
    [
      'unknown option',
      { type: 'choose', role: 'kim', card: 'sell-shells', option: 'maybe' },
      'unknown-option',
    ],
  ];
  it.each(cases)('%s', (_name, action, code) => {
    const before = JSON.stringify(s);
    const result = applyAction(rules, s, action);
    expect(result).toMatchObject({ ok: false, code, message: expect.stringMatching(/\w{3,}/) });
    expect(JSON.stringify(s)).toBe(before);
  });

  it('an option whose condition does not hold', () => {
    const r = rulesWith((sc) => {
      sc.cards[0]!.options[0]!.when = { flags: ['deal'] };
    });
    const g = gameWithHands(r, ['sell-shells']);
    const result = applyAction(r, g, { type: 'choose', role: 'kim', card: 'sell-shells', option: 'sell' });
    expect(result).toMatchObject({ ok: false, code: 'option-closed' });
  });

  it('any action once the game is over', () => {
    let g = newGame(rules, 1);
    while (g.phase === 'playing')
      g = play(rules, g, legalActions(rules, g)[0]!.card, legalActions(rules, g)[0]!.option);
    expect(
      applyAction(rules, g, { type: 'choose', role: 'kim', card: 'sell-shells', option: 'sell' }),
    ).toMatchObject({
      ok: false,
      code: 'game-over',
    });
  });
});

describe('offers', () => {
  it('must be answered by the other role before anything else', () => {
    const s1 = play(rules, gameWithHands(rules, ['ask-price']), 'ask-price', 'ask');
    expect(s1.active).toBe('putin');
    expect(s1.offers).toEqual([{ card: 'answer-price', from: 'kim', via: 'ask-price' }]);
    expect(legalActions(rules, s1).map((a) => a.card)).toEqual(['answer-price', 'answer-price']);
    const early = applyAction(rules, s1, {
      type: 'choose',
      role: 'putin',
      card: 'buy-shells',
      option: 'buy',
    });
    expect(early).toMatchObject({ ok: false, code: 'not-in-hand' });
    const s2 = play(rules, s1, 'answer-price', 'accept');
    expect(s2.meters['dprk.currency']).toBe(35);
    expect(s2.offers).toEqual([]);
    expect(s2.chronicle.at(-1)).toMatchObject({ kind: 'answer', id: 'answer-price', option: 'accept' });
    expect(s2.active).toBe('putin'); // answering is not Putin's card of the month
  });

  it('pays more when the buyer is desperate (a conditional outcome)', () => {
    const r = rulesWith((sc) => {
      sc.meters['russia.shells']!.initial = 20;
    });
    const s1 = play(r, gameWithHands(r, ['ask-price']), 'ask-price', 'ask');
    expect(s1.meters['dprk.currency']).toBe(30);
    expect(s1.chronicle.at(-1)!.text).toBe('Desperation pays.');
    const calm = play(rules, gameWithHands(rules, ['ask-price']), 'ask-price', 'ask');
    expect(calm.meters['dprk.currency']).toBe(20);
  });
});

describe('time', () => {
  it('lands delayed outcomes at the start of a later month, as news', () => {
    const s1 = play(rules, gameWithHands(rules, ['ask-price']), 'ask-price', 'wait');
    expect(s1.pending).toHaveLength(1);
    expect(s1.meters['dprk.currency']).toBe(20);
    const s2 = play(rules, s1, s1.hands.putin[0]!, 'hold');
    expect(s2.turn).toBe(2);
    expect(s2.pending).toHaveLength(0);
    expect(s2.news.map((n) => n.kind)).toContain('delayed');
    expect(s2.news.find((n) => n.kind === 'delayed')).toMatchObject({
      text: 'Patience pays.',
      changes: { 'dprk.currency': 5 },
    });
  });

  it('fires a triggered event once, and a reaction from its turn on', () => {
    const r = rulesWith((sc) => {
      sc.meters.exposure!.initial = 30;
    });
    let s = newGame(r, 1);
    const fired: string[][] = [];
    while (s.phase === 'playing') {
      const turn = s.turn;
      const a = legalActions(r, s)[0]!;
      s = play(r, s, a.card, a.option);
      if (s.turn !== turn || s.phase === 'over') fired.push(s.news.map((n) => n.id));
    }
    expect(fired[0]).toEqual(['us-publishes']);
    expect(fired[1]).toEqual(['china-blind-eye']);
    expect(fired.flat().filter((id) => id === 'us-publishes')).toHaveLength(1);
  });

  it('rolls chances from the seeded generator: both branches happen across seeds, identically per seed', () => {
    const r = rulesWith((sc) => {
      sc.cards[2]!.weight = 100;
    });
    const outcomes = new Set<number>();
    for (let seed = 0; seed < 60; seed++) {
      const s = newGame(r, seed);
      if (!s.hands.kim.includes('gamble')) continue;
      const after = play(r, s, 'gamble', 'go');
      expect(play(r, s, 'gamble', 'go')).toEqual(after);
      outcomes.add(after.meters.exposure!);
    }
    expect([...outcomes].toSorted()).toEqual([10, 40]);
  });

  it('labels months from the scenario start', () => {
    expect(monthLabel('2023-09', 1)).toBe('September 2023');
    expect(monthLabel('2023-09', 5)).toBe('January 2024');
    expect(monthLabel('2023-11', 3)).toBe('January 2024');
  });
});

describe('endings', () => {
  it('a meter failing ends the game at once with its ending', () => {
    const r = rulesWith((sc) => {
      sc.meters['russia.shells']!.initial = 5;
    });
    let s = newGame(r, 1);
    s = play(
      r,
      s,
      legalActions(r, s).find((a) => a.card !== 'ask-price' || a.option === 'wait')!.card,
      legalActions(r, s).find((a) => a.card !== 'ask-price' || a.option === 'wait')!.option,
    );
    const end = play(r, s, 'buy-shells', 'hold');
    expect(end.phase).toBe('over');
    expect(end.active).toBeNull();
    expect(end.ending).toEqual({ id: 'front-collapses', turn: 1, result: { kim: 'draw', putin: 'loss' } });
    expect(end.chronicle.at(-1)).toMatchObject({ kind: 'ending', id: 'front-collapses' });
  });

  it('at the last month picks the first final ending that holds, else the fallback', () => {
    const finals = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      let s = newGame(rules, seed);
      while (s.phase === 'playing') {
        const legal = legalActions(rules, s);
        const a: ChooseAction = legal[seed % legal.length]!;
        s = play(rules, s, a.card, a.option);
      }
      finals.add(s.ending!.id);
      if (rules.endings.get(s.ending!.id)!.kind === 'collapse') continue;
      const bothScored = s.score.kim >= 2 && s.score.putin >= 2;
      expect(s.ending!.id).toBe(bothScored ? 'both-win' : 'stalemate');
      expect(s.timeline.length).toBeGreaterThanOrEqual(2);
    }
    expect(finals).toContain('stalemate');
    expect(finals).toContain('both-win');
  });
});

const card = (id: string) => rules.cards.get(id)!;

describe('what an option touches', () => {
  it('names every meter it may move, now, by chance or later, and no other', () => {
    expect(optionTouches(card('sell-shells').options[0]!).toSorted()).toEqual([
      'dprk.currency',
      'dprk.munitions',
      'russia.shells',
    ]);
    expect(optionTouches(card('ask-price').options[0]!).toSorted()).toEqual(['dprk.currency', 'exposure']);
    expect(optionTouches(card('ask-price').options[1]!)).toEqual(['dprk.currency']);
    expect(optionTouches(card('gamble').options[0]!)).toEqual(['exposure']);
  });
});
