// Where things are, for the browser tests and their global setup.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** Debian's Chromium; CI installs it (see .ci/run). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

/** Screenshots go here (gitignored). */
export const SCREENS_DIR = `${REPO_ROOT}/out/screens`;

/** The world number every reproducible game in these tests is played in. */
export const SEED = 20230913;
