// @vitest-environment happy-dom
// What makes the game feel like one, in its pure parts: the leaders' faces read from the meters,
// the sounds a move calls for, and the sound settings remembered between visits.
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cuesFor } from '../src/audio/cues.ts';
import {
  applyAction,
  compileRules,
  legalActions,
  newGame,
  type GameState,
  type Rules,
} from '../src/engine/index.ts';
import { loadScenarioFile } from '../src/scenario/node.ts';
import { statesInDanger } from '../src/ui/danger.ts';
import { endingMood, leaderMood } from '../src/ui/mood.ts';
import { SEE_ALL, visibleTo } from '../src/ui/privacy.ts';
import { portrait } from '../src/ui/portraits.ts';

function tutorial(): Rules {
  const loaded = loadScenarioFile(resolve(import.meta.dirname, '../scenarios/tutorial.scenario.yaml'));
  if (!loaded.ok) throw new Error('the tutorial does not load');
  return compileRules(loaded.scenario);
}

const rules = tutorial();
const start = newGame(rules, 7);
const withMeters = (state: GameState, meters: Record<string, number>): GameState => ({
  ...state,
  meters: { ...state.meters, ...meters },
});

describe('a leader’s face', () => {
  it('is confident at the start, strained near a danger zone, in danger inside one', () => {
    expect(leaderMood(rules, start.meters, 'kim')).toBe('confident');
    // food's danger zone is 15 or less: 20 is close to it, 12 is in it
    expect(leaderMood(rules, withMeters(start, { 'dprk.food': 20 }).meters, 'kim')).toBe('strained');
    expect(leaderMood(rules, withMeters(start, { 'dprk.food': 12 }).meters, 'kim')).toBe('danger');
    // Kim's hunger is not Putin's danger
    expect(leaderMood(rules, withMeters(start, { 'dprk.food': 12 }).meters, 'putin')).toBe('confident');
  });

  it('is strained, not in danger, when a shared meter is in its zone (the deal is exposed)', () => {
    const exposed = withMeters(start, { exposure: 80 }).meters;
    expect(leaderMood(rules, exposed, 'kim')).toBe('strained');
    expect(leaderMood(rules, exposed, 'putin')).toBe('strained');
  });

  it('does not give away a rival’s secret meters in a two-player game', () => {
    // Putin's shells at the front are private: Kim's side of the device must not see them fail
    const shellsOut = withMeters(start, { 'russia.shells': 5 }).meters;
    expect(leaderMood(rules, shellsOut, 'putin', SEE_ALL)).toBe('danger');
    expect(leaderMood(rules, shellsOut, 'putin', visibleTo(rules, 'kim'))).toBe('confident');
    expect(leaderMood(rules, shellsOut, 'putin', visibleTo(rules, 'putin'))).toBe('danger');
  });

  it('at the end follows the result', () => {
    expect([endingMood('win'), endingMood('draw'), endingMood('loss')]).toEqual([
      'confident',
      'strained',
      'danger',
    ]);
  });

  it('is drawn with a text alternative when it means something, hidden when decorative', () => {
    const meaningful = portrait('kim', { mood: 'danger', label: 'Kim Jong Un, in danger' });
    expect(meaningful.getAttribute('role')).toBe('img');
    expect(meaningful.getAttribute('aria-label')).toBe('Kim Jong Un, in danger');
    expect(meaningful.classList.contains('mood-danger')).toBe(true);
    const decorative = portrait('china');
    expect(decorative.getAttribute('aria-hidden')).toBe('true');
    expect(decorative.getAttribute('role')).toBeNull();
  });
});

describe('the danger rings on the map', () => {
  it('mark each state with a meter of its own in a danger zone, and only what the viewer may see', () => {
    expect(statesInDanger(rules, start.meters, SEE_ALL)).toEqual([]);
    const both = withMeters(start, { 'dprk.food': 10, 'russia.shells': 5, exposure: 90 }).meters;
    // exposure is shared: it colours the top bar, not a state
    expect(statesInDanger(rules, both, SEE_ALL)).toEqual(['dprk', 'russia']);
    // Russia's shells are its secret: Kim's side of the device sees no ring over Russia
    expect(statesInDanger(rules, both, visibleTo(rules, 'kim'))).toEqual(['dprk']);
  });
});

/** Plays the first legal action for whoever is to move. */
function step(state: GameState): GameState {
  const action = legalActions(rules, state)[0]!;
  const result = applyAction(rules, state, action);
  if (!result.ok) throw new Error(result.message);
  return result.state;
}

