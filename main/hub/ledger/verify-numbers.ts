// A ticket number never repeats within a service's business day: two customers holding A012
// would both answer the call. The hash chain cannot see this (two hubs on one ledger each
// append soundly), so verify checks it on its own.
import type { Ticket } from '../../common/domain.js';
import type { EventRow } from './rows.js';
import type { VerifyProblem } from './verify-result.js';

export class NumberChecker {
  /** day, service and number → the seq that first issued it */
  private readonly issued = new Map<string, number>();

  check(row: EventRow): VerifyProblem | null {
    if (row.type !== 'ticket.issued') return null;
    const { ticket } = JSON.parse(row.data) as { ticket: Ticket };
    const key = JSON.stringify([ticket.businessDay, ticket.service, ticket.number]);
    const first = this.issued.get(key);
    if (first === undefined) {
      this.issued.set(key, row.seq);
      return null;
    }
    return {
      ok: false,
      seq: row.seq,
      problem: `event ${row.seq} (ticket.issued): ticket number ${ticket.number} of service '${ticket.service}' on ${ticket.businessDay} was already issued by event ${first}; a number must not repeat within a business day (were two hubs running on one data folder?)`,
    };
  }
}
