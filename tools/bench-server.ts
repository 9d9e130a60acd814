// npm run bench:server: simulated classes against the real live server over loopback. Each class
// is a teacher and 30 students (the real browser SDK in this process, tools/live-sim.ts) playing
// against the computer at a student's pace, then faster. Prints the clients held, each move's
// round trip (sent → the view that shows it) p50/p95/p99, the server's CPU per move and memory per
// session. The server is its own process (one event loop: one core), measured from /proc. The
// classes start over a few seconds and the figures are taken after that, for --duration seconds.
//
//   npm run bench:server [-- --classes 40 --students 30 --think 5000 --fast-think 500 --duration 60 --json]
//
// startServers() is the hook for several processes (issue 12's --processes N).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../server/catalogue.ts';
import type { CreateSessionAnswer } from '../src/live/protocol.ts';
import { createLiveSession, Device, Student, Teacher } from './live-sim.ts';
import { startBenchCluster } from '../server/clusterProcesses.ts';
import { startServer } from '../server/serverProcess.ts';

export interface BenchOptions {
  classes: number;
  students: number;
  /** A student's mean think time per move (ms), ±50 %. */
  think: number;
  /** The faster phase's think time (ms); 0 skips the phase. */
  fastThink: number;
  /** Seconds each phase plays. */
  duration: number;
  level: 'easy' | 'normal' | 'hard';
  processes: number;
  json: boolean;
}

const DEFAULTS: BenchOptions = {
  classes: 40,
  students: 30,
  think: 5000,
  fastThink: 500,
  duration: 60,
  level: 'normal',
  processes: 1,
  json: false,
};

const LIMITS = {
  classes: [1, 200],
  students: [1, 100],
  think: [0, 60_000],
  fastThink: [0, 60_000],
  duration: [1, 600],
};

function parseArgs(argv: string[]): BenchOptions {
  const o = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const name = flag.replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    if (flag === '--json') o.json = true;
    else if (flag === '--help') {
      console.log(
        'npm run bench:server [-- --classes 40 --students 30 --think MS --fast-think MS --duration S --level normal --processes N --json]',
      );
      process.exit(0);
    } else if (name === 'level') {
      const v = argv[++i];
      if (v !== 'easy' && v !== 'normal' && v !== 'hard') throw new Error('--level is easy, normal or hard');
      o.level = v;
    } else if (name in LIMITS || name === 'processes') {
      const v = Number(argv[++i]);
      const [min, max] = name === 'processes' ? [1, 8] : LIMITS[name as keyof typeof LIMITS];
      if (!Number.isInteger(v) || v < min! || v > max!)
        throw new Error(`${flag} needs a whole number from ${min} to ${max}`);
      (o as unknown as Record<string, number>)[name] = v;
    } else throw new Error(`unknown option ${flag} (see --help)`);
  }
  return o;
}

/** The bench's clients all come from one address: no join limits. */
const BENCH_SERVER_ARGS = [
  '--joins-per-minute',
  '1000000',
  '--join-failures-per-minute',
  '1000000',
  '--sessions-per-ten-minutes',
  '1000000',
];

export interface ServerSet {
  urls: string[];
  pids: number[];
  stop(): Promise<void>;
}

/**
 * Starts `n` live server processes on 127.0.0.1 and gives their addresses. One process: its own
 * SQLite file in a temporary folder. (Issue 12 adds n > 1: several processes sharing a Redis.)
 */