describe('the sounds a move calls for', () => {
  const vsComputer = { rules, humanRoles: ['kim'] as const, visible: SEE_ALL };

  it('a choice of the player’s clicks, and sounds good or bad by what it did to the player’s side', () => {
    const after = step(start);
    const cues = cuesFor({ ...vsComputer, humanRoles: ['kim'], previous: start, state: after });
    expect(cues[0]).toBe('choose');
    const move = after.chronicle.at(-1)!;
    expect(move.role).toBe('kim');
    expect(cues.filter((c) => c === 'good' || c === 'bad')).toHaveLength(1);
  });

  it('the computer’s move makes no click of the player’s', () => {
    const afterKim = step(start);
    const afterPutin = step(afterKim);
    const cues = cuesFor({ ...vsComputer, humanRoles: ['kim'], previous: afterKim, state: afterPutin });
    expect(cues).not.toContain('choose');
  });

  it('a meter entering its danger zone warns once, not again while it stays there', () => {
    const before = withMeters(start, { 'dprk.food': 16 });
    const into = withMeters(start, { 'dprk.food': 14 });
    const still = withMeters(start, { 'dprk.food': 13 });
    expect(cuesFor({ ...vsComputer, humanRoles: ['kim'], previous: before, state: into })).toContain(
      'danger',
    );
    expect(cuesFor({ ...vsComputer, humanRoles: ['kim'], previous: into, state: still })).not.toContain(
      'danger',
    );
  });

  it('a rival’s secret meter entering danger makes no sound on the other side of the device', () => {
    const before = withMeters(start, { 'russia.shells': 25 });
    const into = withMeters(start, { 'russia.shells': 10 });
    const asKim = {
      rules,
      humanRoles: ['kim', 'putin'] as ('kim' | 'putin')[],
      previous: before,
      state: into,
    };
    expect(cuesFor({ ...asKim, visible: visibleTo(rules, 'kim') })).not.toContain('danger');
    expect(cuesFor({ ...asKim, visible: visibleTo(rules, 'putin') })).toContain('danger');
  });

  it('the month turning rings, with the news; the ending sounds the player’s own result', () => {
    let state = start;
    let turned: string[] = [];
    let last: string[] = [];
    while (state.phase === 'playing') {
      const next = step(state);
      const cues = cuesFor({ ...vsComputer, humanRoles: ['kim'], previous: state, state: next });
      if (next.turn > state.turn && next.phase === 'playing') turned = cues;
      last = cues;
      state = next;
    }
    expect(turned).toContain('month');
    expect(turned).toContain('news');
    expect(last.at(-1)).toBe(`ending-${state.ending!.result.kim}`);
    expect(last).not.toContain('month');
  });

  it('an offer arriving knocks for the side that must answer it', () => {
    const offered: GameState = { ...start, offers: [{ card: 'k-food-offer', from: 'putin', via: 'p-pay' }] };
    expect(cuesFor({ ...vsComputer, humanRoles: ['kim'], previous: start, state: offered })).toContain(
      'offer',
    );
    expect(cuesFor({ ...vsComputer, humanRoles: ['putin'], previous: start, state: offered })).not.toContain(
      'offer',
    );
  });
});

describe('the sound settings', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.resetModules();
  });

  it('are on at a moderate volume at first, and remembered once changed', async () => {
    const first = await import('../src/ui/settings.ts');
    expect(first.settings().sound).toBe(true);
    expect(first.settings().volume).toBe(first.DEFAULT_VOLUME);
    first.updateSettings({ sound: false, volume: 25 });
    vi.resetModules();
    const again = await import('../src/ui/settings.ts');
    expect(again.settings()).toMatchObject({ sound: false, volume: 25 });
  });

  it('a damaged record keeps what it can and falls back for the rest', async () => {
    localStorage.setItem(
      'shells-for-oil.settings.v1',
      JSON.stringify({ sound: 'loud', volume: 400, largeText: true }),
    );
    const { settings } = await import('../src/ui/settings.ts');
    expect(settings()).toMatchObject({ sound: true, volume: 100, largeText: true });
    localStorage.setItem('shells-for-oil.settings.v1', '{not json');
    vi.resetModules();
    const fresh = await import('../src/ui/settings.ts');
    expect(fresh.settings().volume).toBe(fresh.DEFAULT_VOLUME);
  });

  it('without Web Audio (here) nothing throws', async () => {
    const { play, setBed, installSound } = await import('../src/audio/synth.ts');
    installSound();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(() => play(['choose', 'ending-win'])).not.toThrow();
    expect(() => setBed('kim')).not.toThrow();
  });
});
