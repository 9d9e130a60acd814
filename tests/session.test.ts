// The page's session with a computer seat: its moves come from the opponent (in Node there is no
// Worker, so the client falls back to deciding in the page, the same pure `decide`), and an answer
// that arrives after the game has moved on is dropped.
import { describe, expect, it } from 'vitest';
import { decide } from '../src/ai/decide.ts';
import { OpponentClient } from '../src/bridge/opponentClient.ts';
import { Session } from '../src/bridge/session.ts';
import { compileRules, newGame } from '../src/engine/index.ts';
import { loadShippedScenario } from '../src/scenario/node.ts';

const { scenario, hash } = loadShippedScenario('vostochny-summit');
const rules = compileRules(scenario);
const SEED = 77;

function session(kim: 'human' | 'computer', putin: 'human' | 'computer'): Session {
  return new Session({
    scenario,
    scenarioHash: hash,
    seed: SEED,
    seats: { kim, putin },
    computer: { kim: { level: 'easy' }, putin: { level: 'normal', personality: 'cautious-guardian' } },
  });
}

describe('the computer in a session', () => {
  it('plays the move its level chooses, for the role it holds', async () => {
    // the computer holds the role that moves first in this world
    const firstMover = newGame(rules, SEED).active;
    const s = firstMover === 'kim' ? session('computer', 'human') : session('human', 'computer');
    expect(s.computerToMove).toBe(true);
    const setup = s.computerSetup(firstMover!);
    const expected = decide(rules, s.state, { ...setup, seed: SEED });
    expect(await s.playComputer()).toBe(true);
    expect(expected.ok && [expected.action]).toEqual(s.state.log);
  });

  it('uses the personality it was given', async () => {
    const s = session('human', 'computer');
    // let the human (Kim) side be played by the test until Putin holds the move
    const client = new OpponentClient();
    while (!s.computerToMove && s.state.phase === 'playing') {
      const { action } = await client.decide(rules, hash, s.state, { level: 'easy', seed: 1 });
      s.choose(action.card, action.option);
    }
    const asked = s.state;
    const expected = decide(rules, asked, { level: 'normal', personality: 'cautious-guardian', seed: SEED });
    expect(await s.playComputer()).toBe(true);
    expect(expected.ok && s.state.log.at(-1)).toEqual(expected.ok && expected.action);
  });

  it('drops an answer for a position the game has already left', async () => {
    const s = session('computer', 'computer');
    const [one, two] = await Promise.all([s.playComputer(), s.playComputer()]);
    // both asked about the same position; only the first answer to arrive may move
    expect([one, two].filter(Boolean)).toHaveLength(1);
    expect(s.state.log).toHaveLength(1);
  });

  it('drops an answer that arrives after the game was closed', async () => {
    const s = session('computer', 'computer');
    const pending = s.playComputer();
    s.dispose();
    expect(await pending).toBe(false);
    expect(s.state.log).toHaveLength(0);
  });

  it('answers nothing when a human holds the move', async () => {
    const s = session('human', 'human');
    const before = s.state;
    expect(await s.playComputer()).toBe(false);
    expect(s.state).toBe(before);
  });
});

describe('the opponent client without a Worker', () => {
  it('decides in the page, with the same move the worker would make', async () => {
    const client = new OpponentClient();
    const state = newGame(rules, SEED);
    const decided = await client.decide(rules, hash, state, { level: 'hard', seed: 5, rollouts: 8 });
    expect(decided.where).toBe('page');
    const direct = decide(rules, state, { level: 'hard', seed: 5, rollouts: 8 });
    expect(direct.ok && direct.action).toEqual(decided.action);
  });
});
