// The teller's actions, their shortcut keys and when each makes sense.
// Decision: letter keys, not F1–F12 (F1 opens help and F5 reloads the page in browsers);
// they are ignored while typing in a field, with a modifier held, or while a dialog is open.
// N call next · R recall · S start · F finish · X no-show · T transfer · G call a number ·
// P pause · U resume; while serving, 1–6 finish with that business tag in one keystroke.
import type { CounterStatus, TicketStatus } from '../../main/common/domain';
import { api } from '../../main/common/routes/index';
import type { HubClient } from '../hub-client';

export type CounterAction = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'transfer' | 'callNumber' | 'pause' | 'resume';

export interface DeskState {
  counter: CounterStatus;
  /** The current ticket's status; null when the counter has none. */
  ticket: TicketStatus | null;
}

export interface ActionDef {
  action: CounterAction;
  key: string;
  /** The action's call, given the counter and the current ticket; null: the action opens a dialog. */
  request: (counter: string, ticket: string | null) => ((hub: HubClient) => Promise<unknown>) | null;
  enabled: (s: DeskState) => boolean;
}

const calledOrRecalled = (s: TicketStatus | null) => s === 'called' || s === 'recalled';
type TicketMove = typeof api.recall | typeof api.start | typeof api.finish | typeof api.noShow;
const ticketMove = (def: TicketMove) => (_c: string, t: string | null) => (t ? (hub: HubClient) => hub.call(def, { params: { id: t } }) : null);
const dialog = () => null;
const free = (s: DeskState) => s.counter === 'open' && s.ticket !== 'serving' && !calledOrRecalled(s.ticket);

export const ACTIONS: readonly ActionDef[] = [
  { action: 'callNext', key: 'N', request: (c) => (hub) => hub.call(api.callNext, { params: { counter: c } }), enabled: free },
  { action: 'recall', key: 'R', request: ticketMove(api.recall), enabled: (s) => calledOrRecalled(s.ticket) },
  { action: 'start', key: 'S', request: ticketMove(api.start), enabled: (s) => calledOrRecalled(s.ticket) },
  { action: 'finish', key: 'F', request: ticketMove(api.finish), enabled: (s) => s.ticket === 'serving' },
  { action: 'noShow', key: 'X', request: ticketMove(api.noShow), enabled: (s) => calledOrRecalled(s.ticket) },
  { action: 'transfer', key: 'T', request: dialog, enabled: (s) => s.ticket !== null },
  { action: 'callNumber', key: 'G', request: dialog, enabled: free },
  // Pausing with a customer at the window would leave them standing there: finish first.
  { action: 'pause', key: 'P', request: dialog, enabled: (s) => s.counter === 'open' && s.ticket === null },
  { action: 'resume', key: 'U', request: (c) => (hub) => hub.call(api.resumeCounter, { params: { counter: c } }), enabled: (s) => s.counter === 'paused' },
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