export async function startServers(n: number): Promise<ServerSet> {
  // issue 12 hook: several processes sharing one Redis started for the run (server/clusterProcesses.ts)
  if (n !== 1) return startBenchCluster(n, BENCH_SERVER_ARGS);
  const dir = mkdtempSync(join(tmpdir(), 'sfo-bench-'));
  const server = await startServer(dir, BENCH_SERVER_ARGS, 0, true);
  return {
    urls: [server.base],
    pids: [server.pid],
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A process's CPU time (user + system, ms) and resident memory (bytes), from /proc. */
function usage(pid: number): { cpuMs: number; rss: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuMs: (ticks * 1000) / 100, rss: rssKb * 1024 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface PhaseResult {
  phase: string;
  thinkMs: number;
  classes: number;
  clientsHeld: number;
  clientsWanted: number;
  studentMoves: number;
  allMoves: number;
  roundTripMs: { p50: number; p95: number; p99: number; max: number };
  serverCpuMsPerMove: number;
  serverCpuShare: number;
  memoryPerSessionMB: number;
  serverRssMB: number;
  errors: number;
  /** The share of one core this process (the simulated devices) used: near 100 % means the clients, not the server, set the pace. */
  clientCpuShare: number;
  /** The machine's 1-minute load average at the end of the phase, and its cores: above the cores, every process waits for a turn. */
  loadAverage: number;
  cores: number;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

async function runPhase(
  servers: ServerSet,
  o: BenchOptions,
  phase: string,
  thinkMs: number,
): Promise<PhaseResult> {
  const summit = loadCatalogue().get('vostochny-summit')!;
  const pids = servers.pids;
  const base = pids.map(usage);
  const classes: { made: CreateSessionAnswer; url: string; teacher: Teacher; students: Student[] }[] = [];
  for (let c = 0; c < o.classes; c++) {
    const url = servers.urls[c % servers.urls.length]!;
    const made = await createLiveSession(url, {
      scenarioId: summit.scenario.id,
      scenarioHash: summit.hash,
      roles: 'half-and-half',
      level: o.level,
      turnSeconds: null,
      seed: 1000 + c,
    });
    classes.push({
      made,
      url,
      teacher: await Teacher.join(url, made.sessionId, made.teacherSecret),
      students: [],
    });
  }
  const joins = classes.flatMap((k) => Array.from({ length: o.students }, (_, i) => ({ k, i })));
  await inBatches(joins, 25, async ({ k, i }) => {
    const s = await Student.join(k.url, k.made.sessionId, {
      kind: 'student',
      code: k.made.joinCode,
      name: `Student ${i + 1}`,
      number: i + 1,
    });
    k.students.push(s);
  });
  const afterJoin = pids.map(usage);
  const roundTrips: number[] = [];
  let measuring = false;
  for (const [c, k] of classes.entries()) {
    k.students.forEach((s, i) =>
      s.autoplay({
        rules: summit.rules,
        choiceSeed: c * 100 + i + 1,
        // jitter: a class does not move in step
        thinkMs: thinkMs === 0 ? 0 : Math.round(thinkMs * (0.5 + ((i * 37 + c * 11) % 100) / 100)),
        onRoundTrip: (ms) => {
          if (measuring) roundTrips.push(ms);
        },
      }),
    );
  }
  const logLength = () =>
    classes.reduce((n, k) => n + k.students.reduce((m, s) => m + (s.mirror?.log.length ?? 0), 0), 0);
  // classes start one after another over a few seconds, as lessons do (not 1,200 students at the
  // same instant); measuring begins once the last has started and its first moves are in
  const spread = Math.max(2000, 2 * thinkMs);
  classes.forEach((k, c) => setTimeout(() => k.teacher.send('start'), (c * spread) / classes.length));
  await new Promise((r) => setTimeout(r, spread + Math.max(1000, thinkMs)));
  const before = pids.map(usage);
  const clientBefore = process.cpuUsage();
  const logBefore = logLength();
  const movesBefore = classes.reduce((n, k) => n + k.students.reduce((m, s) => m + s.moves, 0), 0);
  measuring = true;
  await new Promise((r) => setTimeout(r, o.duration * 1000));
  measuring = false;
  const after = pids.map(usage);
  const client = process.cpuUsage(clientBefore);
  const students = classes.flatMap((k) => k.students);
  for (const s of students) s.stop();
  const studentMoves = students.reduce((m, s) => m + s.moves, 0) - movesBefore;
  const allMoves = logLength() - logBefore;
  const cpuMs = after.reduce((n, u, i) => n + u.cpuMs - before[i]!.cpuMs, 0);
  const held =
    students.filter((s) => s.closed === null).length +
    classes.filter((k) => k.teacher.closed === null).length;
  const errors = students.reduce((n, s) => n + s.errors.length, 0);
  const rssAfterJoin = afterJoin.reduce((n, u) => n + u.rss, 0);
  const rssBase = base.reduce((n, u) => n + u.rss, 0);
  const rssEnd = after.reduce((n, u) => n + u.rss, 0);
  // done: every class ended (and so deleted), every device gone
  for (const k of classes) k.teacher.send('end');
  await new Promise((r) => setTimeout(r, 1000));
  await inBatches([...students, ...classes.map((k) => k.teacher)], 100, (d) => d.leave());
  const sorted = roundTrips.toSorted((a, b) => a - b);
  return {
    phase,
    thinkMs,
    classes: o.classes,
    clientsHeld: held,
    clientsWanted: o.classes * (o.students + 1),
    studentMoves,
    allMoves,
    roundTripMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
    },
    serverCpuMsPerMove: cpuMs / Math.max(1, allMoves),
    serverCpuShare: cpuMs / (o.duration * 1000),
    memoryPerSessionMB: Math.max(rssEnd, rssAfterJoin) / 1e6 / o.classes - rssBase / 1e6 / o.classes,
    serverRssMB: rssEnd / 1e6,
    errors,
    clientCpuShare: (client.user + client.system) / 1000 / (o.duration * 1000),
    loadAverage: loadavg()[0]!,
    cores: cpus().length,
  };
}

const f = (n: number, d = 1) => n.toFixed(d);

function show(r: PhaseResult): string {
  return [
    `${r.phase} (think ${r.thinkMs} ms ±50 %, ${r.classes} classes):`,
    `  clients held            ${r.clientsHeld} of ${r.clientsWanted} (students and teachers)`,
    `  moves                   ${r.studentMoves} by students, ${r.allMoves} in all (the computer's too)`,
    `  move round trip         p50 ${f(r.roundTripMs.p50)} ms, p95 ${f(r.roundTripMs.p95)} ms, p99 ${f(r.roundTripMs.p99)} ms (max ${f(r.roundTripMs.max)})`,
    `  server CPU per move     ${f(r.serverCpuMsPerMove, 2)} ms (the server process used ${f(r.serverCpuShare * 100)} % of one core)`,
    `  memory per session      ${f(r.memoryPerSessionMB, 2)} MB (server RSS ${f(r.serverRssMB)} MB)`,
    `  error answers           ${r.errors}`,
    `  simulated devices' CPU  ${f(r.clientCpuShare * 100)} % of one core (this process)`,
    `  machine                 load average ${f(r.loadAverage)} on ${r.cores} cores (above ${r.cores}, processes wait for a turn)`,
  ].join('\n');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  Device.keepHistory = false;
  const servers = await startServers(o.processes);
  const results: PhaseResult[] = [];
  try {
    results.push(await runPhase(servers, o, "a student's pace", o.think));
    if (o.fastThink > 0) results.push(await runPhase(servers, o, 'faster', o.fastThink));
  } finally {
    await servers.stop();
  }
  if (o.json) console.log(JSON.stringify({ options: o, results }, null, 2));
  else console.log(results.map(show).join('\n\n'));
}

if (process.argv[1]?.endsWith('bench-server.ts')) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
