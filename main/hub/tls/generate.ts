// The hub's own certificate, made once on first start (store.ts), named for the branch's LAN
// names and addresses so devices reach it by any of them; pinned by each device at pairing.
import { selfSignedServerCertificate, type KeyAndCert } from '../../node/server-certificate.js';
import type { HubNames } from './lan-names.js';

export type { KeyAndCert };

export async function generateHubCertificate(names: HubNames, now: Date = new Date()): Promise<KeyAndCert> {
  const commonName = names.dns.find((n) => n !== 'localhost') ?? 'localhost';
  return selfSignedServerCertificate(`Atrium hub ${commonName}`, names, now);
}
