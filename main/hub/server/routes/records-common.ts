// What the records routes share: today's business date.
import { localDate } from '../../lobby/business-day.js';
import type { ServerContext } from '../context.js';

/**
 * The records' date: the hub's local calendar date, as the business day's. Decision: not the
 * open business day's date, which stays behind when a day is left open overnight.
 */
export function today(ctx: ServerContext): string {
  return localDate(ctx.hub.clock());
}
