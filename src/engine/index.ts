// The engine's public surface. Pure and deterministic: no Phaser, no DOM, no clock, no Math.random.
export * from './vocabulary.ts';
export type * from './state.ts';
export { compileRules, type Rules } from './rules.ts';
export {
  newGame,
  newScratchGame,
  applyAction,
  applyActionInPlace,
  cloneState,
  parseAction,
  type ApplyResult,
  type Rejection,
  type RejectionCode,
} from './game.ts';
export { legalActions } from './legal.ts';
export { holds, scoreOf } from './conditions.ts';
export { replay, type ReplayResult } from './replay.ts';
export { stableHash, canonicalJson } from './hash.ts';
export { optionTouches, optionTraits } from './touches.ts';
export { positionValue, projectOption, meterConcerns } from './evaluate.ts';
export { randomPolicy, greedyPolicy, POLICIES, type Policy, type PolicyName } from './policies.ts';
export { isSeed } from './random.ts';
