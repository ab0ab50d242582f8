// Pairing codes in memory: typed as people type them, once, before they expire.
import { describe, expect, it } from 'vitest';
import { PairingCodes } from './pairing-codes.js';

describe('PairingCodes', () => {
  it('pairs a held code however it is typed, tells expired from unknown, and forgets a device\'s code when dropped', () => {
    const codes = new PairingCodes();
    codes.hold('kiosk-1', 'ABCD2345', 1_000);
    expect(codes.check('abcd-2345', 999)).toEqual({ deviceId: 'kiosk-1' });
    expect(codes.check(' AB CD 23 45 ', 999)).toEqual({ deviceId: 'kiosk-1' });
    expect(codes.check('ABCD2345', 1_000)).toEqual({ refused: 'pairing_code_expired' });
    expect(codes.check('ABCD2346', 999)).toEqual({ refused: 'pairing_code_invalid' });
    expect(codes.holds('kiosk-1')).toBe(true);
    codes.drop('kiosk-1');
    expect(codes.holds('kiosk-1')).toBe(false);
    expect(codes.check('ABCD2345', 999)).toEqual({ refused: 'pairing_code_invalid' });
  });
});
