// The order in which the manager reads alerts, shared by the hub (GET /api/alerts answers in
// this order) and the console (which groups and merges on top of it), so both agree.
//
// Decisions:
// - Three tiers. URGENT: a customer at a kiosk is waiting for a person (green channel, "I need
//   help"): first, with a sound, counted in the console's badge. ATTENTION: something one
//   person must go and do now (a VIP, a customer who does not answer recalls, a printer that
//   stopped, the disk full, a customer who rated the service low): one row each. ROUTINE:
//   figures that say the lobby is slow (an estimate over its threshold, a long wait, an idle
//   counter, a due checklist): one row per kind, since the answer is the same for all of them
//   (open a counter, go and look).
// - Urgent ones oldest first: the customer who asked first has waited longest. The others
//   newest first within their kind, kinds in the order of the lists below.
// - An alert raised again under the same key (a kiosk asking for help a second time, a printer
//   running out of paper again) is one row with a count, not several rows.
import type { Alert, AlertKind } from './alerts.js';

export type AlertTier = 'urgent' | 'attention' | 'routine';

const URGENT_KINDS: readonly AlertKind[] = ['green_channel_request', 'kiosk_help'];
const ATTENTION_KINDS: readonly AlertKind[] = [
  'storage_full',
  // A customer who may be moving money for a scammer: reach them before the counter does.
  'fraud_watch',
  'vip_arrived',
  'repeated_recall',
  // The customer who rated low is still at the counter or on the way out: go now, or never.
  'low_rating',
  // An older customer is about to be called: go to them before their number is.
  'elderly_near_turn',
  // Customers are about to wait past the maximum: the move that prevents most of it is one tap away.
  'breach_ahead',
  'printer_outcome_unknown',
  'printer_paper_out',
  'printer_cover_open',
  'printer_offline',
];
const ROUTINE_KINDS: readonly AlertKind[] = [
  'estimate_over_threshold',
  'wait_over_target',
  'counter_idle',
  'printer_paper_low',
  'complaint_overdue',
  'opinion_overdue',
  'followup_due',
  'checklist_due',
  'patrol_due',
];
const RANK = new Map<AlertKind, number>([...URGENT_KINDS, ...ATTENTION_KINDS, ...ROUTINE_KINDS].map((k, i) => [k, i]));

/** A kind not listed (added later) is treated as needing attention: shown on its own, never hidden in a group. */
export function tierOf(kind: AlertKind): AlertTier {
  if (URGENT_KINDS.includes(kind)) return 'urgent';
  if (ROUTINE_KINDS.includes(kind)) return 'routine';
  return 'attention';
}

const TIER_ORDER: Record<AlertTier, number> = { urgent: 0, attention: 1, routine: 2 };
const rankOf = (kind: AlertKind) => RANK.get(kind) ?? ATTENTION_KINDS.length + URGENT_KINDS.length - 0.5;

export const isOpenAlert = (a: Alert): boolean => a.acknowledgedAt === null && a.resolvedAt === null;

/** Open alerts by urgency, then the closed ones newest first. */
export function orderAlerts(alerts: readonly Alert[]): Alert[] {
  const open = alerts.filter(isOpenAlert).sort((a, b) => {
    const ta = tierOf(a.kind);
    const tb = tierOf(b.kind);
    if (ta !== tb) return TIER_ORDER[ta] - TIER_ORDER[tb];
    if (ta === 'urgent') return a.raisedAt - b.raisedAt || a.id.localeCompare(b.id);
    return rankOf(a.kind) - rankOf(b.kind) || b.raisedAt - a.raisedAt || a.id.localeCompare(b.id);
  });
  const closed = alerts.filter((a) => !isOpenAlert(a)).sort((a, b) => b.raisedAt - a.raisedAt || a.id.localeCompare(b.id));
  return [...open, ...closed];
}

/** One row of the console: an alert, the earlier ones under its key, and for routine kinds the others of its kind. */
export interface AlertRow {
  tier: AlertTier;
  kind: AlertKind;
  /** The alert the row shows and acknowledges: the newest (routine) or the first asked (urgent). */
  lead: Alert;
  /** Every open alert in the row (a routine group's members), lead first. */
  members: Alert[];
  /** How many times the lead's key was raised, among the alerts the list holds (1 = once). */
  times: number;
}

export interface ArrangedAlerts {
  open: AlertRow[];
  /** Closed alerts, one row per key, newest first. */
  closed: AlertRow[];
  /** Open urgent alerts: the console header's badge. */
  urgentCount: number;
}

/**
 * Groups an alert list for the console: open ones by urgency (routine ones one row per kind),
 * repeats of one key merged with their count; closed ones merged the same way.
 */
export function arrangeAlerts(alerts: readonly Alert[]): ArrangedAlerts {
  const ordered = orderAlerts(alerts);
  const timesByKey = new Map<string, number>();
  for (const a of ordered) timesByKey.set(a.key, (timesByKey.get(a.key) ?? 0) + 1);

  const open: AlertRow[] = [];
  const groups = new Map<AlertKind, AlertRow>();
  const openKeys = new Set<string>();
  for (const a of ordered.filter(isOpenAlert)) {
    // The book keeps one open alert per key; should two arrive, the first in order stands for both.
    if (openKeys.has(a.key)) continue;
    openKeys.add(a.key);
    const tier = tierOf(a.kind);
    const group = tier === 'routine' ? groups.get(a.kind) : undefined;
    if (group) {
      group.members.push(a);
      continue;
    }
    const row: AlertRow = { tier, kind: a.kind, lead: a, members: [a], times: timesByKey.get(a.key) ?? 1 };
    if (tier === 'routine') groups.set(a.kind, row);
    open.push(row);
  }

  const closed: AlertRow[] = [];
  const closedKeys = new Set<string>();
  for (const a of ordered.filter((x) => !isOpenAlert(x))) {
    // A key still open is shown (with its count) among the open ones.
    if (openKeys.has(a.key) || closedKeys.has(a.key)) continue;
    closedKeys.add(a.key);
    closed.push({ tier: tierOf(a.kind), kind: a.kind, lead: a, members: [a], times: timesByKey.get(a.key) ?? 1 });
  }
  return { open, closed, urgentCount: open.filter((r) => r.tier === 'urgent').length };
}
