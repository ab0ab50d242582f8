// The demo branch of CONTRACT.md: four services, six counters, nine staff with PIN 000000,
// and the customers of demo-customers.ts (two VIPs, three appointments a day).
import type { Service } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import { hashPin } from '../../node/pin-hash.js';
import type { Hub } from './hub.js';
import { ROTA_SETTING, type StaffRota } from '../estimate/rota.js';
import { localDate } from './business-day.js';
import { DEMO_KIOSK_CHOICES, kioskChoicesChanged } from '../kiosk/choices.js';
import { settingChanged } from '../settings/settings-projector.js';
import { staffDefined, storeStaffPin } from '../auth/staff-projector.js';
import { seedDemoVips } from './demo-customers.js';

export const DEMO_PIN = '000000';

export const DEMO_SERVICES: Service[] = [
  { code: 'cash', prefix: 'A', nameZh: '现金业务', nameEn: 'Cash', targetWaitMinutes: 10, maxWaitMinutes: 20, priorServiceMinutes: 3.5 },
  { code: 'noncash', prefix: 'B', nameZh: '非现金业务', nameEn: 'Non-cash', targetWaitMinutes: 15, maxWaitMinutes: 30, priorServiceMinutes: 8 },
  { code: 'corporate', prefix: 'C', nameZh: '对公业务', nameEn: 'Corporate', targetWaitMinutes: 15, maxWaitMinutes: 30, priorServiceMinutes: 12 },
  { code: 'vip', prefix: 'V', nameZh: '贵宾', nameEn: 'VIP', targetWaitMinutes: 5, maxWaitMinutes: 10, priorServiceMinutes: 10 },
];

export const DEMO_COUNTERS: { id: string; services: string[] }[] = [
  { id: '1', services: ['cash', 'noncash'] },
  { id: '2', services: ['cash', 'noncash'] },
  { id: '3', services: ['cash', 'noncash'] },
  { id: '4', services: ['noncash', 'cash'] },
  { id: '5', services: ['noncash', 'cash'] },
  { id: '6', services: ['vip', 'corporate'] },
];

export const DEMO_STAFF: { staffId: string; role: string; name: string }[] = [
  { staffId: 'admin', role: 'admin', name: '系统管理员 Admin' },
  { staffId: 'manager', role: 'manager', name: '大堂经理 Lobby manager' },
  { staffId: 'supervisor', role: 'supervisor', name: '服务品质主管 Supervisor' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ staffId: `teller${n}`, role: 'teller', name: `柜员 Teller ${n}` })),
];

/** Staggered lunches, as the sources' branches keep cash and non-cash counters open at noon. */
export const DEMO_ROTA: StaffRota = [
  { counter: '2', from: '11:30', until: '12:30', reason: 'lunch' },
  { counter: '4', from: '12:30', until: '13:30', reason: 'lunch' },
];

export const DEMO_BRANCH = { nameZh: '演示支行', nameEn: 'Demo Branch' };

/** Seeds an empty hub. Each staff member is an event; their PIN hash goes to the credentials table beside it. */
export async function seedDemoBranch(hub: Hub): Promise<void> {
  const definitions: QueueEvent[] = [
    ...DEMO_SERVICES.map((service): QueueEvent => ({ type: 'service.defined', service })),
    ...DEMO_COUNTERS.map((counter): QueueEvent => ({ type: 'counter.defined', counter })),
  ];
  hub.commit(definitions, null);
  for (const s of DEMO_STAFF) {
    const pinHash = await hashPin(DEMO_PIN);
    storeStaffPin(hub.ledger, s.staffId, pinHash, () => hub.audit(staffDefined({ ...s, demo: true }, pinHash), null));
  }
  hub.commit(
    [
      settingChanged('branch.nameZh', DEMO_BRANCH.nameZh),
      settingChanged('branch.nameEn', DEMO_BRANCH.nameEn),
      settingChanged(ROTA_SETTING, JSON.stringify(DEMO_ROTA)),
      kioskChoicesChanged(DEMO_KIOSK_CHOICES),
    ],
    null,
  );
  seedDemoVips(hub);
  // A demo hub watches its days (watchDemoDays): this opening books the demo's appointments.
  hub.execute({ type: 'day.open', date: localDate(hub.clock()) }, null);
}
