// The PIN an admin hands over once, and the check of a PIN someone chooses: the hub's staff
// (main/hub/staff) and the head office's (main/office/auth) use these, so both hand out the
// same kind of PIN and refuse the same weak ones with the same sentence.
import { randomInt } from 'node:crypto';
import { DomainError } from '../common/errors.js';
import { PIN_LENGTH, PIN_PROBLEM_MESSAGES, pinProblem } from '../common/pin-rules.js';

/** A random six-digit PIN that the PIN rule accepts, for the admin to hand over once. */
export function newOneTimePin(): string {
  for (;;) {
    const pin = String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, '0');
    if (pinProblem(pin) === null) return pin;
  }
}

/** 400 `weak_pin` with the rule's plain sentence when `newPin` cannot be a PIN. */
export function requireGoodPin(newPin: string, oldPin?: string | null): void {
  const problem = pinProblem(newPin, oldPin);
  if (problem) throw new DomainError('invalid', 'weak_pin', PIN_PROBLEM_MESSAGES[problem]);
}
