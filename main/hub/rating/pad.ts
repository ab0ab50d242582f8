// The satisfaction pad's two calls, on the hub: what the pad at a counter shows, and a
// customer's rating, committed and then (for a low score) an alert for the manager.
import type { AlertBook } from '../alerts/alert-book.js';
import { findStaff } from '../auth/staff-projector.js';
import { readDevice } from '../devices/device-projector.js';
import type { Hub } from '../lobby/hub.js';
import { DomainError } from '../../common/errors.js';
import { LOW_SCORE, type RatingCurrent } from '../../common/rating.js';
import { askAt, decideRating, type RateCommand } from './decide.js';
import { isRated } from './rating-projector.js';

/** The counter the calling pad was registered with. */
export function padCounter(hub: Hub, deviceId: string): string {
  const counter = readDevice(hub.ledger, deviceId)?.counter ?? null;
  // Only a pad registered without a counter (impossible through the API) lands here.
  if (counter === null) throw new DomainError('conflict', 'pad_without_counter', 'This satisfaction pad has no counter: ask the admin to register it again with its counter.');
  return counter;
}

export function currentFor(hub: Hub, counter: string): RatingCurrent {
  const state = hub.state;
  const staffId = state.counters[counter]?.staffId ?? null;
  const staff = staffId === null ? undefined : findStaff(hub.ledger, staffId);
  const ask = askAt(state, counter, (id) => isRated(hub.ledger, id), hub.clock());
  return {
    counter,
    teller: staffId === null ? null : { staffId, name: staff?.name ?? staffId },
    ask: ask ? { ticket: ask.number, finishedAt: new Date(ask.finishedAt as number).toISOString() } : null,
  };
}

/**
 * Records the rating (rating.recorded) and, for 2 or less, raises a `low_rating` alert with the
 * counter, the score and the reasons, so the manager can still catch the customer in the lobby.
 * The alert is its own commit after the rating's, as every alert is (the alert book keeps one
 * open per key and holds alerts while the disk is full); a rating is never lost to its alert.
 */
export function recordRating(hub: Hub, alerts: AlertBook, deviceId: string, cmd: RateCommand): void {
  const counter = padCounter(hub, deviceId);
  const now = hub.clock();
  const event = decideRating(hub.state, cmd, counter, (id) => isRated(hub.ledger, id), now);
  hub.commit([event], deviceId, now);
  if (event.score > LOW_SCORE) return;
  alerts.raise(
    {
      kind: 'low_rating',
      key: `low_rating:${event.ticket}`,
      ticket: event.number,
      counter: event.counter,
      device: deviceId,
      details: { score: event.score, reasons: event.reasons.join(','), staffId: event.staffId },
    },
    deviceId,
  );
}
