import { describe, expect, it } from 'vitest';
import { pinProblem } from './pin-rules.js';

describe('the PIN rule', () => {
  it('takes six digits that are not a pattern people pick first', () => {
    for (const pin of ['135790', '246813', '907214', '112358', '000001']) expect(pinProblem(pin), pin).toBeNull();
  });
  it('refuses anything but exactly six digits', () => {
    for (const pin of ['', '12345', '1234567', '12a456', ' 13579', '１３５７９０']) expect(pinProblem(pin), pin).toBe('format');
  });
  it('refuses one repeated digit and straight runs up or down', () => {
    for (const pin of ['000000', '999999', '123456', '654321', '012345', '456789', '987654', '543210', '890123', '210987']) expect(pinProblem(pin), pin).toBe('trivial');
  });
  it('refuses the old PIN', () => {
    expect(pinProblem('135790', '135790')).toBe('same');
    expect(pinProblem('135790', '135791')).toBeNull();
  });
});
