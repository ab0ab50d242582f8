// What the display says about counters: which are paused or closed, and which services no
// open counter serves. Pure, so the rules are unit-tested (board.test.ts).
import type { ApiCounter } from '../../main/common/api';

/** A service as a customer waiting for it should read it: served now, only paused counters, or none open. */
export type Availability = 'open' | 'paused' | 'none';

export function serviceAvailability(service: string, counters: readonly ApiCounter[]): Availability {
  const serving = counters.filter((c) => c.services.includes(service));
  if (serving.some((c) => c.status === 'open')) return 'open';
  if (serving.some((c) => c.status === 'paused')) return 'paused';
  return 'none';
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The counters not serving now, by status, in counter order (2 before 10). */
export function idleCounters(counters: readonly ApiCounter[]): { paused: string[]; closed: string[] } {
  const ids = (status: ApiCounter['status']) =>
    counters
      .filter((c) => c.status === status)
      .map((c) => c.id)
      .sort(byNumber);
  return { paused: ids('paused'), closed: ids('closed') };
}
