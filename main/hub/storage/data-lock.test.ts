// The folder lock within one process (the Electron host, tests), and a failed start letting
// go of the folder. Across processes and SIGKILL: tests/unit/one-hub.test.ts.
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestHub, tempDir } from '../../../tests/support/hub.js';
import { holdDataFolder, isHeldByHub } from './data-lock.js';
import { StorageFault } from './faults.js';

describe('the data folder lock', () => {
  it('refuses a second holder in the same process until the first lets go', () => {
    const dir = tempDir();
    const first = holdDataFolder(dir);
    expect(() => holdDataFolder(dir)).toThrow(StorageFault);
    expect(isHeldByHub(dir)).toBe(true);
    first.close();
    expect(isHeldByHub(dir)).toBe(false);
    holdDataFolder(dir).close();
  });

  it('refuses a second hub on a running hub\'s folder, naming it', async () => {
    const hub = await startTestHub();
    try {
      await expect(startTestHub({ dataDir: hub.dataDir })).rejects.toThrow(`Another Atrium hub is already running on the data folder ${hub.dataDir}`);
      expect((await hub.api('GET', '/api/health')).status).toBe(200);
    } finally {
      await hub.close();
    }
    expect(isHeldByHub(hub.dataDir)).toBe(false);
  });

  it('a start that fails on a damaged database says so in a sentence and lets go of the folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'atrium.db'), randomBytes(32 * 1024));
    const failed = startTestHub({ dataDir: dir });
    await expect(failed).rejects.toThrow(StorageFault);
    await expect(failed).rejects.toThrow(`The database ${dir}/atrium.db is damaged`);
    expect(isHeldByHub(dir)).toBe(false);
  });
});
