// Replays, saves and share links: the pure layer (no DOM, no clock, no Math.random) that the page
// and the Node tools share. docs/replay-format.md describes the file format and every message.
export {
  REPLAY_FORMAT,
  REPLAY_VERSION,
  SUPPORTED_VERSIONS,
  MAX_REPLAY_BYTES,
  MAX_MOVES,
  MAX_TEXT_LENGTH,
  type ReplayFile,
  type ReplaySetup,
  type ReplaySeat,
  type ReplayOpponent,
  type ReplayOutcome,
} from './format.ts';
export { libraryOf, type KnownScenario, type ListedScenario, type ReplayLibrary } from './library.ts';
export type { ReplayError, ReplayErrorCode } from './replayError.ts';
export {
  buildReplay,
  serializeReplay,
  compactReplay,
  parseReplay,
  replayScenarioId,
  type LoadedReplay,
  type ReplayInput,
} from './replayFile.ts';
export { outcomeOf } from './verify.ts';
export {
  replayToFragment,
  fragmentToReplayText,
  parseReplayFragment,
  FRAGMENT_PREFIX,
  MAX_FRAGMENT_LENGTH,
  type FragmentError,
  type FragmentErrorCode,
} from './link.ts';
export {
  SaveStore,
  newSaveId,
  SAVE_PREFIX,
  SAVE_ID,
  type SaveStoreOptions,
  type SaveEntry,
  type SaveSummary,
  type DamagedSave,
  type SaveError,
  type SaveErrorCode,
} from './saves.ts';
export { isQuotaError, type StorageLike, type StorageSource } from './storage.ts';
export type { Failure } from './result.ts';
