// The shell accepts exactly the pinned certificate for its hub and rejects every other;
// before pairing it remembers what the hub presented, and pairing pins that only when the
// pairing code's fingerprint names it.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHubCertificate } from '../hub/tls/generate.js';
import { defaultSettings, type TerminalSettings } from '../common/settings.js';
import { ACCEPT, CertificatePins, CHROMIUM_DECIDES, fingerprintMatches, fingerprintOfPem, pinForPairing, REJECT } from './cert-pin.js';

const names = { dns: ['localhost'], ips: ['127.0.0.1', '10.1.2.3'] };
let hubCert: string;
let otherCert: string;
let hubFp: string;

beforeAll(async () => {
  hubCert = (await generateHubCertificate(names)).cert;
  otherCert = (await generateHubCertificate(names)).cert;
  hubFp = fingerprintOfPem(hubCert)!;
});

const settingsOf = (patch: Partial<TerminalSettings>) => ({ ...defaultSettings('/data'), hubUrl: 'https://10.1.2.3:4180', ...patch });

describe('the pinned hub certificate', () => {
  it('is the only certificate accepted for the hub, and other hosts are left to Chromium', () => {
    const pins = new CertificatePins(() => settingsOf({ hubFingerprint: hubFp, role: 'display', deviceToken: 't' }));
    expect(pins.decide('10.1.2.3', hubCert)).toBe(ACCEPT);
    expect(pins.decide('10.1.2.3', otherCert)).toBe(REJECT);
    expect(pins.decide('10.1.2.3', 'garbage')).toBe(REJECT);
    expect(pins.decide('example.com', otherCert)).toBe(CHROMIUM_DECIDES);
  });

  it('before pairing is accepted and remembered, then pinned only if the pairing names it', () => {
    let settings = settingsOf({});
    const pins = new CertificatePins(() => settings);
    expect(pins.decide('10.1.2.3', otherCert)).toBe(ACCEPT);
    // An interceptor presented otherCert: the code's fingerprint (the real hub's) does not match.
    expect(() => pinForPairing('https://10.1.2.3:4180', hubFp, settings, pins)).toThrow(/another certificate/);
    expect(pins.decide('10.1.2.3', hubCert)).toBe(ACCEPT);
    expect(() => pinForPairing('https://10.1.2.3:4180', undefined, settings, pins)).toThrow(/fingerprint/);
    const short = hubFp.split(':').slice(0, 8).join(' ').toLowerCase();
    const pinned = pinForPairing('https://10.1.2.3:4180', short, settings, pins);
    expect(pinned).toBe(hubFp);
    settings = { ...settings, hubFingerprint: pinned };
    expect(pins.decide('10.1.2.3', otherCert)).toBe(REJECT);
    expect(pinForPairing('http://127.0.0.1:4180', undefined, settings, pins)).toBeNull();
  });

  it('needs at least eight whole groups to match', () => {
    expect(fingerprintMatches(hubFp, hubFp)).toBe(true);
    expect(fingerprintMatches(hubFp, hubFp.replace(/:/g, ''))).toBe(true);
    expect(fingerprintMatches(hubFp, hubFp.slice(0, 20))).toBe(false); // 7 groups
    expect(fingerprintMatches(hubFp, hubFp.slice(0, 23))).toBe(true); // 8 groups
    expect(fingerprintMatches(hubFp, hubFp.slice(0, 25))).toBe(false); // and half a group
    expect(fingerprintMatches(hubFp, '')).toBe(false);
    expect(fingerprintMatches(hubFp, fingerprintOfPem(otherCert)!)).toBe(false);
  });
});
