// A data folder written before every table came from the events: the hub starts and serves
// it, and says once that verify and backups will name the rows no event describes.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../main/common/canonical.js';
import { eventHash, GENESIS_HASH } from '../../main/node/chain-hash.js';
import { openDatabase } from '../../main/hub/ledger/ledger.js';
import { migrate, MIGRATIONS_DIR } from '../../main/hub/ledger/migrate.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await hub?.close();
  hub = null;
});

/** A folder as the release before the write path left it: migrations up to 0010 and one event. */
function earlierFolder(): string {
  const migrations = tempDir();
  for (const f of readdirSync(MIGRATIONS_DIR)) if (Number(f.slice(0, 4)) <= 10) copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(migrations, f));
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, 'atrium.db'));
  migrate(db, migrations);
  const data = { key: 'branch.nameZh', value: '老支行' };
  const at = Date.now();
  const hash = eventHash(GENESIS_HASH, { seq: 1, type: 'settings.changed', at, actor: null, data });
  db.prepare('INSERT INTO events (seq, type, at, actor, data, prev_hash, hash) VALUES (1, ?, ?, NULL, ?, ?, ?)').run('settings.changed', at, canonicalJson(data), GENESIS_HASH, hash);
  db.prepare('INSERT INTO ledger_head (id, seq, hash) VALUES (1, 1, ?)').run(hash);
  db.close();
  return dir;
}

describe('a folder from an earlier release', () => {
  it('is served, with one warning that verify and backups will name its older rows', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    hub = await startTestHub({ dataDir: earlierFolder(), demo: false });
    expect((await hub.api('GET', '/api/health')).status).toBe(200);
    const lines = warn.mock.calls.map((c) => c.join(' ')).filter((l) => l.includes('earlier Atrium'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('start a new data folder');
    await hub.close();
    // The next start has nothing more to say.
    warn.mockClear();
    hub = await startTestHub({ dataDir: hub.dataDir, demo: false });
    expect(warn.mock.calls.filter((c) => c.join(' ').includes('earlier Atrium'))).toHaveLength(0);
  });

  it('says nothing for a new folder', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    hub = await startTestHub();
    expect(warn.mock.calls.filter((c) => c.join(' ').includes('earlier Atrium'))).toHaveLength(0);
  });
});
