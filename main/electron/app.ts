// Entry of the Electron main process (package.json "main": out/main/electron/app.js).
// All the work is in boot.ts, which the tests drive against a mocked 'electron'.
import { runApp } from './boot.js';

runApp().catch((err: unknown) => {
  console.error('[atrium] the shell failed to start:', err);
  process.exit(1);
});
