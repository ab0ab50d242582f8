// Older customers (issue 14): the age from which the ID-card check-in gives priority `elderly`,
// and where dispatch calls those tickets.
//
// Decision: the two live where their readers are. The age is a branch setting (one
// `settings.changed` event, key `elderly.age`), read by the check-in at each check-in. The rank
// is queue policy: it is the engine's own config (QueueConfig.elderlyRank, a `config.set`
// event), because dispatch, the people-ahead count and the wait estimator all read the lobby
// state and must agree; a rank passed in from outside (as fair calling's N is) would have to
// reach each of them, and one that missed it would tell a customer the wrong place in line.
// Both events of a change are one commit with the admin as actor, so the ledger shows who set what.
import type Database from 'better-sqlite3';
import type { ElderlyRank, LobbyState } from '../../common/domain.js';
import type { LedgerEvent } from '../../common/events.js';
import { DEFAULT_ELDERLY_AGE, MAX_ELDERLY_AGE, MIN_ELDERLY_AGE } from '../../common/elderly.js';
import { decide } from '../queue/index.js';
import { readSetting, settingChanged } from './settings-projector.js';

export const ELDERLY_AGE_SETTING = 'elderly.age';

export interface ElderlySettings {
  age: number;
  rank: ElderlyRank;
}

/** The branch's age, or 60 when it set none (or the stored value is unreadable). */
export function readElderlyAge(db: Database.Database): number {
  const n = Number(readSetting(db, ELDERLY_AGE_SETTING));
  return Number.isInteger(n) && n >= MIN_ELDERLY_AGE && n <= MAX_ELDERLY_AGE ? n : DEFAULT_ELDERLY_AGE;
}

export function readElderlySettings(db: Database.Database, state: LobbyState): ElderlySettings {
  return { age: readElderlyAge(db), rank: state.config.elderlyRank };
}

/** The events of an admin's change: the age always (the audit says they set it), the rank when it changes. */
export function elderlySettingsChanged(state: LobbyState, next: ElderlySettings, now: number): LedgerEvent[] {
  return [settingChanged(ELDERLY_AGE_SETTING, String(next.age)), ...decide(state, { type: 'config.set', config: { elderlyRank: next.rank } }, now)];
}
