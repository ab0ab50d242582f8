// The customer's view of a ticket, from the hub's public route (no token, no customer data).
import type { PublicTicketAnswer } from '../../main/common/api';
import { api } from '../../main/common/routes/index';
import { callHub } from '../hub-client';

export type PublicTicket = PublicTicketAnswer;

export async function fetchPublicTicket(id: string): Promise<PublicTicket> {
  return callHub(api.publicTicket, null, { params: { id } });
}
