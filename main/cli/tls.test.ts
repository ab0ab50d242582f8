// `atrium tls fingerprint --data DIR`: the fingerprint of the hub's certificate; a folder
// without one gets a sentence and exit 1, and nothing is created in it.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/hub.js';
import { loadHubTls } from '../hub/tls/index.js';
import { tlsCommand } from './tls.js';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = tlsCommand(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('atrium tls fingerprint', () => {
  it("prints the certificate's SHA-256 fingerprint", async () => {
    const dir = tempDir();
    const tls = await loadHubTls(dir, undefined, () => ({ dns: ['localhost'], ips: ['127.0.0.1'] }));
    expect(run(['fingerprint', '--data', dir])).toEqual({ code: 0, out: [tls.fingerprint], err: [] });
  });

  it('creates nothing where there is no certificate', () => {
    const dir = tempDir();
    const result = run(['fingerprint', '--data', dir]);
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(/has no certificate/);
    expect(readdirSync(dir)).toEqual([]);
    expect(run(['fingerprint', '--data', `${dir}/missing`]).code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    expect(run(['fingerprint']).code).toBe(2);
    expect(run(['rotate']).code).toBe(2);
  });
});
