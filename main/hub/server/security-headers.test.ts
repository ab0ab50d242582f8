// Every answer, page, API and static file, carries the CSP, no framing, no referrer, nosniff.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, tempDir, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;

beforeAll(async () => {
  const rendererDir = tempDir('atrium-rdr-');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  hub = await startTestHub({ rendererDir });
});
afterAll(() => hub.close());

function expectSecurityHeaders(res: Response): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  const host = new URL(hub.url).host;
  expect(directives.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('strict-transport-security')).toBeNull();
}

describe('security headers', () => {
  it('on an API answer, a refused one too', async () => {
    expectSecurityHeaders(await fetch(`${hub.url}/api/health`));
    const refused = await fetch(`${hub.url}/api/me`, { headers: { authorization: 'Bearer nope' } });
    expect(refused.status).toBe(401);
    expectSecurityHeaders(refused);
    expectSecurityHeaders(await fetch(`${hub.url}/api/nowhere`));
  });

  it('on a screen and on a static asset', async () => {
    const page = await fetch(`${hub.url}/display`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(page);
    const asset = await fetch(`${hub.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expectSecurityHeaders(asset);
  });
});
