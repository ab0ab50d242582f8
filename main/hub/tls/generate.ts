// The hub's own certificate, made once on first start by `selfsigned` (a maintained library
// on Node's WebCrypto and @peculiar/x509, not hand-written ASN.1). ECDSA P-256: small and
// fast, and every browser and Electron accept it.
import { generate } from 'selfsigned';
import type { HubNames } from './lan-names.js';

/** Ten years: the branch pins this certificate at pairing, so a renewal means re-pairing. */
const VALID_YEARS = 10;

export interface KeyAndCert {
  key: string;
  cert: string;
}

export async function generateHubCertificate(names: HubNames, now: Date = new Date()): Promise<KeyAndCert> {
  const notAfter = new Date(now);
  notAfter.setFullYear(notAfter.getFullYear() + VALID_YEARS);
  const commonName = names.dns.find((n) => n !== 'localhost') ?? 'localhost';
  const pems = await generate([{ name: 'commonName', value: `Atrium hub ${commonName}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...names.dns.map((value) => ({ type: 2 as const, value })), ...names.ips.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
