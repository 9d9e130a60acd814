// A class of 25 students, simulated: each plays the session's world (random or greedy choices,
// the computer at easy level on the other side) and hands in a result, as a file or as a code.
// The results are read back (broken and foreign ones reported by name, the others counted) and
// every figure of the dashboard is checked against figures taken straight from the simulated
// games, by code of the test's own; the CSV is parsed back and compared with the dashboard.
import { describe, expect, it } from 'vitest';
import { ROLES, stableHash, type GameState, type Role } from '../src/engine/index.ts';
import { serializeReplay, type KnownScenario } from '../src/persist/index.ts';
import { loadLibrary } from '../src/scenario/node.ts';
import {
  buildDashboard,
  buildResult,
  choicesCsv,
  parseResults,
  resultCode,
  resultScenarioIds,
  serializeResult,
  toCsv,
  type ClassSession,
  type Dashboard,
  type ParsedResults,
  type ResultFile,
  type ResultSource,
} from '../src/classroom/index.ts';
import { LIBRARY, SUMMIT } from './fixtures/replays/support.ts';
import { halfAndHalfSession, play, resultOf, type Played } from './fixtures/classroom/class.ts';
import { parseCsv } from './fixtures/classroom/csv.ts';

const TRADEOFFS = loadLibrary().tradeoffs;
const SESSION = halfAndHalfSession(SUMMIT, { turnSeconds: 120, title: 'Year 10 history' });

const CLASS = Array.from({ length: 25 }, (_, i) => play(SUMMIT, SESSION, i + 1));
const RESULTS = CLASS.map((p) => resultOf(SESSION, p));
/** Odd students hand in files, even ones paste codes. */
const INPUTS: ResultSource[] = RESULTS.map((r, i) =>
  i % 2 === 0
    ? { name: `student-${i + 1}.result.json`, text: serializeResult(r) }
    : { name: `code ${i + 1}`, text: resultCode(r) },
);

function parse(inputs: readonly ResultSource[], session?: ClassSession): ParsedResults {
  return parseResults(inputs, LIBRARY, session);
}

function dashboardOf(parsed: ParsedResults): Dashboard {
  return buildDashboard({
    scenario: SUMMIT.scenario,
    results: parsed.results,
    session: parsed.session,
    tradeoffs: TRADEOFFS,
  });
}

function expectInert(messages: readonly string[]): void {
  for (const m of messages) expect(m).not.toMatch(/[<>\n\r]/);
}

