// Entry of the utility process in which a hub-hosting terminal runs the branch hub (forked by
// hub-supervisor.ts). It only starts the hub and reports to the parent: the hub itself is
// plain Node (main/hub), loaded lazily so this file stays importable in tests.
// Messages to the parent: {type:'listening', url} once serving, {type:'failed', message}.
// From the parent: {type:'stop'} closes the hub and exits 0.

export interface HubHostArgs {
  dataDir: string;
  port: number;
  host?: string;
  demo: boolean;
}

/** The start function main/hub/server/start.ts exports (the lead's signature). */
export type StartHub = (opts: {
  dataDir: string;
  port: number;
  host?: string;
  demo?: boolean;
  printer?: string;
}) => Promise<{ url: string; close(): Promise<void> }>;

/** What the host needs of Electron's process.parentPort. */
export interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** Finds the flags anywhere in argv: Electron puts its own entries before the fork's args. */
export function parseHubHostArgs(argv: readonly string[]): HubHostArgs {
  const valueOf = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const dataDir = valueOf('--data');
  const port = Number(valueOf('--port'));
  if (dataDir === undefined || dataDir.startsWith('--')) throw new Error('hub-host: --data DIR is required');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('hub-host: --port PORT is required');
  const host = valueOf('--host');
  return { dataDir, port, ...(host !== undefined ? { host } : {}), demo: argv.includes('--demo') };
}

export async function runHubHost(
  argv: readonly string[],
  parent: ParentPortLike,
  loadStartHub: () => Promise<StartHub> = defaultLoadStartHub,
  exit: (code: number) => void = (code) => process.exit(code),
): Promise<void> {
  try {
    const args = parseHubHostArgs(argv);
    const startHub = await loadStartHub();
    const hub = await startHub(args);
    parent.on('message', (event) => {
      if (isStop(event.data)) void hub.close().finally(() => exit(0));
    });
    parent.postMessage({ type: 'listening', url: hub.url });
  } catch (err) {
    // Tell the parent why before dying, so its log says more than "exit code 1".
    parent.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    exit(1);
  }
}

async function defaultLoadStartHub(): Promise<StartHub> {
  const mod = await import('../hub/server/start.js');
  const startHub: StartHub = mod.startHub; // fails to compile if the hub's signature drifts
  return startHub;
}

function isStop(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'stop';
}

// Run only inside a utility process (process.parentPort exists there and nowhere else).
const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
if (parentPort) void runHubHost(process.argv, parentPort);
