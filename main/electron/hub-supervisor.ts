// Runs the branch hub in an Electron utility process on the terminal that hosts it, so a hub
// crash never takes the screen down (and the other way round): forks hub-host.js, waits for
// its 'listening' message, and forks it again, with back-off, whenever it dies unasked.
import { utilityProcess, type UtilityProcess } from 'electron';

export interface HubSupervisorOptions {
  /** Path of the compiled hub-host.js. */
  entry: string;
  dataDir: string;
  port: number;
  /** Address the hub binds: other terminals of the branch reach it over the LAN. */
  host: string;
  demo?: boolean;
  /** How long start() waits for the first 'listening'. */
  readyTimeoutMs?: number;
  /** Delay before the n-th restart in a row (n from 1). */
  restartDelayMs?: (attempt: number) => number;
  log?: (line: string) => void;
}

const defaultDelay = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

export class HubSupervisor {
  private child: UtilityProcess | null = null;
  private stopping = false;
  private failuresInARow = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(url: string) => void>();

  constructor(private readonly opts: HubSupervisorOptions) {}

  /** Forks the hub; resolves with its URL once it listens, rejects after readyTimeoutMs. */
  start(): Promise<string> {
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(onListening);
        reject(new Error(`the hub did not start listening within ${this.opts.readyTimeoutMs ?? 30_000} ms`));
      }, this.opts.readyTimeoutMs ?? 30_000);
      const onListening = (url: string): void => {
        clearTimeout(timer);
        this.listeners.delete(onListening);
        resolve(url);
      };
      this.listeners.add(onListening);
    });
    this.fork();
    return ready;
  }

  /** Asks the hub to close (it checkpoints its database), killing it if it takes too long. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.pid === undefined) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.postMessage({ type: 'stop' });
    });
  }

  private fork(): void {
    const { entry, dataDir, port, host, demo } = this.opts;
    const args = ['--data', dataDir, '--port', String(port), '--host', host, ...(demo ? ['--demo'] : [])];
    const child = utilityProcess.fork(entry, args, { serviceName: 'Atrium hub', stdio: 'inherit' });
    this.child = child;
    child.on('message', (message: unknown) => this.onMessage(message));
    child.once('exit', (code) => this.onExit(child, code));
  }

  private onMessage(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; url?: unknown; message?: unknown };
    if (m.type === 'listening' && typeof m.url === 'string') {
      this.failuresInARow = 0;
      this.log(`hub listening on ${m.url}`);
      for (const listener of [...this.listeners]) listener(m.url);
    } else if (m.type === 'failed') {
      this.log(`hub failed to start: ${String(m.message)}`);
    }
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (this.child === child) this.child = null;
    if (this.stopping) return;
    this.failuresInARow += 1;
    const delay = (this.opts.restartDelayMs ?? defaultDelay)(this.failuresInARow);
    this.log(`hub exited with code ${code}; restarting in ${delay} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.fork();
    }, delay);
  }

  private log(line: string): void {
    (this.opts.log ?? console.log)(`[atrium] ${line}`);
  }
}
