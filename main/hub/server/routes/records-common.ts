// Small helpers the records routes share: today's business date, an id from the path.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CalendarDate } from '../../../common/dates.js';
import { localDate } from '../../lobby/business-day.js';
import type { ServerContext } from '../context.js';

/**
 * The records' date: the hub's local calendar date, as the business day's. Decision: not the
 * open business day's date, which stays behind when a day is left open overnight.
 */
export function today(ctx: ServerContext): string {
  return localDate(ctx.hub.clock());
}

const Id = z.string().min(1).max(200);
export function idParam(request: FastifyRequest): string {
  return Id.parse((request.params as { id: string }).id);
}

export const DateQuery = z.strictObject({ date: CalendarDate.optional() });
export const RangeQuery = z.strictObject({ from: CalendarDate.optional(), to: CalendarDate.optional() });
