// The 18-character PRC resident ID number as an ID-card reader types it: 17 digits, then a
// check character (0-9 or X, ISO 7064 MOD 11-2), the birth date at characters 7-14. The kiosk
// checks it only to tell a swiped ID card from a VIP card and to say at once that a read went
// wrong; the hub checks it again and decides the age. Pure; the number is never kept.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const ID_SHAPE = /^\d{17}[\dX]$/;

/** True when the check character matches the first 17 digits. */
export function idChecksumOk(id: string): boolean {
  if (!ID_SHAPE.test(id)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}

/** True when characters 7-14 are a real calendar date, after 1900 and not after `today`. */
export function idBirthDateOk(id: string, today: Date): boolean {
  if (!ID_SHAPE.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(y, m - 1, d);
  if (y < 1900 || date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return false;
  return date.getTime() <= today.getTime();
}

export function idNumberOk(id: string, today: Date): boolean {
  return idChecksumOk(id) && idBirthDateOk(id, today);
}
