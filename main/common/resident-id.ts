// The 18-character PRC resident ID number (GB 11643): 6 digits of region, 8 of birth date
// (YYYYMMDD), 3 of sequence and a check character (ISO 7064 MOD 11-2: 0-9 or X). Pure: the
// hub reads a customer's age from it at the ID-card check-in and then forgets the number.
//
// Decisions:
// - 18 characters only: the 15-digit first-generation number stopped being valid in 2013.
// - A lower-case x is read as X (some readers type it so); surrounding blanks are dropped;
//   nothing else is corrected.
// - A birth year before 1900 is impossible (nobody holding a card was born then), and so is a
//   birth date after today.
// - Nothing here ever puts the number into a message: callers answer invalid_id_number and
//   say only which part failed.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for each remainder of the weighted sum modulo 11. */
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

export type ResidentIdProblem = 'format' | 'checksum' | 'birth_date' | 'future_birth_date';

export type ResidentIdCheck = { ok: true; birthDate: string } | { ok: false; problem: ResidentIdProblem };

/** The check character of the first 17 digits (which must be digits). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('the first 17 characters of a resident ID number are digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Checks a number read from an ID card. `today` is the hub's local date (YYYY-MM-DD); the
 * answer's birthDate is YYYY-MM-DD.
 */
export function checkResidentId(raw: string, today: string): ResidentIdCheck {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checksum' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < EARLIEST_BIRTH_YEAR || !isRealDate(year, month, day)) return { ok: false, problem: 'birth_date' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'future_birth_date' };
  return { ok: true, birthDate };
}

/**
 * Whole years from a birth date to a date (both YYYY-MM-DD). Someone born on 29 February
 * has their birthday on 1 March in other years, as Chinese law counts it.
 */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
