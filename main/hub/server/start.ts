// Starts a branch hub: opens (or creates) the ledger, rebuilds the live state from its
// events, seeds the demo branch on request, and serves the API and the web app.
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { atriumPredictor } from '../estimate/index.js';
import { ledgerKnowledge, serviceHoursFromLedger } from '../estimate/ledger-knowledge.js';
import { withServiceHours } from '../estimate/service-hours.js';
import { DEFAULT_FAILURE_AUDIT } from '../auth/failure-audit.js';
import { DEFAULT_THROTTLE } from '../../common/throttle.js';
import { openHubLedger } from '../projectors.js';
import type { Ledger } from '../ledger/index.js';
import { readSetting } from '../settings/settings-projector.js';
import { AlertBook } from '../alerts/alert-book.js';
import { Hub } from '../lobby/hub.js';
import { seedDemoBranch } from '../lobby/demo.js';
import { watchDemoDays } from '../lobby/demo-customers.js';
import { requireSecretFile } from '../customers/shared-secret.js';
import { moveSecretOutOfDatabase } from '../storage/earlier-releases/secret-out-of-database.js';
import { requireKeyStore } from '../storage/require-key-store.js';
import { settleShreds } from '../personal/shred-after.js';
import { sealPlainRows } from '../storage/earlier-releases/seal-plain-rows.js';
import { closeVault } from '../personal/vault.js';
import type { Branch } from '../lobby/views.js';
import { LobbyWatcher, thresholdsFromSettings } from '../watch/watcher.js';
import { AdvisorWatch } from '../watch/advisor-watch.js';
import { loadHubTls, servesTls } from '../tls/index.js';
import { holdDataFolder, type DataFolderLock } from '../storage/data-lock.js';
import { reportStorageFull } from '../storage/storage-full.js';
import { describeStorageFault, StorageFault } from '../storage/faults.js';
import { requirePrivateSecrets } from '../storage/private-files.js';
import { buildServer } from './app.js';
import { STAFF_IDLE_SETTING } from './routes/sign-in-settings.js';
import type { HubOptions } from './context.js';
import { DEFAULT_PIN_RATE_LIMIT } from './pin-rate-limit.js';
import { demoPinCount } from '../auth/staff-projector.js';
import { openSetupGate } from '../setup/setup-gate.js';
import { startNotebookSync } from '../office-link/notebook-start.js';
import { startOfficeLink, type OfficeShipper, type ShipperOptions } from '../office-link/shipper.js';

export interface StartHubOptions {
  dataDir: string;
  port: number;
  host?: string;
  demo?: boolean;
  printer?: string | null;
  logger?: boolean;
  /** Where log lines go (stdout by default). */
  logStream?: Writable;
  /** HTTPS on loopback too; beyond loopback the hub always serves HTTPS. */
  tls?: boolean;
  /** A bank's own certificate and key (PEM files) instead of the hub's own. */
  tlsCert?: string;
  tlsKey?: string;
  /** Overrides for tests (short throttles, a fake clock). */
  options?: Partial<HubOptions>;
  clock?: () => number;
  rendererDir?: string;
  /** The folder's lock, when the caller took it already (the CLI does, to refuse a second hub before loading the server). */
  lock?: DataFolderLock;
  /** The head-office shipper's timings (tests shorten them); it runs only on an enrolled folder. */
  officeLink?: Partial<ShipperOptions>;
  /** How often an enrolled hub pushes and pulls the shared notebook (at most 30 s). */
  notebookPollMs?: number;
}

export interface RunningHub {
  url: string;
  port: number;
  hub: Hub;
  alerts: AlertBook;
  /** Raises and resolves the lobby's own alerts (waits, estimates, idle counters, recalls). */
  watcher: LobbyWatcher;
  advisor: AdvisorWatch;
  app: FastifyInstance;
  /** SHA-256 fingerprint of the certificate served, AA:BB:…; null over plain HTTP. */
  certFingerprint: string | null;
  /** The code that sets up a branch with no admin yet (POST /api/setup); null when it has one. Printed, never stored. */
  setupCode: string | null;
  /** Ships the ledger to the head office when the folder is enrolled (atrium enroll); null otherwise. */
  officeShipper: OfficeShipper | null;
  close(): Promise<void>;
}

/** The repository (or packaged app) root: the folder holding package.json. */
function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const DEFAULT_STAFF_IDLE_MINUTES = 60;

/** The migration that made staff, sessions and devices projections: the last table to join the write path. */
const WRITE_PATH_MIGRATION = 11;

/**
 * A folder an earlier release wrote holds rows no event describes (staff, devices, the VIP
 * register, appointments, opinion phones, printers): the hub serves them as before, but
 * verify and backup name them. Say so once, at start, with what to do.
 */
