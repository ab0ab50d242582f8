// Tickets (issue, find, the teller's moves, transfer, priority, print) and counters.
import { z } from 'zod';
import { AdviceDecisionBody, type Advice, type InvitedTicket } from '../advisor.js';
import { CallTicketBody, FinishBody, IssueTicketBody, PauseBody, SetCounterServicesBody, TransferBody } from '../api.js';
import type { PrintAnswer } from '../print.js';
import { SelfServiceBody, SetPriorityBody } from '../triage.js';
import { ANY_TOKEN, STAFF_GRANTS } from './access.js';
import { CounterAnswer, TicketAnswer } from './answers.js';
import { route } from './define.js';

const TicketId = z.object({ id: z.string() });
const CounterId = z.object({ counter: z.string() });
export const PrintBody = z.strictObject({ reprint: z.boolean().optional() });

export const issueTicket = route({
  method: 'POST',
  path: '/api/tickets',
  access: { grants: ['kiosk', 'manager'] },
  summary: 'Issues a ticket: `service` is a code or a prefix; a kiosk asking for another priority than `normal`, or giving `appointmentAt`, gets 403 `forbidden`; `choice` (a kiosk choice id) is recorded on `ticket.issued` (400 `unknown_choice`, `choice_service_mismatch`); the day opens by itself with the first ticket of a new date.',
  body: IssueTicketBody,
  answer: TicketAnswer,
});

export const ticket = route({
  method: 'GET',
  path: '/api/tickets/:id',
  access: { grants: ANY_TOKEN },
  summary: 'One ticket of today.',
  params: TicketId,
  answer: TicketAnswer,
});

export const findTicket = route({
  method: 'GET',
  path: '/api/tickets',
  access: { grants: STAFF_GRANTS },
  summary: "Finds today's ticket by its number (`?number=A012`).",
  query: z.object({ number: z.string().optional() }),
  answer: TicketAnswer,
});

const move = (name: string, summary: string) =>
  route({ method: 'POST', path: `/api/tickets/:id/${name}`, access: { grants: ['teller', 'manager'] }, summary, params: TicketId, answer: TicketAnswer });
export const recall = move('recall', 'Calls the ticket again.');
export const start = move('start', 'The customer has come: service starts.');
export const finish = route({
  method: 'POST',
  path: '/api/tickets/:id/finish',
  access: { grants: ['teller', 'manager'] },
  summary: "Service done, with the business tagged; a teller only at the ticket's counter.",
  params: TicketId,
  body: FinishBody,
  answer: TicketAnswer,
});
export const noShow = move('no-show', 'The customer did not come.');
export const cancel = move('cancel', 'Cancels the ticket.');

export const transfer = route({
  method: 'POST',
  path: '/api/tickets/:id/transfer',
  access: { grants: ['teller', 'manager'] },
  summary: "Back to waiting at another service or counter, keeping its number and place (a teller only at the ticket's counter).",
  params: TicketId,
  body: TransferBody,
  answer: TicketAnswer,
});

export const printTicket = route({
  method: 'POST',
  path: '/api/tickets/:id/print',
  access: { grants: ['kiosk', 'manager'] },
  summary: "Prints on the calling kiosk's printer, else the hub's `--printer`; at most once however often retried; `uncertain: true` when the printer took every byte but never confirmed; `reprint: true` (a signed-in manager only, else 403) sends it again; a fault is 503 `printer_not_configured`, `printer_paper_out`, `printer_cover_open`, `printer_offline` or `printer_interrupted`, and the ticket stays valid.",
  params: TicketId,
  body: PrintBody,
  answer: z.strictObject({ printed: z.literal(true), already: z.boolean(), printer: z.string(), uncertain: z.boolean() }) satisfies z.ZodType<PrintAnswer>,
});

export const setPriority = route({
  method: 'POST',
  path: '/api/tickets/:id/priority',
  access: { grants: ['manager'] },
  summary: 'Triage: raises a waiting ticket to `green` (or `vip`, `normal`).',
  params: TicketId,
  body: SetPriorityBody,
  answer: TicketAnswer,
});

export const selfServiceTriage = route({
  method: 'POST',
  path: '/api/triage/self-service',
  access: { grants: ['manager'] },
  summary: 'Records a customer sent to self-service, and cancels their ticket if given (409 `not_waiting` unless it waits).',
  body: SelfServiceBody,
  answer: z.strictObject({ recorded: z.strictObject({ seq: z.number().int(), service: z.string().nullable(), ticket: z.string().nullable() }) }),
});

export const windowSuggestions = route({
  method: 'GET',
  path: '/api/manager/window-suggestions',
  access: { grants: ['manager', 'manager-device'] },
  summary: 'Which counter should switch to a queue that is far longer than the others.',
  answer: z.strictObject({
    suggestions: z.array(
      z.strictObject({
        counter: z.string(),
        from: z.array(z.string()),
        to: z.array(z.string()),
        longService: z.string(),
        longWaiting: z.number().int(),
        shortService: z.string(),
        shortWaiting: z.number().int(),
      }),
    ),
  }),
});

