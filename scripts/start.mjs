// `npm start`: the Electron shell when this machine can run it, else the headless branch
// hub with the demo branch (every screen then opens in a browser). The choice is made by
// start-decision.mjs; this file only probes, prints and runs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideLaunch, hubBanner, listeningUrl, PROBE_TIMEOUT_MS, readProbe, shouldProbe } from './start-decision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const posix = process.platform !== 'win32';

/**
 * Asks the electron package for its binary in a child process: its index.js downloads the
 * binary on first use and throws when it cannot. The child's output (download progress,
 * errors) is captured, not shown, and the child's whole process group is killed on timeout.
 */
function probeElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: posix, // its own group, so the download it may start dies with it
    });
    let stdout = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.resume();
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child, 'SIGKILL');
    }, PROBE_TIMEOUT_MS);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(readProbe({ code: 1, timedOut, stdout: '' }, existsSync));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(readProbe({ code, timedOut, stdout }, existsSync));
    });
  });
}

function killTree(child, signal) {
  try {
    if (posix && child.pid !== undefined) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}

/** Runs one step to completion; a failed build stops here with its exit code. */
function runStep({ command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: !posix });
    child.on('error', (err) => {
      console.error(`${command} ${args.join(' ')}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs the long-lived last step (Electron or the hub) in its own process group, so that a
 * Ctrl+C reaches it once, through us, and forwards SIGINT/SIGTERM; exits with its code.
 * For the hub, its output is passed through and the banner printed once it listens.
 */
function runMain({ command, args }, { banner }) {
  const child = spawn(command, args, {
    stdio: ['ignore', banner ? 'pipe' : 'inherit', 'inherit'],
    detached: posix,
    shell: !posix,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => killTree(child, signal));
  }
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) killTree(child, 'SIGTERM');
  });
  if (banner) {
    let shown = false;
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      if (shown) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const url = listeningUrl(line);
        if (url && !shown) {
          shown = true;
          console.log(hubBanner(url.replace('0.0.0.0', '127.0.0.1')).join('\n'));
        }
      }
    });
  }
  child.on('error', (err) => {
    console.error(`${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
}

const electron = shouldProbe(process.platform, process.env) ? await probeElectron() : null;
const launch = decideLaunch({
  platform: process.platform,
  env: process.env,
  electron,
  rendererBuilt: existsSync(path.join(root, 'out', 'renderer')),
  node: process.execPath,
});
console.log(launch.message);

const steps = [...launch.steps];
const last = steps.pop();
for (const step of steps) {
  const code = await runStep(step);
  if (code !== 0) process.exit(code);
}
runMain(last, { banner: launch.mode === 'hub' });
