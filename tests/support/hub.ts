// Starts a real hub on loopback with a fresh SQLite file, and talks to it over HTTP.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, type RunningHub, type StartHubOptions } from '../../main/hub/server/start.js';

export interface TestHub extends RunningHub {
  dataDir: string;
  api<T = any>(method: string, url: string, opts?: { token?: string | null; body?: unknown; raw?: string; contentType?: string }): Promise<{ status: number; body: T }>;
  login(staffId: string, pin?: string): Promise<string>;
  /** Registers and pairs a device, returning its token; a satisfaction pad (`rating`) with its counter. */
  device(role: 'kiosk' | 'display' | 'counter' | 'manager' | 'rating', name?: string, counter?: string): Promise<string>;
}

export function tempDir(prefix = 'atrium-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A demo branch by default (nine staff, PIN 000000). `{ demo: false }` starts a branch with no
 * staff at all, as `atrium hub` without --demo does: its `setupCode` sets it up (POST /api/setup).
 */
export async function startTestHub(extra: Partial<StartHubOptions> = {}): Promise<TestHub> {
  const dataDir = extra.dataDir ?? tempDir();
  const running = await startHub({
    dataDir,
    port: 0,
    demo: true,
    ...extra,
    // Short throttles for tests; a test's own options add to them.
    options: { throttle: { baseDelayMs: 1, maxDelayMs: 4, lockAfter: 5, lockMs: 60_000 }, ...extra.options },
  });
  let adminToken: string | null = null;
  const hub: TestHub = {
    ...running,
    dataDir,
    async api(method, url, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
      const res = await fetch(running.url + url, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed as never };
    },
    async login(staffId, pin = '000000') {
      const res = await hub.api('POST', '/api/auth/login', { body: { staffId, pin } });
      if (res.status !== 200) throw new Error(`login ${staffId}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    async device(role, name = `${role} test`, counter) {
      adminToken ??= await hub.login('admin');
      const reg = await hub.api('POST', '/api/devices', { token: adminToken, body: { role, name, ...(counter === undefined ? {} : { counter }) } });
      const pair = await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } });
      if (pair.status !== 200) throw new Error(`pair ${role}: ${pair.status} ${JSON.stringify(pair.body)}`);
      return pair.body.token as string;
    },
  };
  return hub;
}

/**
 * Sets up a hub started with `{ demo: false }` as its first admin would (POST /api/setup), and
 * adds one staff member of `role` who sets their own PIN from the one-time one: a branch with
 * nothing keyed yet, unlike the demo with its VIPs and appointments. Returns both sessions.
 */
export async function setUpRealBranch(hub: TestHub, role: 'manager' | 'teller' | 'supervisor'): Promise<{ admin: string; staff: string }> {
  const setup = await hub.api('POST', '/api/setup', { body: { code: hub.setupCode, branch: { nameZh: '城西支行', nameEn: 'West Branch' }, admin: { staffId: 'chen', name: '陈', pin: '246813' } } });
  if (setup.status !== 200) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  const admin = setup.body.token as string;
  const oneTimePin = (await hub.api('POST', '/api/staff', { token: admin, body: { staffId: 'lin', name: '林', role } })).body.oneTimePin;
  const changed = await hub.api('POST', '/api/auth/pin', { body: { staffId: 'lin', pin: oneTimePin, newPin: '580246' } });
  if (changed.status !== 200) throw new Error(`first PIN: ${changed.status} ${JSON.stringify(changed.body)}`);
  return { admin, staff: changed.body.session.token as string };
}
