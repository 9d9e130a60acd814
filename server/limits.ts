// The server's limits, in one place (docs/live-server.md computes the guessing odds from them).

/** Wrong codes, teacher secrets or tokens an address may try a minute before it is refused. */
export const FAILURES_PER_MINUTE = 20;
/** Join attempts an address may make a minute (a class behind one school address joins at once). */
export const JOINS_PER_MINUTE = 300;
/** Live classes an address may make per ten minutes. */
export const CREATES_PER_TEN_MINUTES = 30;
/** How often the retention sweep runs (more often for a retention shorter than 20 minutes). */
export const SWEEP_MS = 5 * 60 * 1000;
