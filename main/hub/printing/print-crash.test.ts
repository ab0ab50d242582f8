// At most once across a crash: the hub records that a ticket's job has started before the
// first byte leaves, so a hub killed in the middle of a job (here while the printer holds
// it open) never sends it again when the kiosk retries after the restart.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { freePort } from '../../../tests/e2e/hub-process.js';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../tests/fakes/tcp-printer.js';
import { startTestHub, tempDir, type TestHub } from '../../../tests/support/hub.js';
import { DEFAULT_TIMEOUTS } from '../../print/printer.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
let printer: FakeTcpPrinter;
let restarted: TestHub | null = null;
afterEach(async () => {
  await restarted?.close();
  await printer.close();
});

async function json(url: string, method: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

it('a hub killed while the printer holds a ticket never sends it again after the restart', async () => {
  printer = await startFakeTcpPrinter();
  printer.set({ holdOpen: 'answers_fresh' });
  const dataDir = path.join(tempDir(), 'data');
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'hub', '--data', dataDir, '--port', String(port), '--demo', '--printer', printer.uri], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`hub not ready:\n${out}`)), 30_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    });
    const url = `http://127.0.0.1:${port}`;
    const admin = (await json(`${url}/api/auth/login`, 'POST', null, { staffId: 'admin', pin: '000000' })).body.token;
    const { pairingCode } = (await json(`${url}/api/devices`, 'POST', admin, { role: 'kiosk', name: 'k' })).body;
    const kiosk = (await json(`${url}/api/devices/pair`, 'POST', null, { pairingCode })).body.token;
    const ticket = (await json(`${url}/api/tickets`, 'POST', kiosk, { service: 'cash' })).body.ticket;
    void json(`${url}/api/tickets/${ticket.id}/print`, 'POST', kiosk).catch(() => null);
    while (printer.held() === 0) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;

    restarted = await startTestHub({ dataDir, printer: printer.uri });
    const retry = await restarted.api('POST', `/api/tickets/${ticket.id}/print`, { token: kiosk });
    expect(retry).toMatchObject({ status: 200, body: { printed: true, already: true, printer: 'hub', uncertain: true } });
    expect(restarted.alerts.list().find((a) => a.key === `print:${ticket.id}`)).toMatchObject({ kind: 'printer_outcome_unknown', ticket: ticket.number });
    await new Promise((r) => setTimeout(r, DEFAULT_TIMEOUTS.closeMs + 500));
    expect(printer.jobs()).toHaveLength(1);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}, 60_000);
