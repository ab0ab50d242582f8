// Which calls to announce when the lobby changes: a ticket newly called, or called again
// (a recall, or a call at another counter after a transfer). Pure, so it is unit-tested.
import type { LobbyTicket } from '../../live/lobby-state';

export interface CallToSpeak {
  number: string;
  counter: string;
  recall: boolean;
}

/** Per ticket number, what its latest call was; a change means a new call to speak. */
export type CallMarks = Map<string, string>;

const mark = (t: LobbyTicket) => `${t.counter}|${t.recalls}|${t.calledAt}`;
const isCalled = (t: LobbyTicket) => (t.status === 'called' || t.status === 'recalled') && t.counter !== null;

export function callMarks(tickets: Iterable<LobbyTicket>): CallMarks {
  const marks: CallMarks = new Map();
  for (const t of tickets) if (isCalled(t)) marks.set(t.number, mark(t));
  return marks;
}

/**
 * The calls in `tickets` not in `before`, oldest first. After a reconnect the display gets a
 * snapshot: calls made while it was away and still waiting for their customer are spoken then.
 */
export function newCalls(before: CallMarks, tickets: Iterable<LobbyTicket>): CallToSpeak[] {
  const out: (CallToSpeak & { at: string })[] = [];
  for (const t of tickets) {
    if (!isCalled(t) || before.get(t.number) === mark(t)) continue;
    out.push({ number: t.number, counter: t.counter!, recall: t.status === 'recalled', at: t.calledAt ?? '' });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at)).map(({ at: _at, ...c }) => c);
}
