// The customer behind a ticket, for the counter that calls it and the manager: the VIP who
// checked in with it, and the special-customer notebook's notes and tags for the same key.
import type { TicketCustomerAnswer } from '../../common/kiosk.js';
import { notebookForTicket } from '../records/notebook/projector.js';
import type { Hub } from '../lobby/hub.js';
import { customerOfTicket } from './customers-projector.js';

export function ticketCustomer(hub: Hub, ticketId: string): TicketCustomerAnswer['customer'] {
  const c = customerOfTicket(hub.ledger.db, ticketId);
  const book = notebookForTicket(hub.ledger.db, ticketId);
  if (!c && !book) return null;
  return {
    title: c?.title ?? book!.title,
    vip: c !== null,
    notes: [...(c?.notes ?? []), ...(book?.notes ? [book.notes] : [])],
    tags: [...new Set([...(c?.tags ?? []), ...(book?.tags ?? [])])],
  };
}
