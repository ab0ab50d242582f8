// Where the hub's certificate lives: DATA/tls/key.pem (0600, in a 0700 folder) and
// DATA/tls/cert.pem, made on the first start that needs TLS and reused afterwards, so a
// pinned fingerprint stays valid.
// A bank's own certificate (--tls-cert, --tls-key) is used instead and never copied.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import path from 'node:path';
import { certificateFingerprint } from './fingerprint.js';
import { generateHubCertificate } from './generate.js';
import { lanNames, type HubNames } from './lan-names.js';
import { requirePrivateSecrets } from '../storage/private-files.js';

export interface HubTls {
  key: string;
  cert: string;
  fingerprint: string;
  /** 'own': made by the hub in DATA/tls; 'given': the bank's files. */
  source: 'own' | 'given';
}

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export class TlsSetupError extends Error {}

export function ownCertificatePaths(dataDir: string): TlsFiles {
  const dir = path.join(dataDir, 'tls');
  return { certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') };
}

/** The fingerprint of the certificate the hub in `dataDir` serves, or null when it has none yet. */
export function readOwnFingerprint(dataDir: string): string | null {
  const { certFile } = ownCertificatePaths(dataDir);
  if (!existsSync(certFile)) return null;
  return certificateFingerprint(readFileSync(certFile, 'utf8'));
}

export async function loadHubTls(dataDir: string, given?: Partial<TlsFiles>, names: () => HubNames = lanNames): Promise<HubTls> {
  if (given?.certFile || given?.keyFile) {
    if (!given.certFile || !given.keyFile) throw new TlsSetupError('Give both --tls-cert FILE and --tls-key FILE, or neither.');
    return { ...readPair(given.certFile, given.keyFile), source: 'given' };
  }
  const files = ownCertificatePaths(dataDir);
  // A key others could read (or a folder they can list) is not reused, nor is one made beside it.
  requirePrivateSecrets(dataDir);
  if (!existsSync(files.certFile) || !existsSync(files.keyFile)) await createOwn(files, names());
  return { ...readPair(files.certFile, files.keyFile), source: 'own' };
}

async function createOwn(files: TlsFiles, names: HubNames): Promise<void> {
  const { key, cert } = await generateHubCertificate(names);
  mkdirSync(path.dirname(files.keyFile), { recursive: true, mode: 0o700 });
  // mkdir's mode is cut by the umask; a folder this code made is exactly 0700.
  chmodSync(path.dirname(files.keyFile), 0o700);
  // Written under a temporary name and renamed, so a crash never leaves half a key in place.
  const tmpKey = `${files.keyFile}.tmp`;
  writeFileSync(tmpKey, key, { mode: 0o600 });
  chmodSync(tmpKey, 0o600);
  renameSync(tmpKey, files.keyFile);
  const tmpCert = `${files.certFile}.tmp`;
  writeFileSync(tmpCert, cert, { mode: 0o644 });
  renameSync(tmpCert, files.certFile);
}

function readPair(certFile: string, keyFile: string): Omit<HubTls, 'source'> {
  let cert: string;
  let key: string;
  try {
    cert = readFileSync(certFile, 'utf8');
    key = readFileSync(keyFile, 'utf8');
  } catch (err) {
    throw new TlsSetupError(`Cannot read the TLS certificate or key (${(err as NodeJS.ErrnoException).code ?? 'error'}): ${certFile}, ${keyFile}.`);
  }
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
    createPrivateKey(key);
  } catch {
    throw new TlsSetupError(`${certFile} or ${keyFile} is not a PEM certificate and private key.`);
  }
  if (!x509.checkPrivateKey(createPrivateKey(key))) {
    throw new TlsSetupError(`The key in ${keyFile} does not belong to the certificate in ${certFile}.`);
  }
  return { key, cert, fingerprint: certificateFingerprint(cert) };
}
