// Tickets (issue, find, the teller's moves, transfer, priority, print) and counters.
import { z } from 'zod';
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
  summary: 'Issues a ticket (a kiosk: normal priority only).',
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
  summary: "Finds today's ticket by its number (?number=A012).",
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
  summary: 'Service done, with the business tagged.',
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
  summary: 'Sends the ticket to another service or counter, keeping its place.',
  params: TicketId,
  body: TransferBody,
  answer: TicketAnswer,
});

export const printTicket = route({
  method: 'POST',
  path: '/api/tickets/:id/print',
  access: { grants: ['kiosk', 'manager'] },
  summary: 'Prints the ticket once (a signed-in manager may ask for a reprint); a printer fault is a 503.',
  params: TicketId,
  body: PrintBody,
  answer: z.strictObject({ printed: z.literal(true), already: z.boolean(), printer: z.string(), uncertain: z.boolean() }) satisfies z.ZodType<PrintAnswer>,
});

export const setPriority = route({
  method: 'POST',
  path: '/api/tickets/:id/priority',
  access: { grants: ['manager'] },
  summary: "Raises or lowers a waiting ticket's priority (green channel).",
  params: TicketId,
  body: SetPriorityBody,
  answer: TicketAnswer,
});

export const selfServiceTriage = route({
  method: 'POST',
  path: '/api/triage/self-service',
  access: { grants: ['manager'] },
  summary: 'Records a customer sent to a self-service machine (cancelling their ticket).',
  body: SelfServiceBody,
  answer: z.strictObject({ recorded: z.strictObject({ seq: z.number().int(), service: z.string().nullable(), ticket: z.string().nullable() }) }),
});

export const windowSuggestions = route({
  method: 'GET',
  path: '/api/manager/window-suggestions',
  access: { grants: ['manager', 'manager-device'] },
  summary: 'Counters whose services might change, for a queue far longer than the others.',
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

export const openCounter = route({
  method: 'POST',
  path: '/api/counters/:counter/open',
  access: { grants: ['teller'] },
  summary: 'A teller signs in at the counter and opens it.',
  params: CounterId,
  answer: CounterAnswer,
});

export const pauseCounter = route({
  method: 'POST',
  path: '/api/counters/:counter/pause',
  access: { grants: ['teller', 'manager'] },
  summary: 'Pauses the counter with a reason.',
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
  summary: 'Calls the next ticket for this counter; 204 when nobody waits.',
  params: CounterId,
  // null: the 204 of an empty queue.
  answer: TicketAnswer.nullable(),
});

export const callTicket = route({
  method: 'POST',
  path: '/api/counters/:counter/call',
  access: { grants: ['teller'] },
  summary: 'Calls a given ticket by its number.',
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

export const ticketRoutes = [issueTicket, ticket, findTicket, recall, start, finish, noShow, cancel, transfer, printTicket, setPriority, selfServiceTriage, windowSuggestions];
export const counterRoutes = [openCounter, pauseCounter, resumeCounter, closeCounter, callNext, callTicket, setCounterServices];
