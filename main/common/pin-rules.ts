// The one rule for a new PIN, shared by the hub (which enforces it) and the screens (which
// say what is wrong before anything is sent). A six-digit PIN is guessed from the few that
// people pick first: one digit repeated, or a straight run up or down.

export type PinProblem = 'format' | 'trivial' | 'same';

export const PIN_LENGTH = 6;

/** Runs of consecutive digits up (012345 … 456789) or down (987654 … 543210), wrapping too (890123). */
function isStraightRun(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

/** Why `pin` cannot be a new PIN (null when it can); `oldPin` is the one it replaces, when known. */
export function pinProblem(pin: string, oldPin?: string | null): PinProblem | null {
  if (!new RegExp(`^\\d{${PIN_LENGTH}}$`).test(pin)) return 'format';
  // One repeated digit (000000, 888888) or a straight run (123456, 654321).
  if (/^(\d)\1*$/.test(pin) || isStraightRun(pin)) return 'trivial';
  if (oldPin != null && pin === oldPin) return 'same';
  return null;
}

/** The plain sentence the hub answers with (400 `weak_pin`); the screens say it in their language. */
export const PIN_PROBLEM_MESSAGES: Record<PinProblem, string> = {
  format: 'A PIN is exactly 6 digits.',
  trivial: 'That PIN is too easy to guess (one digit repeated, or digits in a row such as 123456): choose another.',
  same: 'The new PIN is the same as the old one: choose another.',
};
