// Ticket numbers: prefix + a counter per prefix per business day (lastNumber in the state).
// Numbers are padded to three digits so they line up on the display, and simply grow past 999.

export function formatNumber(prefix: string, n: number): string {
  return prefix + String(n).padStart(3, '0');
}

/** The numeric part of 'A012' → 12; the ordering tie-break and lastNumber both need it. */
export function numberValue(number: string): number {
  const digits = /(\d+)$/.exec(number);
  return digits ? Number(digits[1]) : 0;
}
