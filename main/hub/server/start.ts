// Starts a branch hub: opens (or creates) the ledger, rebuilds the live state from its
// events, seeds the demo branch on request, and serves the API and the web app.
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { atriumPredictor } from '../estimate/index.js';
import { ledgerKnowledge } from '../estimate/ledger-knowledge.js';
import { DEFAULT_THROTTLE } from '../auth/throttle.js';
import { openLedger, loadState } from '../ledger/index.js';
import { AlertBook } from '../alerts/alert-book.js';
import { Hub } from '../lobby/hub.js';
import { seedDemoBranch } from '../lobby/demo.js';
import type { Branch } from '../lobby/views.js';
import { LobbyWatcher, thresholdsFromSettings } from '../watch/watcher.js';
import { holdDataFolder, type DataFolderLock } from '../storage/data-lock.js';
import { reportStorageFull } from '../storage/storage-full.js';
import { describeStorageFault, StorageFault } from '../storage/faults.js';
import { buildServer } from './app.js';
import type { HubOptions } from './context.js';

export interface StartHubOptions {
  dataDir: string;
  port: number;
  host?: string;
  demo?: boolean;
  printer?: string | null;
  logger?: boolean;
  /** Overrides for tests (short throttles, a fake clock). */
  options?: Partial<HubOptions>;
  clock?: () => number;
  rendererDir?: string;
  /** The folder's lock, when the caller took it already (the CLI does, to refuse a second hub before loading the server). */
  lock?: DataFolderLock;
}

export interface RunningHub {
  url: string;
  port: number;
  hub: Hub;
  alerts: AlertBook;
  /** Raises and resolves the lobby's own alerts (waits, estimates, idle counters, recalls). */
  watcher: LobbyWatcher;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The repository (or packaged app) root: the folder holding package.json. */
function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Starts a hub on `opts.dataDir`, holding the folder for the hub's whole life: a second hub
 * on the same folder gets a StorageFault naming it. Whatever fails on the way (a damaged
 * database, a full disk while seeding) lets go of the folder again before it is thrown.
 */
export async function startHub(opts: StartHubOptions): Promise<RunningHub> {
  const opened: { close(): void }[] = opts.lock ? [opts.lock] : [];
  try {
    const lock = opts.lock ?? holdDataFolder(opts.dataDir);
    if (!opts.lock) opened.push(lock);
    return await startOnHeldFolder(opts, lock, opened);
  } catch (err) {
    for (const thing of opened.reverse()) thing.close();
    // A read-only folder, a damaged or newer database, a full disk: one sentence for whoever
    // started the hub (the CLI prints it, the Electron host passes it to its parent).
    const sentence = describeStorageFault(err, opts.dataDir);
    throw sentence !== null && !(err instanceof StorageFault) ? new StorageFault(sentence, { cause: err }) : err;
  }
}

async function startOnHeldFolder(opts: StartHubOptions, lock: { close(): void }, opened: { close(): void }[]): Promise<RunningHub> {
  const root = appRoot();
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const ledger = openLedger(opts.dataDir);
  opened.push(ledger);
  const clock = opts.clock ?? Date.now;
  // The estimator knows the branch's rota (setting estimate.rota) and learns arrivals from past days.
  const hub = new Hub(ledger, loadState(ledger), atriumPredictor(ledgerKnowledge(ledger.db, clock)), clock);
  if (opts.demo && ledger.lastSeq() === 0) await seedDemoBranch(hub);

  const setting = (key: string) => (ledger.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const branch: Branch = { nameZh: setting('branch.nameZh') ?? '网点', nameEn: setting('branch.nameEn') ?? 'Branch' };
  const demoPins = (ledger.db.prepare('SELECT count(*) AS n FROM staff WHERE demo_pin = 1').get() as { n: number }).n;
  if (demoPins > 0) {
    console.warn(`warning: ${demoPins} staff still use the demo PIN ${'000000'}: for demonstration only, change them before real use`);
  }

  const alerts = new AlertBook(hub);
  const watcher = new LobbyWatcher(hub, alerts, { thresholds: thresholdsFromSettings(ledger.db) }).start();
  opened.push({ close: () => watcher.stop() });
  const options: HubOptions = {
    pairingCodeMinutes: 10,
    staffSessionHours: 12,
    throttle: DEFAULT_THROTTLE,
    printer: opts.printer ?? null,
    ...opts.options,
  };
  const app = await buildServer(
    { hub, alerts, db: ledger.db, branch, options },
    { version, rendererDir: opts.rendererDir ?? process.env.ATRIUM_RENDERER_DIR ?? path.join(root, 'out', 'renderer'), logger: opts.logger ?? false },
  );
  opened.push({ close: () => void app.close() });
  reportStorageFull(app, alerts);
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  let closed = false;
  return {
    url: `http://${host}:${port}`,
    port,
    hub,
    alerts,
    watcher,
    app,
    async close() {
      if (closed) return;
      closed = true;
      watcher.stop();
      await app.close();
      ledger.close();
      lock.close();
    },
  };
}
