// `npm run balance -- --from-sim DIR`: the balance checks on reports the simulator already wrote
// (`npm run sim -- --json > DIR/NAME.json`), one per role and opponent: the greedy player against
// the normal opponent, and against the hard one. Which report is which is read from its players.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRules, ROLES, otherRole, type Role, type Rules } from '../src/engine/index.ts';
import { loadShippedScenario } from '../src/scenario/node.ts';
import type { BalanceReport } from '../src/sim/report.ts';
import type { RoleReports } from './balance.ts';

export interface SimReports {
  rules: Rules;
  reports: Partial<Record<Role, RoleReports>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parts of a report the checks read, checked; a message when it is not such a report. */
function asReport(data: unknown): BalanceReport | string {
  if (!isRecord(data) || !isRecord(data.scenario) || typeof data.scenario.id !== 'string')
    return 'it is not a report of `npm run sim -- --json` (no scenario)';
  if (
    !isRecord(data.policies) ||
    !ROLES.every((r) => typeof (data.policies as Record<string, unknown>)[r] === 'string')
  )
    return 'it does not say who played each role ("policies")';
  if (!isRecord(data.results) || !Array.isArray(data.endings) || !Array.isArray(data.options))
    return 'it has no results, endings or options';
  if (typeof data.games !== 'number' || typeof data.scenario.hash !== 'string')
    return 'it has no games count or hash';
  return data as unknown as BalanceReport;
}

/**
 * Reads every `*.json` in `dir` and sorts the reports by scenario and role. Throws an Error with a
 * plain message naming the file for anything it cannot use.
 */
export function readSimReports(dir: string): Map<string, SimReports> {
  const byScenario = new Map<string, SimReports>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .toSorted();
  if (files.length === 0) throw new Error(`${dir} holds no .json reports of npm run sim`);
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch {
      throw new Error(`${file}: not JSON`);
    }
    const report = asReport(data);
    if (typeof report === 'string') throw new Error(`${file}: ${report}`);
    const role = ROLES.find((r) => report.policies[r] === 'greedy');
    const opponent = role ? report.policies[otherRole(role)] : undefined;
    const kind = opponent?.startsWith('normal') ? 'normal' : opponent?.startsWith('hard') ? 'hard' : null;
    if (!role || !kind)
      throw new Error(
        `${file}: the checks read greedy against normal or hard, not ${report.policies.kim} (kim) against ${report.policies.putin} (putin)`,
      );
    let entry = byScenario.get(report.scenario.id);
    if (!entry) {
      let shipped;
      try {
        shipped = loadShippedScenario(report.scenario.id);
      } catch {
        throw new Error(`${file}: no shipped scenario "${report.scenario.id}"`);
      }
      entry = { rules: compileRules(shipped.scenario), reports: {} };
      if (shipped.hash !== report.scenario.hash)
        throw new Error(
          `${file}: made with another version of "${report.scenario.id}" (hash ${report.scenario.hash}; the shipped one is ${shipped.hash})`,
        );
      byScenario.set(report.scenario.id, entry);
    }
    const slot = (entry.reports[role] ??= { normal: report, hard: null });
    if (kind === 'normal') slot.normal = report;
    else slot.hard = report;
  }
  for (const [id, entry] of byScenario)
    for (const role of entry.rules.scenario.roles) {
      const slot = entry.reports[role];
      if (!slot || slot.normal.policies[otherRole(role)]?.startsWith('normal') !== true)
        throw new Error(`${id}: no report of greedy ${role} against the normal opponent`);
    }
  return byScenario;
}
