// What the branch knows before the day starts, as the hub would have it: the staffing rota
// (only where the scenario's lunch is announced: "lunch-unannounced" must stay unannounced)
// and the arrival profile learnt from past days. The past days are simulated days of the same
// scenario drawn with other seeds (not the scored ones), their tickets counted exactly as the
// hub counts its ledger's: so the profile is learnt, with the noise of LEARNT_DAYS days, not
// copied from the scenario's hourly shares.
import { learnArrivalProfile, type ArrivalProfile, type PastTicket, type StaffRota } from '../../main/hub/estimate/index.js';
import type { Scenario } from '../sim/scenario.js';
import { drawWorld } from '../sim/world.js';

/** About a month of weekdays of the same kind. */
export const LEARNT_DAYS = 20;

export interface BranchKnowledge {
  rota: StaffRota;
  arrivalProfile: ArrivalProfile;
}

export function branchRota(scenario: Scenario): StaffRota {
  const lunch = scenario.lunch;
  if (!lunch || lunch.mode !== 'pause') return [];
  return lunch.counters.map((counter) => ({ counter, from: lunch.from, until: lunch.until, reason: 'lunch' as const }));
}

export function learntProfile(scenario: Scenario, seed: number, days = LEARNT_DAYS): ArrivalProfile {
  const past: PastTicket[] = [];
  for (let d = 0; d < days; d++) {
    // Far from the scored days' seeds (seed + 0, 1, 2, …).
    const world = drawWorld(scenario, (seed + 100_000 + d * 7919) >>> 0);
    for (const c of world.customers) past.push({ issuedAt: c.arrivalAt, service: c.service, priority: c.priority });
  }
  return learnArrivalProfile(past, days, 0);
}

export function branchKnowledge(scenario: Scenario, seed: number): BranchKnowledge {
  return { rota: branchRota(scenario), arrivalProfile: learntProfile(scenario, seed) };
}
