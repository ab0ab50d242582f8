// Window adjustment (窗口调整): when one queue is far longer than another, suggest that a
// counter now preferring the short queue prefer the long one. Only a suggestion: the manager
// decides, because a counter may lack the cash drawer or the skills for the other business.
import type { LobbyState } from '../../common/domain.js';
import type { WindowSuggestion } from '../../common/triage.js';

/**
 * Decision: "far longer" is at least 5 people and at least three times the other queue (plus
 * one, so 0 vs 2 is not "three times"). Counters that are closed are left alone; the first
 * suggestion per long queue is the open counter whose first service has the shortest queue.
 */
export const FAR_LONGER = { minWaiting: 5, ratio: 3 };

export function windowSuggestions(state: LobbyState): WindowSuggestion[] {
  const waiting: Record<string, number> = {};
  for (const code of Object.keys(state.services)) waiting[code] = 0;
  for (const t of Object.values(state.tickets)) if (t.status === 'waiting' && t.service in waiting) waiting[t.service]! += 1;

  const counters = Object.values(state.counters).filter((c) => c.status !== 'closed' && c.services.length > 0);
  const out: WindowSuggestion[] = [];
  const used = new Set<string>();
  const byLength = Object.entries(waiting).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [longService, longWaiting] of byLength) {
    if (longWaiting < FAR_LONGER.minWaiting) break;
    const candidates = counters
      .filter((c) => !used.has(c.id) && c.services[0] !== longService)
      .map((c) => ({ c, first: c.services[0]!, firstWaiting: waiting[c.services[0]!] ?? 0 }))
      .filter((x) => longWaiting >= FAR_LONGER.ratio * (x.firstWaiting + 1))
      .sort((a, b) => a.firstWaiting - b.firstWaiting || a.c.id.localeCompare(b.c.id, undefined, { numeric: true }));
    const pick = candidates[0];
    if (!pick) continue;
    used.add(pick.c.id);
    out.push({
      counter: pick.c.id,
      from: [...pick.c.services],
      to: [longService, ...pick.c.services.filter((s) => s !== longService)],
      longService,
      longWaiting,
      shortService: pick.first,
      shortWaiting: pick.firstWaiting,
    });
  }
  return out;
}
