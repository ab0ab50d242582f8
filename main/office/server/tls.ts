// The office's own certificate (`--tls`), made once in DATA/tls and kept: hubs pin its
// fingerprint when they enrol, so a new certificate means enrolling them again. A bank puts
// its own certificate in DATA/tls/cert.pem and key.pem before the first start instead.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { selfSignedServerCertificate } from '../../node/server-certificate.js';

export async function officeTls(dataDir: string): Promise<{ key: string; cert: string; fingerprint: string }> {
  const dir = path.join(dataDir, 'tls');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const pems = await selfSignedServerCertificate('Atrium head office', { dns: ['localhost'], ips: ['127.0.0.1'] });
    writeFileSync(keyFile, pems.key, { mode: 0o600 });
    writeFileSync(certFile, pems.cert, { mode: 0o644 });
  }
  const cert = readFileSync(certFile, 'utf8');
  return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint: new X509Certificate(cert).fingerprint256.toUpperCase() };
}
