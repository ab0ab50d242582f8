// What `npm start` should do on this machine, as pure functions (start.mjs does the I/O):
// run the Electron shell when it can, else the headless hub with the demo branch, which
// serves every screen to a browser. Electron needs both a display and its binary; the
// `electron` package downloads the binary on first use and throws when it cannot.

export const HUB_PORT = 4180;
export const PROBE_TIMEOUT_MS = 20_000;

export const DEMO_LOGINS = [
  ['admin', 'admin'],
  ['manager', 'lobby manager'],
  ['supervisor', 'service-quality supervisor'],
  ['teller1 … teller6', 'tellers at counters 1–6'],
];
export const DEMO_PIN = '000000';
/** Every page a person opens: the six role screens, the records (the manager's and supervisor's books), pairing a terminal, and the first start's set-up. */
export const SCREENS = ['kiosk', 'counter', 'display', 'rate', 'manager', 'supervisor', 'admin', 'records', 'pair', 'setup'];

/** Linux and the BSDs need an X11 or Wayland display; macOS and Windows always have one. */
export function hasDisplay(platform, env) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Reads the probe child's outcome: it ran `require('electron')`, which prints the binary's
 * path, or threw (no binary, download failed), or was killed after PROBE_TIMEOUT_MS.
 * `exists` says whether a path exists on disk.
 */
export function readProbe({ code, timedOut, stdout }, exists) {
  if (timedOut) return { ok: false, why: `the Electron binary could not be found or downloaded within ${PROBE_TIMEOUT_MS / 1000} s` };
  const binary = String(stdout).trim();
  if (code !== 0 || binary === '') return { ok: false, why: 'no Electron binary could be downloaded' };
  if (!exists(binary)) return { ok: false, why: `the Electron binary is missing at ${binary}` };
  return { ok: true, binary };
}

/**
 * @param input.platform  process.platform
 * @param input.env       process.env
 * @param input.electron  readProbe()'s answer, or null when the probe was not run
 * @param input.rendererBuilt  whether out/renderer exists
 * @param input.node      the node executable (process.execPath)
 */
export function decideLaunch({ platform, env, electron, rendererBuilt, node }) {
  const npm = platform === 'win32' ? 'npm.cmd' : 'npm';
  const npx = platform === 'win32' ? 'npx.cmd' : 'npx';
  let why = null;
  if (env.ATRIUM_HEADLESS === '1') why = 'ATRIUM_HEADLESS=1 is set';
  else if (!hasDisplay(platform, env)) why = 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set';
  else if (electron === null) why = 'Electron was not probed';
  else if (!electron.ok) why = electron.why;

  if (why === null) {
    return {
      mode: 'electron',
      message: 'Starting the Atrium Electron shell.',
      steps: [
        { command: npm, args: ['run', 'build'] },
        { command: npx, args: ['electron', '.'] },
      ],
    };
  }
  const reason = why.startsWith('ATRIUM_HEADLESS') ? `Not starting Electron (${why})` : `Electron cannot run on this machine (${why})`;
  return {
    mode: 'hub',
    message: `${reason}; starting the headless branch hub with the demo branch instead.`,
    steps: [
      ...(rendererBuilt ? [] : [{ command: npm, args: ['run', 'build:renderer'] }]),
      {
        command: node,
        args: ['--import', 'tsx', 'main/cli.ts', 'hub', '--data', './data', '--port', String(HUB_PORT), '--demo'],
      },
    ],
  };
}

/** Whether the probe is worth running (it may try a download that takes a while). */
export function shouldProbe(platform, env) {
  return env.ATRIUM_HEADLESS !== '1' && hasDisplay(platform, env);
}

/** The hub's "listening on http://…" line (CONTRACT.md), or null. */
export function listeningUrl(line) {
  const m = /listening on (https?:\/\/\S+)/.exec(line);
  return m ? m[1].replace(/\/$/, '') : null;
}

/** What to print once the hub listens: every screen's URL and the demo logins. */
export function hubBanner(baseUrl) {
  const base = baseUrl.replace(/\/$/, '');
  return [
    '',
    'Atrium demo branch is ready. Open the screens in a browser:',
    ...SCREENS.map((s) => `  ${s.padEnd(10)} ${base}/${s}`),
    `Demo logins (PIN ${DEMO_PIN}, demo only):`,
    ...DEMO_LOGINS.map(([who, what]) => `  ${who.padEnd(18)} ${what}`),
    'Press Ctrl+C to stop the hub.',
    '',
  ];
}
