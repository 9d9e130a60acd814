// What the player picked on the title screen, kept so "play again" and "the other side" can
// start the same scenario without asking again; and the ways a game starts: new, resumed from a
// save, or branched from a moment of a replay. Every game saves itself as it goes.
import { content } from '../bridge/content.ts';
import { autosave, freshSaveId, rememberClass, type Autosave } from '../bridge/saving.ts';
import { endSession, startSession, type ComputerSetup, type Seat, type Session } from '../bridge/session.ts';
import { ROLES, type GameState, type Role } from '../engine/index.ts';
import type { LoadedReplay } from '../persist/index.ts';
import { showNotice } from '../ui/root.ts';
import type { Mode, TitleChoice } from '../ui/screens/title.ts';
import { currentClass, onLeaveGame } from './choice.ts';

let saving: Autosave | null = null;

export {
  currentClass,
  freshSeed,
  lastTitleChoice,
  rememberChoice,
  setClass,
  type ClassContext,
} from './choice.ts';

function seatsFor(choice: TitleChoice): Record<Role, Seat> {
  if (choice.mode === 'watch') return { kim: 'computer', putin: 'computer' };
  if (choice.mode === 'hotseat') return { kim: 'human', putin: 'human' };
  return choice.role === 'kim' ? { kim: 'human', putin: 'computer' } : { kim: 'computer', putin: 'human' };
}

/** The mode a set of seats amounts to. */
export function modeOf(seats: Record<Role, Seat>): Mode {
  const humans = ROLES.filter((r) => seats[r] === 'human').length;
  return humans === 2 ? 'hotseat' : humans === 0 ? 'watch' : 'vs-computer';
}

interface GameStart {
  scenarioId: string;
  seed: number;
  seats: Record<Role, Seat>;
  computer: Partial<Record<Role, ComputerSetup>>;
  /** Where the game starts (a save's last state, a moment of a replay); default its first state. */
  initial?: GameState;
  /** The save to keep it in; default a new one. */
  saveId?: string;
}

/** Starts a game of a loaded scenario, saving itself after every move. */
function begin(start: GameStart): Session | null {
  const entry = content.loaded(start.scenarioId);
  if (!entry) return null;
  saving?.stop();
  const session = startSession({
    scenario: entry.scenario,
    scenarioHash: entry.hash,
    seed: start.seed,
    seats: start.seats,
    computer: start.computer,
    ...(start.initial ? { initial: start.initial } : {}),
  });
  const saveId = start.saveId ?? freshSaveId();
  saving = autosave(session, saveId, modeOf(start.seats), showNotice);
  const classContext = currentClass();
  if (classContext) rememberClass(saveId, { code: classContext.code, label: classContext.label });
  return session;
}

/** The game the choice asks for, if its scenario has been loaded (the title loads it). */
export function sessionFor(choice: TitleChoice): Session | null {
  const entry = content.loaded(choice.scenarioId);
  if (!entry) return null;
  const computer: Partial<Record<Role, ComputerSetup>> = {};
  for (const role of ROLES) {
    // a character remembered from another scenario does not carry over
    const id = choice.personalities[role];
    const known = entry.scenario.personalities.some((p) => p.id === id && p.role === role);
    computer[role] = { level: choice.level, personality: known ? id : undefined };
  }
  return begin({ scenarioId: choice.scenarioId, seed: choice.seed, seats: seatsFor(choice), computer });
}

/** The computer's settings a replay recorded, for the roles it played. */
function computerOf(loaded: LoadedReplay): Partial<Record<Role, ComputerSetup>> {
  const computer: Partial<Record<Role, ComputerSetup>> = {};
  for (const role of ROLES) {
    const recorded = loaded.replay.setup.computer?.[role];
    if (!recorded) continue;
    const known = loaded.scenario.personalities.some((p) => p.id === recorded.personality && p.role === role);
    computer[role] = { level: recorded.level, personality: known ? recorded.personality : undefined };
  }
  return computer;
}

/** Picks up a saved game where it stopped, in the same save. */
export function resumeSave(loaded: LoadedReplay, saveId: string): Session | null {
  return begin({
    scenarioId: loaded.scenario.id,
    seed: loaded.replay.seed,
    seats: loaded.replay.setup.seats,
    computer: computerOf(loaded),
    initial: loaded.states.at(-1)!,
    saveId,
  });
}

/**
 * A new game from a moment of a replay: the same world and the same random future from there on.
 * Whoever the replay's computer played stays the computer; in a watched game the side to move is
 * handed to the player.
 */
export function branchFrom(loaded: LoadedReplay, index: number): Session | null {
  const initial = loaded.states[index]!;
  const seats = { ...loaded.replay.setup.seats };
  if (seats.kim === 'computer' && seats.putin === 'computer') seats[initial.active ?? 'kim'] = 'human';
  const computer = computerOf(loaded);
  for (const role of ROLES) if (seats[role] === 'computer') computer[role] ??= { level: 'normal' };
  return begin({ scenarioId: loaded.scenario.id, seed: loaded.replay.seed, seats, computer, initial });
}

/** The title-screen choice a running game amounts to (for "play again" after a resumed game). */
export function choiceOf(session: Session): TitleChoice {
  const seats = session.options.seats;
  const human = ROLES.find((r) => seats[r] === 'human') ?? 'kim';
  const computer = ROLES.find((r) => seats[r] === 'computer');
  const personalities: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const id = seats[role] === 'computer' ? session.computerSetup(role).personality : undefined;
    if (id !== undefined) personalities[role] = id;
  }
  return {
    scenarioId: session.scenario.id,
    role: human,
    mode: modeOf(seats),
    seed: session.options.seed,
    level: computer ? session.computerSetup(computer).level : 'normal',
    personalities,
  };
}

/** Stops saving the current game (it is over, or the player left it). */
export function stopSaving(): void {
  saving?.stop();
  saving = null;
}

// the title leaves the game in progress without loading this module (choice.ts)
onLeaveGame(() => {
  stopSaving();
  endSession();
});
