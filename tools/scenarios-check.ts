// npm run scenarios:check [--json] [--strict-coverage] [FILE...]
// Validates scenario files (default: every shipped scenario), plays random games of each, and
// prints a summary and the trade-off coverage. Exit code 1 if any problem (for the shipped
// library, a trade-off of the catalogue that no card plays is one), 0 otherwise.
import { formatProblem, type ScenarioProblem } from '../src/scenario/load.ts';
import { checkScenarioFiles, type CheckReport } from '../src/scenario/check.ts';
import { shippedScenarioFiles } from '../src/scenario/node.ts';
import { summaryLine } from '../src/scenario/summary.ts';

const USAGE = `usage: npm run scenarios:check -- [--json] [--strict-coverage] [FILE...]
  FILE               scenario files to check (default: scenarios/*.scenario.yaml)
  --json             print the report as JSON
  --strict-coverage  fail when a trade-off of the catalogue is played by no card (always so
                     when no FILE is given: the shipped scenarios together must play them all)`;

function printProblem(p: ScenarioProblem): void {
  console.log(`  ${formatProblem(p)}`);
}

function printText(report: CheckReport): void {
  for (const f of report.files) {
    console.log(`${f.ok ? 'ok  ' : 'FAIL'} ${f.file}`);
    if (f.summary) console.log(`  ${summaryLine(f.summary)}`);
    if (f.endings) {
      const games = Object.values(f.endings).reduce((a, b) => a + b, 0);
      const ends = Object.entries(f.endings).map(([id, n]) => `${id} ${n}`);
      console.log(`  ${games} random games ended: ${ends.join(', ')}`);
    }
    f.problems.forEach(printProblem);
    for (const w of f.warnings) console.log(`  warning: ${formatProblem(w)}`);
  }
  if (report.coverage.length > 0) {
    const width = Math.max(...report.coverage.map((r) => r.tradeoff.length));
    const several = new Set(report.files.map((f) => f.summary?.id).filter(Boolean)).size > 1;
    console.log(
      `\ncoverage of the trade-off catalogue (${report.coverage.length - report.uncovered.length}/${report.coverage.length} played):`,
    );
    for (const row of report.coverage) {
      const cards = row.cards.map((c) => (several ? `${c.scenario}/${c.card}` : c.card));
      const played = cards.length > 0 ? cards.join(', ') : '— UNCOVERED';
      console.log(`  ${row.tradeoff.padEnd(width)}  ${row.faces.padEnd(5)}  ${played}`);
    }
  }
  report.problems.forEach((p) => console.log(formatProblem(p)));
  if (report.warnings.length > 0) {
    console.log(
      `warning: ${report.uncovered.length} trade-off(s) played by no card: ${report.uncovered.join(', ')}`,
    );
  }
  const problems = report.problems.length + report.files.reduce((n, f) => n + f.problems.length, 0);
  const warnings = report.warnings.length + report.files.reduce((n, f) => n + f.warnings.length, 0);
  console.log(`\n${report.files.length} file(s) checked: ${problems} problem(s), ${warnings} warning(s)`);
}

function main(argv: string[]): number {
  const flags = argv.filter((a) => a.startsWith('--'));
  const unknown = flags.filter((f) => !['--json', '--strict-coverage', '--help'].includes(f));
  if (flags.includes('--help') || unknown.length > 0) {
    if (unknown.length > 0) console.error(`unknown option ${unknown.join(', ')}`);
    console.error(USAGE);
    return unknown.length > 0 ? 2 : 0;
  }
  const given = argv.filter((a) => !a.startsWith('--'));
  const files = given.length > 0 ? given : shippedScenarioFiles();
  // the shipped library must play every trade-off; a file checked on its own (a draft) need not
  const strictCoverage = flags.includes('--strict-coverage') || given.length === 0;
  const report = checkScenarioFiles(files, { strictCoverage });
  if (flags.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else printText(report);
  return report.ok ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Data errors never get here; this is a bug in the checker itself, so say so plainly.
  console.error(`scenarios:check: internal error: ${(error as Error).message}`);
  process.exitCode = 2;
}
