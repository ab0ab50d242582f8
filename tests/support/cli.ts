// The real command line as a separate process: `atrium hub` started and waited for, or any
// other command run to its end. For what only a process shows: locks, exit codes, stderr.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliHub {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote so far. */
  output(): { stdout: string; stderr: string };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function cliArgs(args: string[]): string[] {
  return ['--import', 'tsx', 'main/cli.ts', ...args];
}

/** Starts `atrium hub --data DIR --port 0 …`; resolves once it prints its address, rejects if it exits first. */
export function startCliHub(dataDir: string, extra: string[] = [], children: ChildProcess[] = []): Promise<CliHub> {
  const child = spawn(process.execPath, cliArgs(['hub', '--data', dataDir, '--port', '0', ...extra]), { cwd: ROOT });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m) resolve({ child, url: m[1]!, output: () => ({ stdout, stderr }) });
    });
    child.on('exit', (code) => reject(new Error(`hub exited ${code}: ${stdout}${stderr}`)));
  });
}

/** Runs one command to its end (asynchronously, so a hub in this test keeps answering meanwhile). */
export function runCli(args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  return runCommand(process.execPath, cliArgs(args), options);
}

/** Runs any program from the repository's root to its end, collecting what it prints. */
export function runCommand(program: string, args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  const started = performance.now();
  const child = spawn(program, args, { cwd: ROOT, ...options });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr, ms: performance.now() - started })));
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
