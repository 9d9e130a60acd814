// viewFor: what a student's device receives of a live game. The rival's private meters appear
// nowhere in the serialised view (meters, timeline, chronicle, news), nor the rival's hand or the
// dice; everything else of the state is as the engine has it.
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/ai/decide.ts';
import { applyAction, compileRules, newGame, ROLES, type GameState } from '../../src/engine/index.ts';
import { hiddenMeters, viewFor } from '../../src/live/view.ts';
import { loadShippedScenario } from '../../src/scenario/node.ts';

const IDS = ['vostochny-summit', 'armored-train', 'the-veto', 'two-parents', 'tutorial'];

function playedStates(
  id: string,
  seed: number,
): { rules: ReturnType<typeof compileRules>; states: GameState[] } {
  const rules = compileRules(loadShippedScenario(id).scenario);
  let state = newGame(rules, seed);
  const states = [state];
  while (state.phase === 'playing') {
    const d = decide(rules, state, { level: 'easy', seed });
    if (!d.ok) throw new Error(d.message);
    const r = applyAction(rules, state, d.action);
    if (!r.ok) throw new Error(r.message);
    state = r.state;
    states.push(state);
  }
  return { rules, states };
}

describe('viewFor', () => {
  for (const id of IDS) {
    it(`never shows a rival's private meter in ${id}`, () => {
      const { rules, states } = playedStates(id, 11);
      for (const role of ROLES) {
        const hidden = hiddenMeters(rules, role);
        for (const state of states) {
          const text = JSON.stringify(viewFor(rules, state, role));
          for (const meter of hidden) expect(text).not.toContain(meter);
          expect(text).not.toContain('"rng"');
        }
      }
    });
  }

  it('keeps the viewer’s own meters, hand and everything public', () => {
    const { rules, states } = playedStates('vostochny-summit', 3);
    const state = states[Math.floor(states.length / 2)]!;
    const kim = viewFor(rules, state, 'kim');
    const putin = viewFor(rules, state, 'putin');
    expect(hiddenMeters(rules, 'kim').length).toBeGreaterThan(0);
    expect(hiddenMeters(rules, 'putin').length).toBeGreaterThan(0);
    for (const [meter, value] of Object.entries(state.meters)) {
      const hiddenFromKim = hiddenMeters(rules, 'kim').includes(meter);
      expect(kim.meters[meter]).toBe(hiddenFromKim ? undefined : value);
    }
    expect(kim.hands).toEqual({ kim: state.hands.kim });
    expect(putin.hands).toEqual({ putin: state.hands.putin });
    expect(kim.log).toEqual(state.log);
    expect(kim.turn).toBe(state.turn);
    expect(kim.offers).toEqual(state.offers);
    expect(kim.chronicle.map((e) => e.title)).toEqual(state.chronicle.map((e) => e.title));
    expect(kim.timeline).toHaveLength(state.timeline.length);
  });

  it('does not change the state it reads', () => {
    const { rules, states } = playedStates('the-veto', 5);
    const last = states.at(-1)!;
    const before = JSON.stringify(last);
    viewFor(rules, last, 'kim');
    expect(JSON.stringify(last)).toBe(before);
  });
});
