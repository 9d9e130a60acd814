// What the teacher is told of a live class: the roster (who, which side, which month, how they
// are doing) and the finished games as the classroom's result objects, which the page's existing
// dashboard reads. Pure reports over the class's records.
import { buildResult, type ResultFile } from '../src/classroom/result.ts';
import { ROLES, type Role } from '../src/engine/index.ts';
import type { ResultsMessage, RosterEntry, ServerMessages } from '../src/live/protocol.ts';
import { buildReplay } from '../src/persist/index.ts';
import type { ServerScenario } from './catalogue.ts';
import type { LiveGame } from './liveGame.ts';
import type { StoredSession, StoredStudent } from './store/types.ts';

/** What the reports read of a class. */
export interface ClassFacts {
  session: StoredSession;
  known: ServerScenario;
  students: ReadonlyMap<string, StoredStudent>;
  games: ReadonlyMap<string, LiveGame>;
  isConnected(studentId: string): boolean;
  roleOf(student: StoredStudent): Role;
  partnerOf(student: StoredStudent): StoredStudent | null;
}

export function rosterOf(c: ClassFacts): ServerMessages['roster'] {
  const students: RosterEntry[] = [...c.students.values()].map((s) => {
    const game = s.gameId === null ? undefined : c.games.get(s.gameId);
    const over = game?.state.phase === 'over';
    const status: RosterEntry['status'] = s.removed
      ? 'removed'
      : over
        ? 'finished'
        : !c.isConnected(s.id)
          ? 'disconnected'
          : game && c.session.started
            ? 'playing'
            : 'waiting';
    const entry: RosterEntry = {
      id: s.id,
      name: s.name,
      role: c.roleOf(s),
      month: game?.state.turn ?? 1,
      status,
      partner: c.partnerOf(s)?.id ?? null,
    };
    if (over && game.state.ending) entry.ending = game.state.ending.id;
    return entry;
  });
  return { students, started: c.session.started, paused: c.session.paused };
}

/** The classroom's result object of a student's game (for the dashboard). */
function resultOf(c: ClassFacts, student: StoredStudent, game: LiveGame): ResultFile | null {
  const players = game.stored.players;
  const setup = {
    seats: {
      kim: players.kim === undefined ? ('computer' as const) : ('human' as const),
      putin: players.putin === undefined ? ('computer' as const) : ('human' as const),
    },
    mode: 'live',
    ...(Object.keys(game.stored.computer).length > 0 ? { computer: game.stored.computer } : {}),
  };
  const replay = buildReplay({ scenarioHash: c.known.hash, state: game.state, setup });
  // a pair's game counts once, from the student holding Kim (the session's "pairs" side is both)
  const built = buildResult({ label: student.name, session: c.session.setup, replay });
  return built.ok ? built.result : null;
}

/** Finished games (every game when `final`), one result each (a pair's once). */
export function resultsOf(c: ClassFacts, final: boolean): ResultsMessage {
  const results: ResultsMessage['results'] = [];
  for (const game of c.games.values()) {
    if (!final && game.state.phase !== 'over') continue;
    const ids = ROLES.map((r) => game.stored.players[r]).filter((id): id is string => id !== undefined);
    const students = ids.map((id) => c.students.get(id)).filter((s): s is StoredStudent => s !== undefined);
    if (students.length === 0 || game.state.log.length === 0) continue;
    const label = students.map((s) => s.name).join(' & ');
    const first = { ...students[0]!, name: label.length <= 40 ? label : students[0]!.name };
    const result = resultOf(c, first, game);
    if (result) results.push({ studentId: students[0]!.id, name: `${first.name} (${game.id})`, result });
  }
  return { results, final };
}
