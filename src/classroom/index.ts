// Classroom sessions: the pure, DOM-free layer (no clock, no Math.random; callers pass dates and
// entropy). A teacher shares a session (a code or a link); each student hands in a result (a file
// or a code); the teacher's dashboard reads them all and aggregates. docs/classroom.md describes it.
// The result code and parseResults bring the compression library (fflate): the page may load this
// module on demand, as it does src/persist/link.ts.
export {
  ROLE_PLANS,
  TURN_SECONDS_STEP,
  MAX_TURN_SECONDS,
  CODE_LENGTH,
  checkSession,
  encodeSessionCode,
  parseSessionCode,
  scenarioTag,
  type ClassSession,
  type RolePlan,
  type SessionLibrary,
  type SessionError,
  type SessionErrorCode,
  type SessionRead,
} from './session.ts';
export { SESSION_PREFIX, sessionLink, parseSessionLink } from './sessionLink.ts';
export { roleFor, classSetup, sideOfSeats, sidesOf, SIDE_ROLES, type Side } from './roles.ts';
export { MAX_LABEL_LENGTH, MAX_TITLE_LENGTH, labelKey } from './text.ts';
export {
  RESULT_FORMAT,
  RESULT_VERSION,
  RESULT_CODE_PREFIX,
  buildResult,
  serializeResult,
  resultCode,
  type ResultFile,
  type ResultInput,
  type BuildResultError,
} from './result.ts';
export { MAX_RESULT_BYTES, MAX_INPUT_BYTES, MAX_CODE_LENGTH } from './resultText.ts';
export type { CheckedResult, ResultErrorCode } from './readResult.ts';
export {
  parseResults,
  resultScenarioIds,
  MAX_RESULTS,
  type ResultSource,
  type ResultError,
  type DuplicateResult,
  type ParsedResults,
} from './parseResults.ts';
export { buildDashboard, type Dashboard, type DashboardInput } from './dashboard.ts';
export type { GameSummary, MeterInfo } from './games.ts';
export { NOT_FINISHED, type EndingRow, type EndingTable } from './endings.ts';
export type { CardChoices, OptionCount, TradeoffRef } from './choices.ts';
export type { TradeoffUse, TradeoffsMet } from './tradeoffs.ts';
export {
  RARE_SHARE,
  FAR_DEVIATIONS,
  FAR_SHARE_OF_POINTS,
  type ScoreSpread,
  type UnusualGame,
  type UnusualReason,
} from './unusual.ts';
export { toCsv, choicesCsv, inertText } from './csv.ts';
