// A self-signed server certificate for the hub and the head office, made by `selfsigned` (a
// maintained library on Node's WebCrypto and @peculiar/x509, not hand-written ASN.1). ECDSA
// P-256: small and fast, and every browser and Electron accept it. Both are pinned by their
// clients (devices at pairing, hubs at enrolment), so a renewal means pairing or enrolling again.
import { generate } from 'selfsigned';

/** Ten years: the certificate is pinned, so its life is the installation's. */
const VALID_YEARS = 10;

export interface KeyAndCert {
  key: string;
  cert: string;
}

export interface ServerNames {
  dns: readonly string[];
  ips: readonly string[];
}

export async function selfSignedServerCertificate(commonName: string, names: ServerNames, now: Date = new Date()): Promise<KeyAndCert> {
  const notAfter = new Date(now);
  notAfter.setFullYear(notAfter.getFullYear() + VALID_YEARS);
  const pems = await generate([{ name: 'commonName', value: commonName }], {
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
