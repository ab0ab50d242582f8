// A hub asked for TLS serves HTTPS with its own certificate (or a bank's), answers the
// certificate's fingerprint with every pairing code, and its live feed works over wss.
import https from 'node:https';
import { readFileSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, tempDir, type TestHub } from '../../../tests/support/hub.js';
import { ownCertificatePaths, readOwnFingerprint } from '../tls/index.js';

/** A request that trusts exactly the hub's certificate, as a pinned terminal does. */
function get(url: string, ca: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; body: any; fingerprint: string }>((resolve, reject) => {
    const req = https.request(url, { method, ca, headers, agent: false }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, fingerprint });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

let hub: TestHub;
let cert: string;

beforeAll(async () => {
  hub = await startTestHub({ tls: true });
  cert = readFileSync(ownCertificatePaths(hub.dataDir).certFile, 'utf8');
});
afterAll(() => hub.close());

describe('the hub over TLS', () => {
  it('serves HTTPS on loopback with --tls, with the certificate it made', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await get(`${hub.url}/api/health`, cert);
    expect(res.status).toBe(200);
    expect(res.fingerprint).toBe(hub.certFingerprint);
    expect(readOwnFingerprint(hub.dataDir)).toBe(hub.certFingerprint);
  });

  it('gives the fingerprint with every pairing code', async () => {
    const login = await get(`${hub.url}/api/auth/login`, cert, { 'content-type': 'application/json' }, 'POST', JSON.stringify({ staffId: 'admin', pin: '000000' }));
    const reg = await get(`${hub.url}/api/devices`, cert, { 'content-type': 'application/json', authorization: `Bearer ${login.body.token}` }, 'POST', JSON.stringify({ role: 'display', name: 'Hall' }));
    expect(reg.status).toBe(200);
    expect(reg.body.certFingerprint).toBe(hub.certFingerprint);
  });

  it('runs the live feed over wss with the token in the first message', async () => {
    const manager = await get(`${hub.url}/api/auth/login`, cert, { 'content-type': 'application/json' }, 'POST', JSON.stringify({ staffId: 'manager', pin: '000000' }));
    const socket = new WebSocket(`${hub.url.replace('https', 'wss')}/api/live`, { ca: cert });
    socket.on('open', () => socket.send(JSON.stringify({ token: manager.body.token })));
    const first = await new Promise<any>((resolve) => socket.once('message', (raw) => resolve(JSON.parse(raw.toString()))));
    expect(first.type).toBe('snapshot');
    socket.close();
  });
});

describe('plain HTTP', () => {
  it('stays on loopback without --tls: no certificate made, null fingerprint at pairing', async () => {
    const plain = await startTestHub();
    try {
      expect(plain.url).toMatch(/^http:\/\//);
      expect(plain.certFingerprint).toBeNull();
      const admin = await plain.login('admin');
      const reg = await plain.api('POST', '/api/devices', { token: admin, body: { role: 'kiosk', name: 'K' } });
      expect(reg.body.certFingerprint).toBeNull();
      expect(readOwnFingerprint(plain.dataDir)).toBeNull();
    } finally {
      await plain.close();
    }
  });

  it('serves a bank certificate given with --tls-cert and --tls-key', async () => {
    const bank = await startTestHub({ tlsCert: ownCertificatePaths(hub.dataDir).certFile, tlsKey: ownCertificatePaths(hub.dataDir).keyFile, dataDir: tempDir() });
    try {
      expect(bank.url).toMatch(/^https:/);
      expect(bank.certFingerprint).toBe(hub.certFingerprint);
      expect((await get(`${bank.url}/api/health`, cert)).fingerprint).toBe(hub.certFingerprint);
    } finally {
      await bank.close();
    }
  });
});
