// Small helpers the records routes share: today's business date, an id from the path.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
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

export const DateQuery = z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date is YYYY-MM-DD').optional() });
export const RangeQuery = z.strictObject({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'from is YYYY-MM-DD').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'to is YYYY-MM-DD').optional(),
});
