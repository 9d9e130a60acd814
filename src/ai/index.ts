// The computer opponent: pure and deterministic, like the engine it plays with. No clock, no
// Math.random, no DOM: the same code runs in Node for simulations and in a Web Worker in the page.
//
//   decide(rules, state, { level, personality?, seed, rollouts? })  → { ok, action, rollouts } | error
//   createOpponent(settings)                                        → a Policy (sim, tests, page)
//   createHandler(gate)  (protocol.ts)                              → the worker's message handler
//
// Levels: easy judges each option one step ahead (the engine's projectOption) by its objectives
// and personality, with seeded noise; normal also counts delayed effects that land in time, how
// far each meter is from what its objectives ask, and the answer the other side is likely to give
// to an offer, and plays to beat its rival; hard plays every option out to the end of the game
// many times on scratch copies (Monte Carlo rollouts with a fast default policy for both sides).
// Personalities are scenario data (`personalities:` in the scenario file).
//
// What the opponent does not see: the game's dice (rollouts run on their own seeded dice) and the
// rival's hand (dealt afresh in each rollout). It does read every meter, the rival's private ones
// included, as the engine's positionValue does.
export { decide, checkSettings, decisionSeed, rolloutBudget, type Decision } from './decide.ts';
export { createOpponent, opponentName } from './opponent.ts';
export { personalitiesOf, personalityFor, rivalModel, roleModel, type RoleModel } from './model.ts';
export {
  LEVELS,
  LEVEL_NAMES,
  HARD_ROLLOUTS,
  MAX_ROLLOUTS,
  isLevel,
  type Level,
  type OpponentSettings,
} from './settings.ts';
export { mixSeed } from './seed.ts';
export {
  createHandler,
  shippedGate,
  type ScenarioGate,
  parseSettings,
  parseState,
  MAX_SCENARIOS,
  type DecideRequest,
  type ErrorCode,
  type InitRequest,
  type OpponentHandler,
  type OpponentRequest,
  type OpponentResponse,
} from './protocol.ts';
