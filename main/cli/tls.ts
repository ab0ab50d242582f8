// `atrium tls fingerprint --data DIR`: the SHA-256 fingerprint of the certificate the hub in
// DIR serves, for a person to compare with what a terminal shows. It only reads: a folder
// without a certificate gets a sentence, not a new certificate.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ownCertificatePaths, readOwnFingerprint } from '../hub/tls/index.js';

export const TLS_USAGE = '  atrium tls fingerprint --data DIR';

export function tlsCommand(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  const [sub, ...rest] = args;
  if (sub !== 'fingerprint') {
    err(`usage:\n${TLS_USAGE}`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { data: { type: 'string' } } });
  if (!values.data) {
    err(`--data DIR is required.\nusage:\n${TLS_USAGE}`);
    return 2;
  }
  const dir = path.resolve(values.data);
  const fingerprint = existsSync(dir) ? readOwnFingerprint(dir) : null;
  if (!fingerprint) {
    err(`${dir} has no certificate (${ownCertificatePaths(dir).certFile}): the hub makes one when it first serves HTTPS.`);
    return 1;
  }
  out(fingerprint);
  return 0;
}
