// The computer opponent in set situations, on The Vostochny Summit: it buys shells when the front is
// starving, the cautious Putin keeps weapons technology at home, the price-maximiser Kim asks for
// more from a desperate Moscow; and its moves depend on the position and its settings alone.
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  cloneState,
  compileRules,
  greedyPolicy,
  legalActions,
  newGame,
  newScratchGame,
  type ChooseAction,
  type GameState,
  type Rules,
} from '../src/engine/index.ts';
import {
  createOpponent,
  decide,
  LEVELS,
  personalitiesOf,
  personalityFor,
  type Level,
  type OpponentSettings,
} from '../src/ai/index.ts';
import { loadShippedScenario } from '../src/scenario/node.ts';
import { fixtureScenario } from './helpers/load.ts';

const summit = compileRules(loadShippedScenario('vostochny-summit').scenario);
/** A smaller budget than the default keeps the suite quick; the situations below are clear-cut. */
const ROLLOUTS = 96;

function move(
  rules: Rules,
  state: GameState,
  settings: Omit<OpponentSettings, 'seed'>,
  seed = 5,
): ChooseAction {
  const decision = decide(rules, state, { rollouts: ROLLOUTS, ...settings, seed });
  if (!decision.ok) throw new Error(decision.message);
  return decision.action;
}

function play(rules: Rules, state: GameState, card: string, option: string): GameState {
  const result = applyAction(rules, state, { type: 'choose', role: state.active!, card, option });
  if (!result.ok) throw new Error(result.message);
  return result.state;
}

/** Plays a greedy game on the summit until `until` holds (the first seed from `seed` where it does). */
function reach(seed: number, until: (s: GameState) => boolean): GameState {
  for (let s = seed; s < seed + 200; s++) {
    let state = newGame(summit, s);
    const policy = greedyPolicy(s);
    while (state.phase === 'playing') {
      if (until(state)) return state;
      state = play(summit, state, ...pick(policy.choose(summit, state)!));
    }
  }
  throw new Error('no game reached the situation');
}

function pick(action: ChooseAction): [string, string] {
  return [action.card, action.option];
}

/** Putin about to play his card, early in the game, with "The front needs shells" in his hand. */
const putinCanAsk = (seed: number) =>
  reach(
    seed,
    (s) =>
      s.active === 'putin' &&
      s.offers.length === 0 &&
      s.turn >= 2 &&
      s.hands.putin.includes('p-ask-for-shells'),
  );

/** A private copy of `state` with some meters set. */
function withMeters(state: GameState, meters: Record<string, number>): GameState {
  const copy = cloneState(state);
  Object.assign(copy.meters, meters);
  return copy;
}

const SEEDS = [1, 2, 3];
const levelsAnd = (ids: (string | undefined)[]) =>
  LEVELS.flatMap((level) => ids.map((personality) => ({ level, personality })));

describe('personalities', () => {
  it('gives each role of the summit at least two, the first being the default', () => {
    for (const role of ['kim', 'putin'] as const) {
      const own = personalitiesOf(summit, role);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(personalityFor(summit, role, undefined)).toBe(own[0]);
      // a personality of the other role does not steer this one
      const other = personalitiesOf(summit, role === 'kim' ? 'putin' : 'kim')[0]!;
      expect(personalityFor(summit, role, other.id)).toBe(own[0]);
    }
    expect(personalityFor(compileRules(fixtureScenario()), 'kim', undefined)).toBeNull();
  });
});

describe('set situations on the summit', () => {
  it.each(SEEDS)('takes the shells deal when the front is starving (game %i)', (seed) => {
    // Putin asks for shells, Kim counters with a higher price: Putin must pay it or refuse, with the
    // front almost out of shells.
    const asked = play(summit, putinCanAsk(seed), 'p-ask-for-shells', 'ask-kim');
    const countered = play(summit, asked, 'k-offer-shells', 'counter');
    const starving = withMeters(countered, { 'russia.shells': 8 });
    expect(starving.offers[0]?.card).toBe('putin-dire-straits');
    for (const settings of levelsAnd([undefined, 'shells-at-any-price', 'cautious-guardian'])) {
      expect({ ...settings, option: move(summit, starving, settings).option }).toEqual({
        ...settings,
        option: 'pay',
      });
    }
  });

  it.each(SEEDS)(
    'keeps submarine and satellite technology at home as the cautious Putin (game %i)',
    (seed) => {
      const before = putinCanAsk(seed);
      for (const [card, via] of [
        ['putin-submarine', 'k-submarine-request'],
        ['putin-satellite', 'k-satellite-request'],
      ] as const) {
        const asked = cloneState(before);
        asked.offers = [{ card, from: 'kim', via }];
        for (const settings of levelsAnd(['cautious-guardian'])) {
          const option = move(summit, asked, settings).option;
          expect({ card, ...settings, accepted: option === 'accept' }).toEqual({
            card,
            ...settings,
            accepted: false,
          });
        }
      }
    },
  );

  it('hands the technology over more readily when it buys shells at any price', () => {
    // The personalities differ where the article says Putin's choice is hard: the cautious one
    // never accepts; the one who needs shells at any price does, on the one-step levels.
    const asked = cloneState(putinCanAsk(1));
    asked.offers = [{ card: 'putin-submarine', from: 'kim', via: 'k-submarine-request' }];
    for (const level of ['easy', 'normal'] as const) {
      expect(move(summit, asked, { level, personality: 'shells-at-any-price' }).option).toBe('accept');
      expect(move(summit, asked, { level, personality: 'cautious-guardian' }).option).not.toBe('accept');
    }
  });

  it.each(SEEDS)('asks a desperate Moscow for more, as the price-maximiser Kim (game %i)', (seed) => {
    const asked = play(summit, putinCanAsk(seed), 'p-ask-for-shells', 'ask-kim');
    const desperate = withMeters(asked, { 'russia.shells': 12 });
    expect(desperate.offers[0]?.card).toBe('k-offer-shells');
    for (const level of ['easy', 'normal'] as const) {
      expect(move(summit, desperate, { level, personality: 'price-maximiser' }).option).toBe('counter');
    }
  });
});

