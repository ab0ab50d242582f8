// The hub's certificate, pinned: for the hub's host the shell accepts exactly the certificate
// whose fingerprint it stored at pairing, and rejects every other, whatever CA signed it.
// Before pairing it accepts the hub's certificate and remembers it, and pairing pins it only
// when it matches the fingerprint the pairing QR or code carried.
import { X509Certificate } from 'node:crypto';
import type { Session } from 'electron';
import type { TerminalSettings } from '../common/settings.js';

/** setCertificateVerifyProc's answers. */
export const ACCEPT = 0;
export const REJECT = -2;
export const CHROMIUM_DECIDES = -3;

/** At least this many groups of the fingerprint must be given: 64 bits no one can match by trial. */
export const MIN_GROUPS = 8;

export function fingerprintOfPem(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256.toUpperCase();
  } catch {
    return null;
  }
}

/** AA:BB:… from whatever a person typed or a URL carried (colons, spaces, dashes, case). */
export function normaliseFingerprint(text: string): string {
  const hex = text.toUpperCase().replace(/[^0-9A-F]/g, '');
  return hex.match(/.{1,2}/g)?.join(':') ?? '';
}

/** True when `given` is the whole of `full`, or its first MIN_GROUPS groups or more. */
export function fingerprintMatches(full: string, given: string): boolean {
  const wanted = normaliseFingerprint(given);
  const groups = wanted === '' ? 0 : wanted.split(':').length;
  return groups >= MIN_GROUPS && wanted.length % 3 === 2 && full.startsWith(wanted);
}

const bare = (host: string): string => host.replace(/^\[|\]$/g, '').toLowerCase();

export class CertificatePins {
  /** The certificate each host presented, kept until pairing decides whether to pin it. */
  private readonly seen = new Map<string, string>();

  constructor(private readonly settings: () => TerminalSettings) {}

  decide(hostname: string, certificatePem: string): number {
    const hub = new URL(this.settings().hubUrl);
    if (hub.protocol !== 'https:' || bare(hostname) !== bare(hub.hostname)) return CHROMIUM_DECIDES;
    const fingerprint = fingerprintOfPem(certificatePem);
    if (!fingerprint) return REJECT;
    const pinned = this.settings().hubFingerprint;
    if (pinned) return fingerprint === pinned ? ACCEPT : REJECT;
    this.seen.set(bare(hostname), fingerprint);
    return ACCEPT;
  }

  /** The fingerprint of the certificate the hub at `hubUrl` presented, if the shell saw one. */
  seenFor(hubUrl: string): string | null {
    return this.seen.get(bare(new URL(hubUrl).hostname)) ?? null;
  }
}

export function pinHubCertificate(session: Session, pins: CertificatePins): void {
  session.setCertificateVerifyProc((request, callback) => callback(pins.decide(request.hostname, request.certificate.data)));
}

export class PinRefused extends Error {
  override name = 'PinRefused';
}

/**
 * What pairing with the hub at `origin` pins: nothing for an http hub; for an https hub the
 * certificate the shell saw (or already pinned), and only when the pairing's fingerprint is
 * that certificate's. A page may leave the fingerprint out only on a terminal that already
 * pinned its hub (the hub-hosting terminal pins its own hub's certificate at start).
 */
export function pinForPairing(origin: string, given: string | undefined, settings: TerminalSettings, pins: CertificatePins): string | null {
  if (new URL(origin).protocol !== 'https:') return null;
  const pinned = settings.hubFingerprint;
  const presented = pinned ?? pins.seenFor(origin);
  if (!presented) throw new PinRefused('the terminal has not seen the hub certificate; reload the pairing page');
  if (given === undefined || given.trim() === '') {
    if (pinned) return pinned;
    throw new PinRefused('give the certificate fingerprint from the admin screen to pair over HTTPS');
  }
  if (!fingerprintMatches(presented, given)) {
    throw new PinRefused('the hub presents another certificate than the pairing code names: this connection is not to your hub');
  }
  return presented;
}
