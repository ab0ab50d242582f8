// A record kind's routes as plain descriptions: the kind names the route table's definition
// (method, path, who may call, schemas) and says what a call does; server/ registers every
// description in one loop and supplies what HTTP needs (the role check, the caller, the error
// answers). So a kind never imports the server.
import { z } from 'zod';
import type { DailyRecordsReport } from '../../common/records.js';
import type { RouteDef } from '../../common/routes/index.js';
import { localDate } from '../lobby/business-day.js';
import type { Hub } from '../lobby/hub.js';

export interface RouteInput {
  /** Each parsed by the route table's schema when first read, so a route's checks keep their order. */
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
  /** The body as it came: for a call that refuses a malformed one with its own code (a notebook file). */
  readonly sent: unknown;
  /** The calling terminal's address (the PIN locks count by it). */
  readonly ip: string;
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
  /** The route's line in the route table (main/common/routes): method, path, who may call, body limit. */
  def: RouteDef;
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

export { DateQuery, RangeQuery } from '../../common/routes/records.js';
