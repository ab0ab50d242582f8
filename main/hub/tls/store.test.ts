// The hub's certificate: made once with the SANs terminals use, its key kept 0600, reused on
// every later start; a bank's own pair replaces it; a mismatched pair is refused in a sentence.
import { X509Certificate } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/hub.js';
import { StorageFault } from '../storage/faults.js';
import { loadHubTls, ownCertificatePaths, readOwnFingerprint, TlsSetupError } from './store.js';

const names = () => ({ dns: ['localhost', 'branch-hub'], ips: ['127.0.0.1', '::1', '192.168.7.20'] });

describe('the hub certificate', () => {
  it('is made on first start with the LAN names, a 0600 key, and reused afterwards', async () => {
    const dir = tempDir();
    expect(readOwnFingerprint(dir)).toBeNull();
    const first = await loadHubTls(dir, undefined, names);
    const files = ownCertificatePaths(dir);
    expect(statSync(files.keyFile).mode & 0o777).toBe(0o600);
    const x509 = new X509Certificate(readFileSync(files.certFile, 'utf8'));
    expect(x509.subjectAltName).toContain('DNS:branch-hub');
    expect(x509.subjectAltName).toContain('IP Address:192.168.7.20');
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(new Date(x509.validTo).getTime() - Date.now()).toBeGreaterThan(9 * 365 * 86_400_000);
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(first.fingerprint).toBe(x509.fingerprint256);
    const again = await loadHubTls(dir, undefined, () => ({ dns: ['other'], ips: [] }));
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(readOwnFingerprint(dir)).toBe(first.fingerprint);
  });

  it("uses a bank's own certificate and refuses a key of another", async () => {
    const own = tempDir();
    const other = tempDir();
    const a = await loadHubTls(own, undefined, names);
    await loadHubTls(other, undefined, names);
    const given = await loadHubTls(tempDir(), ownCertificatePaths(own));
    expect(given).toMatchObject({ source: 'given', fingerprint: a.fingerprint });
    const mixed = { certFile: ownCertificatePaths(own).certFile, keyFile: ownCertificatePaths(other).keyFile };
    await expect(loadHubTls(tempDir(), mixed)).rejects.toThrow(/does not belong/);
    await expect(loadHubTls(tempDir(), { certFile: mixed.certFile })).rejects.toBeInstanceOf(TlsSetupError);
    const junk = path.join(tempDir(), 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    await expect(loadHubTls(tempDir(), { certFile: junk, keyFile: junk })).rejects.toThrow(/not a PEM/);
    await expect(loadHubTls(tempDir(), { certFile: '/nonexistent/c.pem', keyFile: junk })).rejects.toThrow(/Cannot read/);
  });

  it('is not reused when others could read the key or list its folder, and its folder is made 0700', async () => {
    const dir = tempDir();
    const first = await loadHubTls(dir, undefined, names);
    const files = ownCertificatePaths(dir);
    expect(statSync(path.dirname(files.keyFile)).mode & 0o777).toBe(0o700);
    chmodSync(files.keyFile, 0o644);
    await expect(loadHubTls(dir, undefined, names)).rejects.toThrow(StorageFault);
    await expect(loadHubTls(dir, undefined, names)).rejects.toThrow(`Secrets in ${dir} are open to other users of this machine (tls/key.pem 0644)`);
    chmodSync(files.keyFile, 0o600);
    chmodSync(path.dirname(files.keyFile), 0o755);
    await expect(loadHubTls(dir, undefined, names)).rejects.toThrow(`chmod 700 ${path.join(dir, 'tls')}`);
    chmodSync(path.dirname(files.keyFile), 0o700);
    expect((await loadHubTls(dir, undefined, names)).fingerprint).toBe(first.fingerprint);
  });
});
