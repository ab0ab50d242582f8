// The kiosk's home choices are branch configuration (settings key kiosk.choices). Without
// it, each service is a choice of its own so that a new branch's kiosk works at once.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { KioskChoices, type KioskChoice } from '../../common/kiosk.js';
import type { LobbyState } from '../../common/domain.js';
import { DomainError } from '../../common/errors.js';
import type { Hub } from '../lobby/hub.js';
import { readSetting, settingChanged } from '../settings/settings-projector.js';

const KEY = 'kiosk.choices';

/** The demo branch's choices (decided in the issue): plain words, mapped to the demo services. */
export const DEMO_KIOSK_CHOICES: KioskChoice[] = [
  { id: 'cash', nameZh: '取款存款', nameEn: 'Withdraw or deposit', service: 'cash', selfService: null, fraudPrompt: false },
  // The two ways a scam's victim moves the money (issue 14): both warn, both watch the elderly.
  { id: 'large_withdrawal', nameZh: '大额取款', nameEn: 'Large cash withdrawal', service: 'cash', selfService: null, fraudPrompt: true },
  { id: 'transfer', nameZh: '转账汇款', nameEn: 'Transfers', service: 'noncash', selfService: null, fraudPrompt: true },
  { id: 'accounts', nameZh: '开户挂失', nameEn: 'Open an account, report a loss', service: 'noncash', selfService: null, fraudPrompt: false },
  // Decision: wealth goes to the non-cash (low) counters, where the wealth manager sits.
  { id: 'wealth', nameZh: '理财', nameEn: 'Wealth products', service: 'noncash', selfService: null, fraudPrompt: false },
  { id: 'corporate', nameZh: '对公', nameEn: 'Business accounts', service: 'corporate', selfService: null, fraudPrompt: false },
  {
    id: 'self_service',
    nameZh: '查余额、小额取款',
    nameEn: 'Balance, small withdrawal',
    service: null,
    selfService: { whereZh: '自助银行区在大门左侧，ATM 24 小时可用。', whereEn: 'The self-service area is left of the main door; the ATMs work 24 hours.' },
    fraudPrompt: false,
  },
  { id: 'other', nameZh: '其他', nameEn: 'Something else', service: null, selfService: null, fraudPrompt: false },
];

/** The event that sets the kiosk's choices. */
export function kioskChoicesChanged(choices: z.input<typeof KioskChoices>): ReturnType<typeof settingChanged> {
  return settingChanged(KEY, JSON.stringify(KioskChoices.parse(choices)));
}

export function kioskChoices(db: Database.Database, state: LobbyState): KioskChoice[] {
  const value = readSetting(db, KEY);
  if (value !== undefined) {
    const parsed = KioskChoices.safeParse(JSON.parse(value));
    if (parsed.success) return parsed.data.filter((c) => c.service === null || state.services[c.service]);
  }
  return Object.values(state.services)
    .filter((s) => s.code !== 'vip') // VIPs check in with their card, not a choice
    .map((s) => ({ id: s.code.replace(/[^a-z0-9_]/g, '_'), nameZh: s.nameZh, nameEn: s.nameEn, service: s.code, selfService: null, fraudPrompt: false }));
}

/** The hub's kiosk choices now. */
export function kioskChoicesOf(hub: Hub): KioskChoice[] {
  return kioskChoices(hub.ledger.db, hub.state);
}

/** The choice a kiosk names; refuses one the branch does not offer. */
export function kioskChoice(hub: Hub, id: string): KioskChoice {
  const c = kioskChoicesOf(hub).find((x) => x.id === id);
  if (!c) throw new DomainError('invalid', 'unknown_choice', `There is no kiosk choice "${id}".`);
  return c;
}

/**
 * The choice a ticket is issued under (`choice` on the ID-card check-in and POST /api/tickets):
 * one the branch offers, for the service the ticket is for (a self-service or "ask" choice
 * has none, so it never issues a ticket). Null when none was given.
 */
export function choiceForTicket(hub: Hub, id: string | undefined, service: string): KioskChoice | null {
  if (id === undefined) return null;
  const c = kioskChoice(hub, id);
  if (c.service !== service) {
    throw new DomainError('invalid', 'choice_service_mismatch', `The kiosk choice "${c.id}" is not for the service "${service}".`);
  }
  return c;
}
