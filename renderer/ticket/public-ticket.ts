// The customer's view of a ticket, from the hub's public route (no token, no customer data).
import type { PublicTicketAnswer } from '../../main/common/api';
import { apiRequest } from '../hub-client';

export type PublicTicket = PublicTicketAnswer;

export async function fetchPublicTicket(id: string): Promise<PublicTicket | null> {
  return apiRequest<PublicTicket>(`/api/public/tickets/${encodeURIComponent(id)}`);
}
