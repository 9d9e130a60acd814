// Where things are, for the browser tests and their global setup.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tools/browser/chromium.ts';

/** Screenshots go here (gitignored). */
export const SCREENS_DIR = `${REPO_ROOT}/out/screens`;

/** The world number every reproducible game in these tests is played in. */
export const SEED = 20230913;
