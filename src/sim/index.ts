// Batch simulation: whole games between computer policies, summed up as a balance report.
// Pure (no file system, no clock): runs in Node and in a Web Worker alike.
export { playGame } from './play.ts';
export {
  simulate,
  simulateDuel,
  isPolicyName,
  isPlayerName,
  describePlayer,
  type SimulateOptions,
  type DuelOptions,
  type PlayerSpec,
  type OpponentSpec,
} from './simulate.ts';
export { gameSeeds, type GameSeeds } from './seeds.ts';
export { newTally, addGame, tallyReport, type Tally, type ReportHeader } from './tally.ts';
export { formatReport, formatDuel } from './format.ts';
export { formatTable, type Column } from './table.ts';
export type * from './report.ts';
export { SMALL_SAMPLE } from './report.ts';
export {
  decisionPositions,
  opponentWorkload,
  engineWorkloads,
  type Workload,
  type WorkDone,
} from './workloads.ts';
