// Builds the renderer (so the hub serves this checkout's screens, not a stale build), starts
// the hub, and hands its URL to the specs through ATRIUM_E2E_URL. Set ATRIUM_E2E_NO_BUILD=1
// to skip the build when `npm test` has just done it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startHub } from './hub-process.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env.ATRIUM_E2E_NO_BUILD) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
  }
  const hub = await startHub(repoRoot);
  process.env.ATRIUM_E2E_URL = hub.url;
  return hub.stop;
}
