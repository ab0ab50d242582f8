// Today's arrival rate per class and service: later arrivals that the dispatch policy puts
// ahead of a waiting ticket (green, appointment, VIP; and normal ones of a preferred service). Products that estimate from the position alone ignore these and so
// underestimate normal customers' waits (see shared/research/wait-estimation.md).
import type { LobbyState, Priority, QueueConfig } from '../../common/domain.js';
import { baseRank, CLASS_RANK, type ClassRank } from '../queue/dispatch.js';

export interface PriorityRate {
  service: string;
  rank: ClassRank;
  perMinute: number;
  /** Expected arrivals by `t` minutes from now, when they do not come at a steady rate (a learnt profile). */
  arrivedBy?: (t: number) => number;
}

/**
 * The class later arrivals of a priority are called in. Future appointment tickets are counted
 * as due: they are usually issued close to their time. Normal arrivals count too: at a counter
 * that prefers their service they go before earlier normal tickets of its other services.
 * Elderly ones rank where the branch's setting puts them, as dispatch does.
 */
export function jumpingRank(priority: Priority, config: Pick<QueueConfig, 'elderlyRank'>): ClassRank {
  if (priority === 'green') return CLASS_RANK.green;
  if (priority === 'appointment') return CLASS_RANK.appointmentDue;
  return baseRank(priority, config);
}

/**
 * Count since the day opened, over at least `minWindowMinutes`, so that the first VIP of the
 * morning does not read as a flood of them.
 */
export function priorityArrivalRates(state: LobbyState, now: number, minWindowMinutes: number): PriorityRate[] {
  if (!state.day || state.day.status !== 'open') return [];
  const windowMinutes = Math.max((now - state.day.openedAt) / 60_000, minWindowMinutes);
  const counts = new Map<string, PriorityRate>();
  for (const t of Object.values(state.tickets)) {
    if (t.issuedAt > now) continue;
    const rank = jumpingRank(t.priority, state.config);
    const key = `${t.service}\u0000${rank}`;
    const entry = counts.get(key) ?? { service: t.service, rank, perMinute: 0 };
    entry.perMinute += 1 / windowMinutes;
    counts.set(key, entry);
  }
  return [...counts.values()];
}
