// Why a replay cannot be read: one code per cause, each with a plain-English message
// (docs/replay-format.md lists them all).
import type { Failure } from './result.ts';

export type ReplayErrorCode =
  | 'not-text'
  | 'too-large'
  | 'empty'
  | 'not-json'
  | 'wrong-format'
  | 'unsupported-version'
  | 'malformed'
  | 'unknown-scenario'
  | 'scenario-changed'
  | 'scenario-not-loaded'
  | 'bad-seed'
  | 'bad-log'
  | 'illegal-move'
  | 'outcome-mismatch';

export type ReplayError = Failure<ReplayErrorCode>;