function warnIfWrittenBeforeTheWritePath(ledger: Ledger): void {
  if (!ledger.migrated.includes(WRITE_PATH_MIGRATION) || ledger.lastSeq() === 0) return;
  console.warn(
    `warning: ${ledger.file} was written by an earlier Atrium, whose staff, devices, VIP register, appointments and printers were not all recorded as events; ` +
      'the hub serves them as before, but `atrium verify` and backups will name those rows. Before real use, start a new data folder.',
  );
}

function positiveOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
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
  const host = opts.host ?? '127.0.0.1';
  // Before anything reads a key: one that others could read stops the hub with a sentence.
  requirePrivateSecrets(opts.dataDir);
  // Before the ledger opens: a bad certificate path should stop the hub before it touches anything.
  const tls = servesTls(host, (opts.tls ?? false) || opts.tlsCert !== undefined) ? await loadHubTls(opts.dataDir, { certFile: opts.tlsCert, keyFile: opts.tlsKey }) : null;
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const ledger = openHubLedger(opts.dataDir);
  opened.push(ledger);
  warnIfWrittenBeforeTheWritePath(ledger);
  opened.push({ close: () => closeVault(ledger.db) });
  moveSecretOutOfDatabase(ledger.db, opts.dataDir);
  requireSecretFile(ledger.db, opts.dataDir);
  requireKeyStore(ledger.db, opts.dataDir);
  sealPlainRows(ledger.db);
  settleShreds(ledger.db);
  const clock = opts.clock ?? Date.now;
  // The estimator knows the branch's rota (setting estimate.rota) and learns arrivals from past
  // days; a service nobody serves now is marked closed, with when it opens (service-hours.ts).
  const predictor = withServiceHours(atriumPredictor(ledgerKnowledge(ledger.db, clock)), serviceHoursFromLedger(ledger.db, clock));
  const hub = new Hub(ledger, predictor, clock);
  if (opts.demo) opened.push({ close: watchDemoDays(hub) });
  if (opts.demo && ledger.lastSeq() === 0) await seedDemoBranch(hub);
  // No admin yet: a code, in this hub's memory only, for whoever reads its console to set the branch up.
  const setupCode = openSetupGate(hub);

  const setting = (key: string) => readSetting(ledger.db, key);
  const branch: Branch = { nameZh: setting('branch.nameZh') ?? '网点', nameEn: setting('branch.nameEn') ?? 'Branch' };
  const demoPins = demoPinCount(ledger);
  if (demoPins > 0) {
    console.warn(`warning: ${demoPins} staff still use the demo PIN ${'000000'}: for demonstration only, change them before real use`);
  }

  const alerts = new AlertBook(hub);
  const watcher = new LobbyWatcher(hub, alerts, { thresholds: thresholdsFromSettings(ledger.db) }).start();
  opened.push({ close: () => watcher.stop() });
  // The advisor reads the same Monte Carlo as the estimates (its own instance, with the same
  // knowledge, for its `runs`): on a timer and after changes, never per request.
  const advisorPredictor = atriumPredictor(ledgerKnowledge(ledger.db, clock));
  const advisor = new AdvisorWatch(hub, alerts, (state, now) => advisorPredictor.runs(state, now)).start();
  opened.push({ close: () => advisor.stop() });
  const officeLink = startOfficeLink(ledger, opts.dataDir, opts.officeLink);
  opened.push(officeLink);
  const notebookSync = startNotebookSync(hub, opts.dataDir, opts.notebookPollMs);
  opened.push(notebookSync);
  const options: HubOptions = {
    pairingCodeMinutes: 10,
    staffSessionHours: 12,
    // A teller's terminal idles through a long customer; an hour unused is a terminal left behind.
    staffIdleMinutes: positiveOr(Number(setting(STAFF_IDLE_SETTING)), DEFAULT_STAFF_IDLE_MINUTES),
    certFingerprint: tls?.fingerprint ?? null,
    throttle: DEFAULT_THROTTLE,
    pinRateLimit: DEFAULT_PIN_RATE_LIMIT,
    failureAudit: DEFAULT_FAILURE_AUDIT,
    printer: opts.printer ?? null,
    ...opts.options,
  };
  const app = await buildServer(
    { hub, alerts, branch, options, advisor },
    {
      version,
      rendererDir: opts.rendererDir ?? process.env.ATRIUM_RENDERER_DIR ?? path.join(root, 'out', 'renderer'),
      logger: opts.logger ?? false,
      ...(opts.logStream ? { logStream: opts.logStream } : {}),
      https: tls ? { key: tls.key, cert: tls.cert } : null,
    },
  );
  opened.push({ close: () => void app.close() });
  reportStorageFull(app, alerts);
  await app.listen({ port: opts.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  let closed = false;
  return {
    url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    certFingerprint: tls?.fingerprint ?? null,
    setupCode,
    officeShipper: officeLink.shipper,
    port,
    hub,
    alerts,
    watcher,
    advisor,
    app,
    async close() {
      if (closed) return;
      closed = true;
      watcher.stop();
      advisor.stop();
      officeLink.close();
      notebookSync.close();
      await app.close();
      closeVault(ledger.db);
      ledger.close();
      lock.close();
    },
  };
}
