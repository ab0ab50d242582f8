// Alerts for the lobby manager: raised by the hub (or a kiosk, a printer, a reminder), shown
// on the manager console, acknowledged by a person, who and when kept in the ledger.
// An alert may carry a VIP's title and notes: it goes to staff only, never to a display.

export const ALERT_KINDS = [
  'vip_arrived',
  'wait_over_target',
  'estimate_over_threshold',
  'printer_paper_low',
  'printer_paper_out',
  'printer_offline',
  'printer_cover_open',
  /** The printer took a ticket's bytes but never confirmed it: ask the customer, reprint if need be. */
  'printer_outcome_unknown',
  'counter_idle',
  'kiosk_help',
  'green_channel_request',
  'repeated_recall',
  'checklist_due',
  'patrol_due',
  'opinion_overdue',
  'complaint_overdue',
  'followup_due',
  /** A customer rated a counter's service 1 or 2 on its satisfaction pad: the manager goes and listens. */
  'low_rating',
  /** An older customer (priority elderly) is three or fewer from being called: the manager walks them over. Once per ticket. */
  'elderly_near_turn',
  /**
   * An elderly customer took a kiosk choice with a fraud prompt (a transfer, a large withdrawal):
   * the manager goes to them before they reach the counter. Details: the choice and its names.
   */
  'fraud_watch',
  /**
   * The advisor's forecast: customers will begin to wait past their service's maximum within 20
   * minutes. Details: expected breaches, minutes to the first, and the move it proposes with
   * what it saves (the console reads the current advice from GET /api/manager/advice).
   */
  'breach_ahead',
  /** The hub's disk took no more writes; held in memory until the ledger can record it. */
  'storage_full',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertDetails = Record<string, string | number | boolean | null>;

export interface Alert {
  id: string;
  kind: AlertKind;
  /**
   * At most one open alert per key (e.g. 'printer:kiosk-1:paper_out', 'wait:A012'): raising
   * it again while open changes nothing, so a watcher can raise on every tick.
   */
  key: string;
  raisedAt: number;
  /** Ticket number (A012), counter id, device id, when the alert is about one. */
  ticket: string | null;
  counter: string | null;
  device: string | null;
  details: AlertDetails;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  /** Set when the condition went away by itself (the printer got paper again). */
  resolvedAt: number | null;
}

export type AlertEvent =
  | { type: 'alert.raised'; alert: Omit<Alert, 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt'> }
  | { type: 'alert.acknowledged'; id: string; by: string }
  | { type: 'alert.resolved'; id: string };