describe('results', () => {
  it('are small: a file of a few kB, a code of about a thousand characters', () => {
    const file = serializeResult(RESULTS[0]!);
    expect(file.length).toBeLessThan(6000);
    expect(JSON.parse(file)).toEqual(JSON.parse(JSON.stringify(RESULTS[0])));
    for (const r of RESULTS) expect(resultCode(r)).toMatch(/^SFO1-[A-Za-z0-9_-]{300,1500}$/);
  });

  it('are refused when the label is not one, or the game is not of the session', () => {
    const replay = CLASS[0]!.file;
    for (const label of ['', '   ', 'a\u0007b', 'two\nlines', 'x'.repeat(41)])
      expect(buildResult({ label, session: SESSION, replay })).toMatchObject({
        ok: false,
        code: 'bad-label',
      });
    expect(buildResult({ label: '  Ana  ', session: SESSION, replay })).toMatchObject({
      ok: true,
      result: { label: 'Ana' },
    });
    expect(buildResult({ label: 'Ana', session: { ...SESSION, seed: 1 }, replay })).toMatchObject({
      ok: false,
      code: 'not-this-session',
      message:
        "This result cannot be handed in: its game was played in world 2023, and its class session's world is 1.",
    });
    expect(buildResult({ label: 'Ana', session: { ...SESSION, roles: 'pairs' }, replay })).toMatchObject({
      ok: false,
      code: 'not-this-session',
    });
  });

  it('read back from files and codes: every game checked and counted, in order', () => {
    const parsed = parse(INPUTS);
    expect(parsed.errors).toEqual([]);
    expect(parsed.duplicates).toEqual([]);
    expect(parsed.results.map((r) => r.name)).toEqual(INPUTS.map((i) => i.name));
    expect(parsed.results.map((r) => r.label)).toEqual(CLASS.map((p) => p.label));
    expect(parsed.results.map((r) => r.replay)).toEqual(CLASS.map((p) => p.file));
    expect(parsed.results.map((r) => r.side)).toEqual(CLASS.map((p) => p.side));
    expect(parsed.session).toEqual(withoutTitle(SESSION));
    expect(parse(INPUTS, SESSION).session).toEqual(SESSION);
    expect(resultScenarioIds(INPUTS)).toEqual(['vostochny-summit']);
  });

  it('keep a label with HTML as the same inert text', () => {
    const parsed = parse(INPUTS);
    expect(parsed.results[2]!.label).toBe('<script>alert("pwned")</script>');
    expect(dashboardOf(parsed).games[2]!.label).toBe('<script>alert("pwned")</script>');
  });

  it('split a paste of many codes, whatever lies between them', () => {
    const codes = RESULTS.slice(0, 5).map(resultCode);
    const text = `Here are ours:\n${codes[0]}\n\n  ${codes[1]} ${codes[2]}\r\n- ${codes[3]},\t(${codes[4]})\nthanks!`;
    const parsed = parse([{ name: 'Pasted', text }]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.results.map((r) => r.name)).toEqual([1, 2, 3, 4, 5].map((i) => `Pasted, code ${i}`));
    expect(parsed.results.map((r) => r.label)).toEqual(CLASS.slice(0, 5).map((p) => p.label));
  });

  it('count the same game by the same student once, and report the repeat', () => {
    const again = { name: 'student-1 (again).json', text: resultCode(RESULTS[0]!) };
    const relabelled = { ...RESULTS[0]!, label: ' STUDENT   1 ' };
    const parsed = parse([...INPUTS, again, { name: 'copy', text: serializeResult(relabelled) }]);
    expect(parsed.results).toHaveLength(25);
    expect(parsed.errors).toEqual([]);
    expect(parsed.duplicates).toEqual([
      {
        name: again.name,
        sameAs: INPUTS[0]!.name,
        message: expect.stringContaining('counted once') as string,
      },
      {
        name: 'copy',
        sameAs: INPUTS[0]!.name,
        message: expect.stringContaining('"student-1.result.json"') as string,
      },
    ]);
    // another student's identical game is theirs: it counts
    const other = { ...RESULTS[0]!, label: 'Somebody else' };
    expect(parse([...INPUTS, { name: 'other', text: serializeResult(other) }]).results).toHaveLength(26);
  });

  it('report a broken or foreign input by name, and count the other 24', () => {
    const file = serializeResult(RESULTS[6]!);
    const data = JSON.parse(file) as Record<string, unknown>;
    const edited = (change: Record<string, unknown>): string => JSON.stringify({ ...data, ...change });
    const cases: [string, unknown, string, string?][] = [
      ['truncated JSON', file.slice(0, file.length >> 1), 'not-json'],
      ['foreign JSON', '{ "homework": "done", "score": 10 }', 'wrong-format'],
      ['a replay, not a result', serializeReplay(CLASS[6]!.file), 'is-replay'],
      [
        'another version of the scenario',
        serializeResult(otherVersionResult()),
        'bad-session',
        'scenario-changed',
      ],
      ['a control character in the label', edited({ label: 'Ana\u0007' }), 'bad-label'],
      ['a label too long', edited({ label: 'x'.repeat(41) }), 'bad-label'],
      ['an extra field', edited({ grade: 'A+' }), 'malformed'],
      ['a newer version', edited({ version: 2 }), 'unsupported-version'],
      ['a mistyped class code', edited({ session: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }), 'bad-session', 'check-failed'],
      [
        'an edited game',
        edited({ replay: { ...CLASS[6]!.file, outcome: { ...CLASS[6]!.file.outcome, turn: 3 } } }),
        'bad-replay',
        'outcome-mismatch',
      ],
      [
        'a game of another world',
        edited({
          session: resultOf({ ...SESSION, seed: 9 }, play(SUMMIT, { ...SESSION, seed: 9 }, 1, 'kim')).session,
        }),
        'not-this-session',
      ],
      ['a truncated code', resultCode(RESULTS[6]!).slice(0, 200), 'bad-code'],
      ['a code with a wrong character', resultCode(RESULTS[6]!).replace(/(.{40})./, '$1*'), 'bad-code'],
      ['an empty file', '\uFEFF  \n', 'empty'],
      ['a web page', '<!doctype html><title>x</title>', 'not-json'],
      ['words', 'I forgot to save my game', 'no-result'],
      ['not text', 42, 'not-text'],
      ['a huge file', `{"x":"${'a'.repeat(600_000)}"}`, 'too-large'],
    ];
    for (const [what, text, code, cause] of cases) {
      const name = `<img src=x onerror=alert(1)> ${what}.json`;
      const inputs = INPUTS.map((input, i) => (i === 6 ? { name, text: text as string } : input));
      const parsed = parse(inputs);
      expect(parsed.errors, what).toEqual([
        { name, code, message: expect.any(String) as string, ...(cause === undefined ? {} : { cause }) },
      ]);
      expect(parsed.results, what).toHaveLength(24);
      expect(parsed.results.map((r) => r.name)).not.toContain(name);
      expect(dashboardOf(parsed).games, what).toHaveLength(24);
      expectInert(parsed.errors.map((e) => e.message));
    }
  });

  it('set aside results of another class session: the one given, or the one most results are of', () => {
    const otherSession = { ...SESSION, seed: 77, roles: 'all-kim' as const };
    const strays = [1, 2].map((n) => resultOf(otherSession, play(SUMMIT, otherSession, n)));
    const inputs = [
      { name: 'stray 1', text: resultCode(strays[0]!) },
      ...INPUTS,
      { name: 'stray 2', text: resultCode(strays[1]!) },
    ];
    for (const parsed of [parse(inputs), parse(inputs, SESSION)]) {
      expect(parsed.results).toHaveLength(25);
      expect(parsed.errors.map((e) => [e.name, e.code])).toEqual([
        ['stray 1', 'other-session'],
        ['stray 2', 'other-session'],
      ]);
      expect(parsed.errors[0]!.message).toMatch(
        /^This result is from another class session \(code [0-9A-Z-]{19}; this class's code is [0-9A-Z-]{19}\)\.$/,
      );
    }
    // the strays' own class, when it is the one given
    expect(parse(inputs, otherSession).results.map((r) => r.name)).toEqual(['stray 1', 'stray 2']);
  });
});

/** The session as a code carries it: without its title. */
function withoutTitle(session: ClassSession): ClassSession {
  const { title: _title, ...rest } = session;
  return rest;
}

/** A result made by a game whose copy of the scenario was edited since (another content hash). */
function otherVersionResult(): ResultFile {
  const scenario = { ...SUMMIT.scenario, summary: `${SUMMIT.scenario.summary} (edited)` };
  const edited: KnownScenario = { scenario, hash: stableHash(scenario) };
  const session = { ...SESSION, scenarioHash: edited.hash };
  const built = buildResult({ label: 'From home', session, replay: play(edited, session, 1).file });
  if (!built.ok) throw new Error(built.message);
  return built.result;
}

/** The game's last state. */
const last = (p: Played): GameState => p.states.at(-1)!;
/** The roles a student held in the game. */
const humans = (p: Played): readonly Role[] => (p.side === 'both' ? ROLES : [p.side]);
/** Whether the card was in a hand, or offered, at any moment of the game. */
const dealt = (p: Played, card: string): boolean =>
  p.states.some((s) => ROLES.some((r) => s.hands[r].includes(card)) || s.offers.some((o) => o.card === card));

/** The median, computed here on its own. */
const mid = (xs: number[]): number => {
  const s = xs.toSorted((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('the dashboard', () => {
  const parsed = parse(INPUTS, SESSION);
  const dashboard = dashboardOf(parsed);
  const scenario = SUMMIT.scenario;
  it('has one game per result: its ending, scores, months, moves and meters', () => {
    expect(dashboard.games).toHaveLength(25);
    CLASS.forEach((p, i) => {
      const end = last(p);
      const g = dashboard.games[i]!;
      expect([g.index, g.label, g.side, g.replay]).toEqual([i, p.label, p.side, p.file]);
      expect(g.ending?.id ?? null).toBe(end.ending?.id ?? null);
      expect(g.ending?.title).toBe(scenario.endings.find((e) => e.id === end.ending?.id)?.title);
      expect(g.ending?.result).toEqual(end.ending?.result);
      expect(g.score).toEqual(end.score);
      expect(g.months).toBe(end.turn);
      expect(g.moves).toBe(p.file.log.length);
      expect(g.final).toEqual(end.meters);
      // month by month: the meters when each month's first move was open, then at the end
      const starts = [...new Set(p.states.map((s) => s.turn))].map(
        (t) => p.states.find((s) => s.turn === t)!.meters,
      );
      expect(g.timeline).toEqual(end.phase === 'over' ? [...starts, end.meters] : starts);
    });
    expect(dashboard.games.filter((g) => g.ending === null).map((g) => g.index)).toEqual([23, 24]);
    expect(dashboard.meters.map((m) => m.id)).toEqual(Object.keys(scenario.meters));
  });

  it('counts the endings reached by each side, and their shares', () => {
    expect(dashboard.endings.map((t) => t.side)).toEqual(['kim', 'putin']);
    for (const table of dashboard.endings) {
      const own = CLASS.filter((p) => p.side === table.side);
      expect(table.games).toBe(own.length);
      const ids = own.map((p) => last(p).ending?.id ?? null);
      expect(table.rows.map((r) => r.ending)).toEqual([
        ...scenario.endings.map((e) => e.id),
        ...(ids.includes(null) ? [null] : []),
      ]);
      for (const row of table.rows) {
        const count = ids.filter((id) => id === row.ending).length;
        expect(row.count).toBe(count);
        expect(row.share).toBeCloseTo(count / own.length, 12);
      }
      expect(table.rows.reduce((sum, r) => sum + r.count, 0)).toBe(own.length);
    }
    expect(dashboard.endings.reduce((sum, t) => sum + t.games, 0)).toBe(25);
  });

  it('counts every option chosen on every card, by students and by the computer', () => {
    expect(dashboard.cards.map((c) => c.card)).toEqual(scenario.cards.map((c) => c.id));
    let students = 0;
    for (const c of dashboard.cards) {
      const card = scenario.cards.find((k) => k.id === c.card)!;
      expect([c.title, c.role, c.paragraphs, c.quote]).toEqual([
        card.title,
        card.role,
        card.paragraphs,
        card.quote ?? null,
      ]);
      expect(c.tradeoffs).toEqual(
        card.tradeoffs.map((id) => ({ id, statement: TRADEOFFS.find((t) => t.id === id)!.statement })),
      );
      expect(c.dealtIn).toBe(CLASS.filter((p) => dealt(p, card.id)).length);
      expect(c.chosenIn).toBe(CLASS.filter((p) => p.file.log.some((m) => m.card === card.id)).length);
      for (const o of c.options) {
        const moves = CLASS.flatMap((p) =>
          p.file.log
            .filter((m) => m.card === card.id && m.option === o.option)
            .map((m) => humans(p).includes(m.role)),
        );
        expect(o.label).toBe(card.options.find((k) => k.id === o.option)!.label);
        expect([o.students, o.computer]).toEqual([
          moves.filter(Boolean).length,
          moves.filter((h) => !h).length,
        ]);
        students += o.students;
      }
    }
    const allMoves = CLASS.reduce((sum, p) => sum + p.file.log.length, 0);
    const total = dashboard.cards.reduce(
      (sum, c) => sum + c.options.reduce((s, o) => s + o.students + o.computer, 0),
      0,
    );
    expect(total).toBe(allMoves);
    expect(students).toBe(
      CLASS.reduce((sum, p) => sum + p.file.log.filter((m) => humans(p).includes(m.role)).length, 0),
    );
  });

  it('sorts the trade-offs into those the class met and those it never met', () => {
    const ids = [...new Set(scenario.cards.flatMap((c) => c.tradeoffs))];
    const { met, never } = dashboard.tradeoffs;
    expect([...met, ...never].map((t) => t.id).toSorted()).toEqual(ids.toSorted());
    for (const t of [...met, ...never]) {
      const cards = scenario.cards.filter((c) => c.tradeoffs.includes(t.id)).map((c) => c.id);
      expect(t.cards).toEqual(cards);
      expect(t.statement).toBe(TRADEOFFS.find((k) => k.id === t.id)!.statement);
      expect(t.dealtIn).toBe(CLASS.filter((p) => cards.some((c) => dealt(p, c))).length);
      expect(t.chosenIn).toBe(CLASS.filter((p) => p.file.log.some((m) => cards.includes(m.card))).length);
    }
    expect(met.every((t) => t.dealtIn > 0) && never.every((t) => t.dealtIn === 0)).toBe(true);
    expect(met.length).toBeGreaterThan(0);
  });

  it('finds the unusual games: rare endings, and scores far from the median', () => {
    const expected: [number, string[]][] = [];
    CLASS.forEach((p, i) => {
      const own = CLASS.filter((q) => q.side === p.side);
      const reasons: string[] = [];
      const ending = last(p).ending?.id ?? null;
      if (own.filter((q) => (last(q).ending?.id ?? null) === ending).length / own.length <= 0.1)
        reasons.push(`rare-ending ${ending}`);
      const role = p.side as Role;
      const scores = own.filter((q) => last(q).ending !== null).map((q) => last(q).score[role]);
      const m = mid(scores);
      const spread = mid(scores.map((x) => Math.abs(x - m)));
      const points = scenario.objectives.filter((o) => o.role === role).reduce((s, o) => s + o.points, 0);
      const far = Math.abs(last(p).score[role] - m) >= Math.max(3 * spread, Math.ceil(points / 5), 1);
      if (last(p).ending !== null && far) reasons.push(`far-score ${role}`);
      if (reasons.length > 0) expected.push([i, reasons]);
    });
    const actual = dashboard.unusual.map((u): [number, string[]] => [
      u.game,
      u.reasons.map((r) => (r.kind === 'rare-ending' ? `rare-ending ${r.ending}` : `far-score ${r.role}`)),
    ]);
    expect(actual).toEqual(expected);
    expect(actual.length).toBeGreaterThan(0);
    for (const u of dashboard.unusual) {
      expect([u.label, u.name, u.side, u.replay]).toEqual([
        CLASS[u.game]!.label,
        INPUTS[u.game]!.name,
        CLASS[u.game]!.side,
        CLASS[u.game]!.file,
      ]);
    }
    for (const s of dashboard.scores) {
      const scores = CLASS.filter((p) => p.side === s.side && last(p).ending).map(
        (p) => last(p).score[s.role],
      );
      expect([s.games, s.median]).toEqual([scores.length, mid(scores)]);
    }
  });

  it('gives a pairs class one table for both roles, and every move to the students', () => {
    const pairs: ClassSession = { ...SESSION, roles: 'pairs' };
    const games = [1, 2, 3, 4].map((n) => play(SUMMIT, pairs, n));
    const read = parse(
      games.map((p, i) => ({ name: `pair ${i + 1}`, text: resultCode(resultOf(pairs, p)) })),
    );
    expect(read.errors).toEqual([]);
    const d = dashboardOf(read);
    expect(d.endings.map((t) => [t.side, t.games])).toEqual([['both', 4]]);
    expect(d.scores.map((s) => [s.side, s.role])).toEqual([
      ['both', 'kim'],
      ['both', 'putin'],
    ]);
    const chosen = d.cards.flatMap((c) => c.options);
    expect(chosen.reduce((s, o) => s + o.computer, 0)).toBe(0);
    expect(chosen.reduce((s, o) => s + o.students, 0)).toBe(games.reduce((s, p) => s + p.file.log.length, 0));
  });

  it('writes the games as CSV that reads back to the same figures', () => {
    const rows = parseCsv(toCsv(dashboard));
    const meters = Object.keys(scenario.meters);
    expect(rows[0]).toEqual([
      ...'label,file,side,ending_id,ending_title,finished,result_kim,result_putin'.split(','),
      ...'score_kim,score_putin,months,moves'.split(','),
      ...meters,
    ]);
    expect(rows).toHaveLength(26);
    CLASS.forEach((p, i) => {
      const end = last(p);
      const title = scenario.endings.find((e) => e.id === end.ending?.id)?.title ?? '';
      const cells = rows[i + 1]!;
      expect(cells.slice(0, 8)).toEqual([
        spreadsheetText(p.label),
        INPUTS[i]!.name,
        p.side,
        end.ending?.id ?? '',
        title,
        end.ending ? 'yes' : 'no',
        end.ending?.result.kim ?? '',
        end.ending?.result.putin ?? '',
      ]);
      expect(cells.slice(8).map(Number)).toEqual([
        end.score.kim,
        end.score.putin,
        end.turn,
        p.file.log.length,
        ...meters.map((m) => end.meters[m]),
      ]);
    });
    expect(rows[3]![0]).toBe('<script>alert("pwned")</script>');
    expect(rows[4]![0]).toBe(`'=HYPERLINK("http://example.org","click")`);
    expect(rows[5]![0]).toBe('O\'Brien, "Jo" & Sam');
  });

  it('writes the card choices as CSV that reads back to the same table', () => {
    const rows = parseCsv(choicesCsv(dashboard));
    expect(rows[0]).toEqual(
      'card_id,card_title,card_role,option_id,option_label,chosen_by_students,chosen_by_computer,card_dealt_in_games,card_chosen_in_games,tradeoffs,paragraphs'.split(
        ',',
      ),
    );
    const expected = dashboard.cards.flatMap((c) =>
      c.options.map((o) => [
        c.card,
        spreadsheetText(c.title),
        c.role,
        o.option,
        spreadsheetText(o.label),
        String(o.students),
        String(o.computer),
        String(c.dealtIn),
        String(c.chosenIn),
        c.tradeoffs.map((t) => t.id).join(' '),
        c.paragraphs.join(' '),
      ]),
    );
    expect(rows.slice(1)).toEqual(expected);
    expect(expected).toHaveLength(scenario.cards.reduce((s, c) => s + c.options.length, 0));
  });
});

/** What a spreadsheet must see for free text: a leading =, +, -, @, tab or CR escaped by an apostrophe. */
function spreadsheetText(text: string): string {
  return '=+-@\t\r'.includes(text[0] ?? 'x') ? `'${text}` : text;
}

/** RFC 4180, strictly: CRLF after every record, quoted fields with doubled quotes. */
