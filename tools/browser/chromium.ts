// Debian's Chromium as the browser tests and the web benchmark launch it (CI installs it: .ci/run).

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless on this machine: no sandbox as root, no network beyond loopback, WebGL in software. */
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
