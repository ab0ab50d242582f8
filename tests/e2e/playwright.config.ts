// Playwright against a real hub serving the built renderer, in Debian's Chromium (never a
// downloaded browser). global-setup.ts builds the renderer, starts the hub on a free port
// with --demo and a fresh data directory, and stops it at the end.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  // A bound on a whole walk, not a speed claim: a spec that walks a morning on a loaded
  // 2-core machine (other jobs beside it) took over 60 s and passed alone.
  timeout: 120_000,
  // The same for a state: CI's clean machine, slower than this one, took over 5 s (the default)
  // for a staff screen's first live snapshot after sign-in, three times in three specs.
  expect: { timeout: 15_000 },
  workers: 1, // one hub, one lobby: the specs share its state
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
