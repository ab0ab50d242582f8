// What the branch knows before the day starts, as the hub would have it: the staffing rota
// (only where the scenario's lunch is announced: "lunch-unannounced" must stay unannounced)
// and the arrival profile and history learnt from past days, their tickets counted exactly
// as the hub counts its ledger's.
//
// `calendarKnowledge` (what `npm run bench` uses) learns, as the hub does, from the last
// LEARNT_DAYS business days of the branch's calendar before the scored day, of whatever kind
// they were (bench/sim/calendar.ts): a pension day learns mostly from ordinary days.
// `branchKnowledge` is the older scheme (20 days of the scored scenario itself, other
// seeds), kept for the tuning scripts (tune-atrium.ts, calibrate-range.ts) that quote it.
import { learnArrivalProfile, type ArrivalProfile, type PastTicket, type StaffRota } from '../../main/hub/estimate/index.js';
import { learnBreakShare, learnServiceHistory, type BranchHistory, type CounterStretch, type PastJob } from '../../main/hub/estimate/branch-history.js';
import { CLIP_FACTOR } from '../../main/hub/estimate/service-times.js';
import type { BranchCalendar } from '../sim/calendar.js';
import type { Scenario } from '../sim/scenario.js';
import { drawWorld, MINUTE, type World } from '../sim/world.js';

/** About a month of weekdays of the same kind. */
export const LEARNT_DAYS = 20;

export interface BranchKnowledge {
  rota: StaffRota;
  arrivalProfile: ArrivalProfile;
  history: BranchHistory;
}

export function branchRota(scenario: Scenario): StaffRota {
  const lunch = scenario.lunch;
  if (!lunch || lunch.mode !== 'pause') return [];
  return lunch.counters.map((counter) => ({ counter, from: lunch.from, until: lunch.until, reason: 'lunch' as const }));
}

/** Past days of the same scenario, far from the scored days' seeds (seed + 0, 1, 2, …). */
function pastWorlds(scenario: Scenario, seed: number, days: number): World[] {
  return Array.from({ length: days }, (_, d) => drawWorld(scenario, (seed + 100_000 + d * 7919) >>> 0));
}

export function learntProfile(scenario: Scenario, seed: number, days = LEARNT_DAYS): ArrivalProfile {
  return profileOf(pastWorlds(scenario, seed, days));
}

/** The profile of past days, as the hub's learnArrivalProfile counts its tickets table. */
function profileOf(worlds: readonly World[]): ArrivalProfile {
  const past: PastTicket[] = worlds.flatMap((w) => w.customers.map((c) => ({ issuedAt: c.arrivalAt, service: c.service, priority: c.priority })));
  return learnArrivalProfile(past, worlds.length, 0);
}

/**
 * Service times, walks and breaks of past days as the hub's records would have them: every
 * customer's service time (whether a customer leaves does not depend on their business, so
 * the served ones have the same mix), and each counter's day split into work and breaks.
 */
export function learntHistory(scenario: Scenario, seed: number, days = LEARNT_DAYS): BranchHistory {
  return historyOf(scenario, pastWorlds(scenario, seed, days));
}

/** `scenario`: today's, whose configured service priors clip outliers (the hub's servicePriors). */
function historyOf(scenario: Scenario, worlds: readonly World[]): BranchHistory {
  const days = worlds.length;
  const jobs: PastJob[] = worlds.flatMap((w) => w.customers.map((c) => ({ service: c.service, minutes: c.serviceMinutes })));
  const prior = new Map(scenario.services.map((s) => [s.code, s.priorServiceMinutes]));
  const stretches: CounterStretch[] = worlds.flatMap((w) => {
    const dayMinutes = (w.closeAt - w.openAt) / MINUTE;
    const counters = w.scenario.counters.length;
    const lunches = w.plans.filter((p) => p.reason === 'lunch').reduce((a, p) => a + ((p.endAt ?? p.at) - p.at) / MINUTE, 0);
    const breaks = w.plans.filter((p) => p.reason !== 'lunch').reduce((a, p) => a + p.minutes, 0);
    return [
      { kind: 'open' as const, minutes: counters * dayMinutes - lunches - breaks },
      { kind: 'break' as const, minutes: breaks },
    ];
  });
  const walks = worlds.flatMap((w) => w.customers.map((c) => c.walkMinutes));
  return {
    days,
    services: learnServiceHistory(jobs, (s) => CLIP_FACTOR * (prior.get(s) ?? Number.POSITIVE_INFINITY)),
    breakShare: learnBreakShare(stretches),
    walkUpMinutes: walks.length > 0 ? walks.reduce((a, b) => a + b, 0) / walks.length : null,
  };
}

export function branchKnowledge(scenario: Scenario, seed: number): BranchKnowledge {
  return { rota: branchRota(scenario), arrivalProfile: learntProfile(scenario, seed), history: learntHistory(scenario, seed) };
}

/**
 * What the hub knows on the morning of `date`: the rota of today's scenario and what it
 * learnt from the LEARNT_DAYS business days before `date` in the branch's calendar.
 */
export function calendarKnowledge(branch: BranchCalendar, date: string): BranchKnowledge {
  const worlds = branch.before(date, LEARNT_DAYS).map((d) => branch.world(d));
  return { rota: branchRota(branch.scored), arrivalProfile: profileOf(worlds), history: historyOf(branch.scored, worlds) };
}