describe('determinism', () => {
  const midGame = reach(4, (s) => s.turn === 4 && s.active === 'kim' && s.offers.length === 0);

  it.each(LEVELS)('%s: the same position and settings give the same move', (level) => {
    const settings = { level, seed: 99, rollouts: 48 };
    const first = decide(summit, midGame, settings);
    expect(first.ok).toBe(true);
    for (let i = 0; i < 3; i++) expect(decide(summit, midGame, settings)).toEqual(first);
    // a private, unfrozen copy of the same position is the same position
    expect(decide(summit, cloneState(midGame), settings)).toEqual(first);
  });

  it.each(LEVELS)('%s: never reads the game’s dice: another random state gives the same move', (level) => {
    const settings = { level, seed: 7, rollouts: 48 };
    const moves = new Set<string>();
    for (const rng of [
      [1, 2, 3, 4],
      [0, 0, 0, 1],
      [-5, 77, 1234567, -8],
    ]) {
      const flipped = cloneState(midGame);
      flipped.rng = rng;
      const decision = decide(summit, flipped, settings);
      if (!decision.ok) throw new Error(decision.message);
      moves.add(`${decision.action.card}/${decision.action.option}`);
    }
    const own = decide(summit, midGame, settings);
    if (!own.ok) throw new Error(own.message);
    expect([...moves]).toEqual([`${own.action.card}/${own.action.option}`]);
  });

  it('never changes the state it is given (the state may be frozen)', () => {
    const frozen = newGame(summit, 12);
    expect(Object.isFrozen(frozen)).toBe(true);
    const before = JSON.stringify(frozen);
    for (const level of LEVELS)
      expect(decide(summit, frozen, { level, seed: 1, rollouts: 24 }).ok).toBe(true);
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('always picks a legal move, and replays a whole game against itself exactly', () => {
    const a = playAgainstItself();
    expect(a.ending).not.toBeNull();
    expect(playAgainstItself().log).toEqual(a.log);
  });
});

/** A whole summit game, hard Kim against normal Putin, checking every move is legal. */
function playAgainstItself(): GameState {
  const kim = createOpponent({ level: 'hard', seed: 31, rollouts: 16 });
  const putin = createOpponent({ level: 'normal', seed: 32 });
  let state = newGame(summit, 2024);
  while (state.phase === 'playing') {
    const policy = state.active === 'kim' ? kim : putin;
    const action = policy.choose(summit, state)!;
    expect(legalActions(summit, state)).toContainEqual(action);
    state = play(summit, state, action.card, action.option);
  }
  return state;
}

describe('bad settings and finished games', () => {
  const state = newScratchGame(summit, 3);

  it('answers with a reason instead of a move', () => {
    const bad: [OpponentSettings, RegExp][] = [
      [{ level: 'expert' as Level, seed: 1 }, /level must be one of easy, normal, hard/],
      [{ level: 'easy', seed: -1 }, /seed/],
      [{ level: 'easy', seed: 1.5 }, /seed/],
      [{ level: 'hard', seed: 1, rollouts: 0 }, /rollouts/],
      [{ level: 'easy', seed: 1, personality: 'napoleon' }, /unknown personality "napoleon"/],
    ];
    for (const [settings, message] of bad) {
      const decision = decide(summit, state, settings);
      expect(decision).toEqual({ ok: false, code: 'bad-settings', message: expect.stringMatching(message) });
    }
    expect(() =>
      createOpponent({ level: 'easy', seed: 1, personality: 'napoleon' }).choose(summit, state),
    ).toThrow(/unknown personality/);
  });

  it('has no move once the game is over', () => {
    const over = cloneState(state);
    over.phase = 'over';
    over.active = null;
    expect(decide(summit, over, { level: 'hard', seed: 1 })).toMatchObject({ ok: false, code: 'no-move' });
    expect(createOpponent({ level: 'easy', seed: 1 }).choose(summit, over)).toBeNull();
  });

  it('plays a scenario with no personalities by its objectives alone', () => {
    const mini = compileRules(fixtureScenario());
    const kim = createOpponent({ level: 'hard', seed: 1, rollouts: 8 });
    const putin = createOpponent({ level: 'easy', seed: 2 });
    let s = newGame(mini, 5);
    while (s.phase === 'playing') {
      const action = (s.active === 'kim' ? kim : putin).choose(mini, s)!;
      s = play(mini, s, action.card, action.option);
    }
    expect(s.ending).not.toBeNull();
  });
});
