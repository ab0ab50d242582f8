// The VIP register's import, on a real hub over loopback: an admin posts a CSV of 10 000
// customers (card and phone each), which is parsed, keyed, sealed under one key per customer
// and committed as one event with its projection; then a check-in by card finds one of them.
import { startTestHub } from '../tests/support/hub.js';
import { summarise, type BenchResult } from './stats.js';

const CUSTOMERS = 10_000;

function csv(n: number): string {
  const lines = ['title,card,phone,notes,tags'];
  for (let i = 0; i < n; i++) {
    const card = `62220202${String(i).padStart(11, '0')}`;
    const phone = `139${String(i).padStart(8, '0')}`;
    lines.push(`客户${i},${card},${phone},喜欢靠窗;需要老花镜,wealth`);
  }
  return `${lines.join('\n')}\n`;
}

export async function benchVipImport(): Promise<BenchResult> {
  const hub = await startTestHub();
  try {
    const admin = await hub.login('admin');
    const kiosk = await hub.device('kiosk');
    const body = { csv: csv(CUSTOMERS) };
    const t0 = performance.now();
    const res = await hub.api('POST', '/api/customers/vip-import', { token: admin, body });
    const importMs = performance.now() - t0;
    if (res.status !== 200 || res.body.imported !== CUSTOMERS) throw new Error(`import: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    const checkIns: number[] = [];
    for (let i = 0; i < 20; i++) {
      const card = `62220202${String((i * 499) % CUSTOMERS).padStart(11, '0')}`;
      const c0 = performance.now();
      const vip = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card } });
      if (vip.status !== 200) throw new Error(`check-in: ${vip.status} ${JSON.stringify(vip.body)}`);
      checkIns.push(performance.now() - c0);
    }
    const checkIn = summarise(checkIns);
    return {
      name: 'vip-import',
      description: `The VIP register: an import of ${CUSTOMERS} customers (card and phone each, sealed under one key per customer, one event) through POST /api/customers/vip-import, then 20 VIP check-ins by card against it (ms).`,
      figures: { customers: CUSTOMERS, 'import (ms)': Math.round(importMs), 'check-in p50 (ms)': checkIn.p50, 'check-in max (ms)': checkIn.max },
    };
  } finally {
    await hub.close();
  }
}

// `node --import tsx bench/vip-import.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchVipImport(), null, 2));
