// The opponent's worker protocol, driven as a plain function: a scenario is sent once, then
// decisions; anything malformed gets an error response, never a throw.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cloneState,
  compileRules,
  legalActions,
  newGame,
  stableHash,
  type GameState,
} from '../src/engine/index.ts';
import { schemaGate } from '../src/ai/schemaGate.ts';
import { createHandler, MAX_SCENARIOS, type OpponentResponse } from '../src/ai/protocol.ts';
import { loadShippedScenario } from '../src/scenario/node.ts';
import { fixtureScenario } from './helpers/load.ts';

const { scenario, hash } = loadShippedScenario('vostochny-summit');
const rules = compileRules(scenario);
const start = newGame(rules, 8);
const init = { type: 'init', id: 1, scenarioId: scenario.id, hash, scenario };
const ask = (
  id: number,
  state: unknown = start,
  settings: unknown = { level: 'hard', seed: 3, rollouts: 16 },
) => ({
  type: 'decide',
  id,
  scenarioId: scenario.id,
  hash,
  state,
  settings,
});

/** A handler that already holds the summit. */
function ready() {
  const handler = createHandler(schemaGate);
  expect(handler.handle(init)).toEqual({ type: 'ready', id: 1, scenarioId: scenario.id, hash });
  return handler;
}

