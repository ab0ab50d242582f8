// The teller's actions, their shortcut keys and when each makes sense.
// Decision: letter keys, not F1–F12 (F1 opens help and F5 reloads the page in browsers);
// they are ignored while typing in a field, with a modifier held, or while a dialog is open.
// N call next · R recall · S start · F finish · X no-show · T transfer · G call a number ·
// P pause · U resume; while serving, 1–6 finish with that business tag in one keystroke.
import type { CounterStatus, TicketStatus } from '../../main/common/domain';

export type CounterAction = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'transfer' | 'callNumber' | 'pause' | 'resume';

export interface DeskState {
  counter: CounterStatus;
  /** The current ticket's status; null when the counter has none. */
  ticket: TicketStatus | null;
}

export interface ActionDef {
  action: CounterAction;
  key: string;
  /** Path of the POST, given the counter and the current ticket; null: the action opens a dialog. */
  path: (counter: string, ticket: string | null) => string | null;
  enabled: (s: DeskState) => boolean;
}

const calledOrRecalled = (s: TicketStatus | null) => s === 'called' || s === 'recalled';
const ticketPath = (verb: string) => (_c: string, t: string | null) => (t ? `/api/tickets/${encodeURIComponent(t)}/${verb}` : null);
const dialog = () => null;
const free = (s: DeskState) => s.counter === 'open' && s.ticket !== 'serving' && !calledOrRecalled(s.ticket);

export const ACTIONS: readonly ActionDef[] = [
  { action: 'callNext', key: 'N', path: (c) => `/api/counters/${encodeURIComponent(c)}/call-next`, enabled: free },
  { action: 'recall', key: 'R', path: ticketPath('recall'), enabled: (s) => calledOrRecalled(s.ticket) },
  { action: 'start', key: 'S', path: ticketPath('start'), enabled: (s) => calledOrRecalled(s.ticket) },
  { action: 'finish', key: 'F', path: ticketPath('finish'), enabled: (s) => s.ticket === 'serving' },
  { action: 'noShow', key: 'X', path: ticketPath('no-show'), enabled: (s) => calledOrRecalled(s.ticket) },
  { action: 'transfer', key: 'T', path: dialog, enabled: (s) => s.ticket !== null },
  { action: 'callNumber', key: 'G', path: dialog, enabled: free },
  // Pausing with a customer at the window would leave them standing there: finish first.
  { action: 'pause', key: 'P', path: dialog, enabled: (s) => s.counter === 'open' && s.ticket === null },
  { action: 'resume', key: 'U', path: (c) => `/api/counters/${encodeURIComponent(c)}/resume`, enabled: (s) => s.counter === 'paused' },
];

/** Business done, tagged at finish; the digit is the one-keystroke shortcut. */
export const FINISH_TAGS = ['deposit', 'withdrawal', 'remittance', 'account', 'card', 'wealth'] as const;
export type FinishTag = (typeof FINISH_TAGS)[number];

export type KeyChoice = { kind: 'action'; def: ActionDef } | { kind: 'tag'; tag: FinishTag };

export function choiceForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): KeyChoice | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : 0;
  const tag = FINISH_TAGS[digit - 1];
  if (tag) return { kind: 'tag', tag };
  const def = ACTIONS.find((a) => a.key === e.key.toUpperCase());
  return def ? { kind: 'action', def } : null;
}
