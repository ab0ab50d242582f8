// The older customer's check-in (issue 14): the kiosk's ID-card reader gives the resident ID
// number; the hub reads the birth date from it, and the number goes no further than this
// function's stack. Not stored (not even hashed: nothing here needs to find the customer
// again), not logged, not in any event or error message. What is kept is what the ticket
// always keeps, its priority: `elderly` at or over the branch's age, else `normal`.
import type { KioskChoice } from '../../common/kiosk.js';
import { ageOn, checkResidentId, type ResidentIdProblem } from '../../common/resident-id.js';
import { DomainError } from '../../common/errors.js';
import { localDate } from '../lobby/business-day.js';
import type { Hub } from '../lobby/hub.js';
import { readElderlyAge } from '../settings/elderly.js';
import { choiceForTicket } from './choices.js';

const PROBLEM: Record<ResidentIdProblem, string> = {
  format: 'is not 17 digits and a check digit or X',
  checksum: 'has a wrong check character',
  birth_date: 'does not hold a real birth date',
  future_birth_date: 'holds a birth date after today',
};

/** Whether the holder is an older customer, by the number's birth date at the hub's local date. */
export function isElderlyById(idNumber: string, today: string, age: number): boolean {
  const check = checkResidentId(idNumber, today);
  // The message says which rule failed and never repeats the number.
  if (!check.ok) throw new DomainError('invalid', 'invalid_id_number', `The ID number ${PROBLEM[check.problem]}; please read the card again.`);
  return ageOn(check.birthDate, today) >= age;
}

/** What an ID-card check-in decided: the point where a feature learns that an older customer took a choice. */
export interface IdCardCheckIn {
  ticketId: string;
  elderly: boolean;
  /** The kiosk choice the customer took, if the kiosk named one. */
  choice: KioskChoice | null;
}

/**
 * The rules first (a bad number, choice or service writes nothing), then `openDay`, then the
 * ticket with its choice in one commit.
 */
export function checkInByIdCard(
  hub: Hub,
  body: { idNumber: string; service: string; choice?: string | undefined },
  resolveService: (codeOrPrefix: string) => string,
  actor: string,
  openDay: () => void,
  newId: () => string,
): IdCardCheckIn {
  const elderly = isElderlyById(body.idNumber, localDate(hub.clock()), readElderlyAge(hub.ledger.db));
  const service = resolveService(body.service);
  const choice = choiceForTicket(hub, body.choice, service);
  openDay();
  const ticketId = newId();
  hub.execute({ type: 'ticket.issue', id: ticketId, service, priority: elderly ? 'elderly' : 'normal', choice: choice?.id ?? null }, actor);
  return { ticketId, elderly, choice };
}
