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
export { buildReplay, serializeReplay, compactReplay, outcomeOf, type ReplayInput } from './replayFile.ts';
export { parseReplay, replayScenarioId, type LoadedReplay } from './readReplay.ts';
// Share links (link.ts) are not re-exported: they bring the compression library, which the page
// loads only when a link is made or opened (`await import('../persist/link.ts')`).
export {
  SaveStore,
  SaveWriter,
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
