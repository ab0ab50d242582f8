// A record kind's routes as plain descriptions: the kind says what a call does, server/
// registers every description in one loop and supplies what HTTP needs (the role check, the
// caller, the error answers). So a kind never imports the server.
import { z } from 'zod';
import { CalendarDate } from '../../common/dates.js';
import type { DailyRecordsReport } from '../../common/records.js';
import { localDate } from '../lobby/business-day.js';
import type { Hub } from '../lobby/hub.js';
import type { RecordRole } from './readers.js';

export interface RouteInput {
  params: unknown;
  query: unknown;
  body: unknown;
  /** The calling terminal's address (the PIN locks count by it). */
  ip: string;
}

/** Who called: a signed-in staff member (every records route needs one). */
export interface Caller {
  id: string;
  grant: string;
}

export interface RouteDeps {
  hub: Hub;
  /** The day's figures (the work log's completion keeps them). */
  dailyReport(date: string): DailyRecordsReport;
}

export interface RecordRoute {
  method: 'GET' | 'POST';
  path: string;
  roles: readonly RecordRole[];
  /** Bytes, when a body may be larger than the server's default (a notebook file). */
  bodyLimit?: number;
  handler(input: RouteInput, who: Caller, deps: RouteDeps): unknown;
  /** Headers of the answer (a download's file name). */
  headers?(answer: unknown): Record<string, string>;
}

/**
 * The records' date: the hub's local calendar date, as the business day's. Decision: not the
 * open business day's date, which stays behind when a day is left open overnight.
 */
export function today(hub: Hub): string {
  return localDate(hub.clock());
}

const Id = z.string().min(1).max(200);
export function idParam(input: RouteInput): string {
  return Id.parse((input.params as { id: string }).id);
}

export const DateQuery = z.strictObject({ date: CalendarDate.optional() });
export const RangeQuery = z.strictObject({ from: CalendarDate.optional(), to: CalendarDate.optional() });