const AdviceActionSchema = z.union([
  z.strictObject({ kind: z.literal('open'), counter: z.string(), staffId: z.string(), services: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('switch'), counter: z.string(), from: z.array(z.string()), services: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('resume'), counter: z.string() }),
  z.strictObject({ kind: z.literal('divert'), service: z.string(), tickets: z.array(z.string()), numbers: z.array(z.string()) }),
]);

const AdviceSchema = z.strictObject({
  id: z.string(),
  computedAt: z.string(),
  forecast: z.strictObject({
    expected: z.number(),
    firstInMinutes: z.number().nullable(),
    atRisk: z.array(z.strictObject({ ticket: z.string(), number: z.string(), service: z.string(), probability: z.number(), breachInMinutes: z.number() })),
  }),
  action: AdviceActionSchema.nullable(),
  expectedWith: z.number().nullable(),
  saves: z.number().int(),
}) satisfies z.ZodType<Advice>;

export const advice = route({
  method: 'GET',
  path: '/api/manager/advice',
  access: { grants: ['manager', 'manager-device'] },
  summary:
    'The advisor (issue 17): when the Monte Carlo forecast says customers will begin to wait past their service\'s maximum within 20 minutes, the forecast and the move that removes most of those breaches (a counter move, or inviting waiting 取款存款 customers to self-service); `null` otherwise. Computed on a timer and after changes, never per request. `invited`: the customers invited to self-service who still wait (kept across a restart).',
  answer: z.strictObject({
    advice: AdviceSchema.nullable(),
    invited: z.array(z.strictObject({ ticket: z.string(), number: z.string(), service: z.string() })) satisfies z.ZodType<InvitedTicket[]>,
  }),
});

export const decideAdvice = route({
  method: 'POST',
  path: '/api/manager/advice',
  access: { grants: ['manager'] },
  summary: 'Applies (`applied`) or dismisses the advice the manager saw; the decision and its forecast are an `advisor.decided` event. 409 `advice_changed` when the advice is no longer the current one.',
  body: AdviceDecisionBody,
  answer: z.strictObject({ decided: z.strictObject({ seq: z.number().int(), decision: z.enum(['applied', 'dismissed']) }) }),
});

export const openCounter = route({
  method: 'POST',
  path: '/api/counters/:counter/open',
  access: { grants: ['teller'] },
  summary: 'Signs the teller in at that counter and opens it; 409 `counter_taken`, `signed_in_elsewhere`.',
  params: CounterId,
  answer: CounterAnswer,
});

export const pauseCounter = route({
  method: 'POST',
  path: '/api/counters/:counter/pause',
  access: { grants: ['teller', 'manager'] },
  summary: 'Reasons `lunch`, `cash_replenishment`, `meeting`, `other`; a teller only at their own counter.',
  params: CounterId,
  body: PauseBody,
  answer: CounterAnswer,
});

export const resumeCounter = route({
  method: 'POST',
  path: '/api/counters/:counter/resume',
  access: { grants: ['teller', 'manager'] },
  summary: 'Resumes a paused counter.',
  params: CounterId,
  answer: CounterAnswer,
});

export const closeCounter = route({
  method: 'POST',
  path: '/api/counters/:counter/close',
  access: { grants: ['teller', 'manager'] },
  summary: 'Closes the counter.',
  params: CounterId,
  answer: CounterAnswer,
});

export const callNext = route({
  method: 'POST',
  path: '/api/counters/:counter/call-next',
  access: { grants: ['teller'] },
  summary: 'Calls the next ticket for this counter, or 204 when nothing waits.',
  params: CounterId,
  // null: the 204 of an empty queue.
  answer: TicketAnswer.nullable(),
});

export const callTicket = route({
  method: 'POST',
  path: '/api/counters/:counter/call',
  access: { grants: ['teller'] },
  summary: 'Calls that waiting ticket by its number; 404 `unknown_ticket`.',
  params: CounterId,
  body: CallTicketBody,
  answer: TicketAnswer,
});

export const setCounterServices = route({
  method: 'PUT',
  path: '/api/counters/:counter/services',
  access: { grants: ['manager', 'admin'] },
  summary: 'Sets the services a counter serves, in order.',
  params: CounterId,
  body: SetCounterServicesBody,
  answer: CounterAnswer,
});

export const ticketRoutes = [issueTicket, ticket, findTicket, recall, start, finish, noShow, cancel, transfer, printTicket, setPriority, selfServiceTriage, windowSuggestions, advice, decideAdvice];
export const counterRoutes = [openCounter, pauseCounter, resumeCounter, closeCounter, callNext, callTicket, setCounterServices];
