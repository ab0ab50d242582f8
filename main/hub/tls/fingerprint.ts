// A certificate's SHA-256 fingerprint as browsers show it (AA:BB:…), and the short form a
// person reads off the admin screen to compare with a terminal's.
import { X509Certificate } from 'node:crypto';

export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.toUpperCase();
}

/** The first `groups` bytes: enough for a person to compare, 64 bits by default. */
export function shortFingerprint(fingerprint: string, groups = 8): string {
  return fingerprint.split(':').slice(0, groups).join(':');
}
