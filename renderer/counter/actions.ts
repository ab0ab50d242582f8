// The teller's five actions, their shortcut keys and when each makes sense.
// Decision: letter keys N/R/S/F/X, not F1–F5 (F1 opens help and F5 reloads the page in
// browsers); they are ignored while typing in a field or with a modifier held.
import type { TicketStatus } from '../../main/common/domain';

export type CounterAction = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow';

export interface ActionDef {
  action: CounterAction;
  key: string;
  /** Path of the POST, given the counter and the current ticket. */
  path: (counter: string, ticket: string | null) => string | null;
  /** Whether the action applies to the current ticket's status (null: no current ticket). */
  enabled: (status: TicketStatus | null) => boolean;
}

const calledOrRecalled = (s: TicketStatus | null) => s === 'called' || s === 'recalled';
const ticketPath = (verb: string) => (_c: string, t: string | null) => (t ? `/api/tickets/${encodeURIComponent(t)}/${verb}` : null);

export const ACTIONS: readonly ActionDef[] = [
  {
    action: 'callNext',
    key: 'N',
    path: (c) => `/api/counters/${encodeURIComponent(c)}/call-next`,
    enabled: (s) => s !== 'serving' && !calledOrRecalled(s),
  },
  { action: 'recall', key: 'R', path: ticketPath('recall'), enabled: calledOrRecalled },
  { action: 'start', key: 'S', path: ticketPath('start'), enabled: calledOrRecalled },
  { action: 'finish', key: 'F', path: ticketPath('finish'), enabled: (s) => s === 'serving' },
  { action: 'noShow', key: 'X', path: ticketPath('no-show'), enabled: calledOrRecalled },
];

export function actionForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): ActionDef | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  return ACTIONS.find((a) => a.key === e.key.toUpperCase()) ?? null;
}