function errorOf(response: OpponentResponse): { code: string; id: number | null } {
  if (response.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(response)}`);
  return { code: response.code, id: response.id };
}

/** A copy of the starting state with one part replaced (through JSON, as a message would arrive). */
function broken(edit: (s: Record<string, unknown>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(start)) as Record<string, unknown>;
  edit(copy);
  return copy;
}

describe('the worker protocol', () => {
  it('answers a decision with a legal move, the rollouts used and the request id', () => {
    const handler = ready();
    const response = handler.handle(ask(7));
    expect(response).toMatchObject({ type: 'decision', id: 7 });
    if (response.type !== 'decision') return;
    expect(legalActions(rules, start)).toContainEqual(response.action);
    expect(response.rollouts).toBeGreaterThan(0);
    expect(response.rollouts).toBeLessThanOrEqual(16);
    // the same request, the same answer; the easy level runs no rollouts
    expect(handler.handle(ask(7))).toEqual(response);
    expect(handler.handle(ask(8, start, { level: 'easy', seed: 3 }))).toMatchObject({
      type: 'decision',
      rollouts: 0,
    });
  });

  it('works on a state that went through structured cloning, as it does between threads', () => {
    const handler = ready();
    const state = structuredClone(start);
    expect(
      handler.handle(ask(2, state, { level: 'normal', seed: 1, personality: 'cautious-guardian' })),
    ).toMatchObject({
      type: 'decision',
      id: 2,
    });
  });

  it('asks for the scenario before deciding on it', () => {
    const handler = createHandler(schemaGate);
    expect(errorOf(handler.handle(ask(3)))).toEqual({ code: 'unknown-scenario', id: 3 });
    handler.handle(init);
    expect(handler.handle(ask(4)).type).toBe('decision');
  });

  it('refuses a scenario that does not match its hash or its id, or is no scenario', () => {
    const handler = createHandler(schemaGate);
    const tampered = structuredClone(scenario);
    tampered.turns = 11;
    expect(errorOf(handler.handle({ ...init, scenario: tampered }))).toEqual({
      code: 'hash-mismatch',
      id: 1,
    });
    expect(errorOf(handler.handle({ ...init, scenarioId: 'other' }))).toEqual({
      code: 'bad-scenario',
      id: 1,
    });
    expect(errorOf(handler.handle({ ...init, scenario: { id: scenario.id } }))).toEqual({
      code: 'bad-scenario',
      id: 1,
    });
    expect(handler.loaded()).toEqual([]);
  });

  it('keeps a few scenarios compiled, dropping the oldest', () => {
    const handler = createHandler(schemaGate);
    const base = fixtureScenario();
    const hashes: string[] = [];
    for (let i = 0; i < MAX_SCENARIOS + 2; i++) {
      const variant = { ...base, title: `Mini ${i}` };
      const h = stableHash(variant);
      hashes.push(h);
      expect(
        handler.handle({ type: 'init', id: i, scenarioId: base.id, hash: h, scenario: variant }),
      ).toMatchObject({
        type: 'ready',
      });
    }
    expect(handler.loaded()).toEqual(hashes.slice(-MAX_SCENARIOS));
  });

  it('rejects malformed messages with an error response', () => {
    const handler = ready();
    const cases: [unknown, string, number | null][] = [
      [null, 'malformed', null],
      [undefined, 'malformed', null],
      ['decide', 'malformed', null],
      [42, 'malformed', null],
      [[init], 'malformed', null],
      [{ ...init, id: -1 }, 'malformed', null],
      [{ ...init, id: 1.5 }, 'malformed', null],
      [{ ...init, id: '1' }, 'malformed', null],
      [{ ...ask(5), type: 'play' }, 'malformed', 5],
      [{ ...ask(5), hash: 'nothex' }, 'malformed', 5],
      [{ ...ask(5), scenarioId: 3 }, 'malformed', 5],
      [ask(5, start, null), 'bad-settings', 5],
      [ask(5, start, { level: 'impossible', seed: 1 }), 'bad-settings', 5],
      [ask(5, start, { level: 'hard' }), 'bad-settings', 5],
      [ask(5, start, { level: 'hard', seed: 1, rollouts: 10 ** 9 }), 'bad-settings', 5],
      [ask(5, start, { level: 'hard', seed: 1, rollouts: '12' }), 'bad-settings', 5],
      [ask(5, start, { level: 'easy', seed: 1, personality: 'napoleon' }), 'bad-settings', 5],
      [ask(5, start, { level: 'easy', seed: 1, personality: 7 }), 'bad-settings', 5],
      [ask(5, null), 'bad-state', 5],
      [ask(5, 'state'), 'bad-state', 5],
      [
        ask(
          5,
          broken((s) => (s.scenarioId = 'mini')),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => delete s.meters),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => ((s.meters as Record<string, unknown>)['russia.shells'] = 'lots')),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => ((s.meters as Record<string, unknown>)['exposure'] = null)),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.rng = [1, 2])),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.turn = 0)),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.turn = 99)),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.stage = 'alliance')),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.active = 'xi')),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.hands = { kim: ['p-veto'], putin: [] })),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.hands = { kim: ['no-such-card'], putin: [] })),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.offers = [{ card: 'k-sell-shells', from: 'putin', via: 'x' }])),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken(
            (s) => (s.pending = [{ due: 2, card: 'k-sell-shells', option: 'hold', index: 0, role: 'kim' }]),
          ),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => ((s.flags as Record<string, unknown>)['denied'] = 'yes')),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => ((s.played as Record<string, unknown>)['p-veto'] = -1)),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => delete s.log),
        ),
        'bad-state',
        5,
      ],
      [
        ask(
          5,
          broken((s) => (s.score = { kim: 'x', putin: 0 })),
        ),
        'bad-state',
        5,
      ],
    ];
    for (const [message, code, id] of cases) {
      let response: OpponentResponse | undefined;
      expect(() => (response = handler.handle(message))).not.toThrow();
      expect({ message, error: errorOf(response!) }).toEqual({ message, error: { code, id } });
    }
  });

  it('answers a finished game with no-move', () => {
    const handler = ready();
    const over = cloneState(start) as GameState;
    over.phase = 'over';
    over.active = null;
    expect(errorOf(handler.handle(ask(9, over)))).toEqual({ code: 'no-move', id: 9 });
  });

  it('answers a state the engine cannot play with an error, not a throw', () => {
    const handler = ready();
    // well-formed, but the hand holds a card whose options never open for this stage and flags
    const odd = cloneState(start);
    odd.active = 'putin';
    odd.done.putin = false;
    odd.hands.putin = ['p-veto', 'p-technology-debate'];
    odd.stage = 'treaty';
    const response = handler.handle(ask(10, odd));
    expect(['decision', 'error']).toContain(response.type);
  });

  it('never throws, whatever arrives', () => {
    const handler = ready();
    const message = fc.oneof(
      fc.anything(),
      fc.record({
        type: fc.constantFrom('init', 'decide', 'other'),
        id: fc.oneof(fc.nat(), fc.anything()),
        scenarioId: fc.oneof(fc.constant(scenario.id), fc.string()),
        hash: fc.oneof(fc.constant(hash), fc.string()),
        state: fc.oneof(fc.constant(start), fc.anything(), fc.object()),
        settings: fc.oneof(
          fc.record({ level: fc.constantFrom('easy', 'normal', 'hard', 'x'), seed: fc.anything() }),
          fc.anything(),
        ),
        scenario: fc.anything(),
      }),
    );
    const types = new Set<string>();
    fc.assert(
      fc.property(message, (m) => {
        const response = handler.handle(m);
        types.add(response.type);
        return ['ready', 'decision', 'error'].includes(response.type);
      }),
      { numRuns: 300 },
    );
    expect(types.has('error')).toBe(true);
  });
});
