// The game the server hands out: dist/, built with Vite when it is missing or older than any of
// its sources (src/, scenarios/, public/, index.html, the Vite config).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');
const SOURCES = ['src', 'scenarios', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** The newest modification time (ms) of a file or anything under a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/** Why dist/ must be built, or null if it is up to date. */
export function buildNeeded(root = ROOT, dist = join(root, 'dist')): string | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return 'there is no build yet';
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(root, s)) > built);
  return changed === undefined ? null : `${changed} changed since the last build`;
}

/** Builds dist/ with `vite build` if needed; throws if the build fails. */
export function ensureBuilt(log: (line: string) => void = console.log): void {
  const why = buildNeeded();
  if (why === null) return;
  log(`Building the game (${why})…`);
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('the game did not build (vite build failed; see above)');
}
