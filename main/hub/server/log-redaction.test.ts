// No token reaches the log: not a live-feed token in the URL, not a bearer header, not a
// pairing code in a screen's link. The hub logs to a stream this test reads.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { queryTokenAllowed } from './live-token.js';
import { redactUrl } from './log-redaction.js';

let hub: TestHub;
let log = '';

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk) => (log += chunk.toString()));
  hub = await startTestHub({ logger: true, logStream: stream });
});
afterAll(() => hub.close());

function firstMessage(url: string): Promise<any> {
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => {
    socket.once('message', (raw) => {
      resolve(JSON.parse(raw.toString()));
      socket.close();
    });
    socket.once('error', reject);
  });
}

describe('the log', () => {
  it('carries no token from a feed URL, an Authorization header or a pairing link', async () => {
    const manager = await hub.login('manager');
    const kiosk = await hub.device('kiosk');
    const wsUrl = hub.url.replace('http', 'ws') + '/api/live';
    expect((await firstMessage(`${wsUrl}?token=${encodeURIComponent(manager)}`)).type).toBe('snapshot');
    expect((await hub.api('GET', '/api/lobby', { token: kiosk })).status).toBe(200);
    expect((await hub.api('GET', '/api/me', { token: 'not-a-real-token-ZZZ' })).status).toBe(401);
    await fetch(`${hub.url}/display?pair=SECRETCODE&x=1`);
    await fetch(`${hub.url}/api/nowhere?token=${manager}`);
    await new Promise((r) => setTimeout(r, 100));
    expect(log).toContain('/api/live?token=[redacted]');
    expect(log).toContain('/display?pair=[redacted]&x=1');
    for (const secret of [manager, kiosk, 'not-a-real-token-ZZZ', 'SECRETCODE']) expect(log).not.toContain(secret);
    expect(log.toLowerCase()).not.toContain('bearer');
  });

  it('blanks every secret parameter wherever it stands', () => {
    expect(redactUrl('/api/live?token=abc')).toBe('/api/live?token=[redacted]');
    expect(redactUrl('/api/live?a=1&token=abc&b=2')).toBe('/api/live?a=1&token=[redacted]&b=2');
    expect(redactUrl('/kiosk?pair=ABCD-EFGH')).toBe('/kiosk?pair=[redacted]');
    expect(redactUrl('/api/health')).toBe('/api/health');
    expect(redactUrl('/api/reports/daily?date=2026-03-02')).toBe('/api/reports/daily?date=2026-03-02');
  });

  it('judges a parameter by its decoded name: an encoded name carries no secret past it', () => {
    expect(redactUrl('/api/live?%74oken=abc')).toBe('/api/live?%74oken=[redacted]');
    expect(redactUrl('/api/live?TOKEN=abc&x=1')).toBe('/api/live?TOKEN=[redacted]&x=1');
    expect(redactUrl('/display?p%61ir=ABCD')).toBe('/display?p%61ir=[redacted]');
    // A name that cannot be decoded may be anything.
    expect(redactUrl('/api/live?%ZZ=abc')).toBe('/api/live?%ZZ=[redacted]');
  });
});

describe('a token in the feed URL', () => {
  it('is taken only from a client on this machine', () => {
    for (const a of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) expect(queryTokenAllowed(a)).toBe(true);
    for (const a of ['192.168.1.20', '10.0.0.5', '::ffff:192.168.1.20', 'fe80::1', undefined]) expect(queryTokenAllowed(a)).toBe(false);
  });
});
