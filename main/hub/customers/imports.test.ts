// The imports over real HTTP, a real SQLite file and real files: a GBK CSV from Excel on a
// Chinese Windows, quoted fields with line breaks, an .xlsx; the preview writes nothing, a
// problem writes nothing unless only the valid rows are asked for; attackers refused.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xlsx } from '../../../tests/fixtures/xlsx.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;
let admin: string;
let manager: string;

beforeEach(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  manager = await hub.login('manager');
});
afterEach(async () => hub.close());

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const vipCount = () => (hub.hub.ledger.db.prepare('SELECT count(*) AS n FROM vip_customers').get() as { n: number }).n;
const stored = () => JSON.stringify(hub.hub.ledger.db.prepare('SELECT data FROM events').all());

// Excel's "CSV (逗号分隔)" on a Chinese Windows: GBK, CRLF, a note with a comma and a line break.
const REGISTER = [
  '称呼,卡号,手机号,备注,标签,客户经理',
  '王先生,6222020200112233445,,"喜欢靠窗, 需要老花镜",理财;年金,张三',
  '"李\n女士",,139 0013 9000,"第一行\n第二行",,李四',
  '赵女士,12ab,,,,',
  '钱先生,,13900139000,,,', // the same phone as 李女士 (line 3)
  '孙女士,6222020200112233999,,,,',
].join('\r\n');

describe('the VIP register import', () => {
  it('previews a GBK file with its names, its problems by line, and writes nothing', async () => {
    const seq = hub.hub.lastSeq();
    const demoVips = vipCount();
    expect(demoVips).toBe(2); // the demo's 王先生 and 李女士
    const res = await hub.api('POST', '/api/customers/vip-import/preview', { token: admin, body: { file: b64(iconv.encode(REGISTER, 'gbk')) } });
    expect(res.status).toBe(200);
    expect(res.body.source).toEqual({ format: 'csv', encoding: 'gbk' });
    expect(res.body.rows).toBe(3);
    expect(res.body.sample.map((r: { title: string }) => r.title)).toEqual(['王先生', '李\n女士', '孙女士']);
    expect(res.body.sample[0]).toMatchObject({ line: 2, card: '…3445', phone: null, notes: ['喜欢靠窗, 需要老花镜'], tags: ['理财', '年金'] });
    // Lines of the file: 李女士's row spans lines 3–5, so 赵女士 is line 6 and 钱先生 line 7.
    expect(res.body.problems).toEqual([
      { line: 6, code: 'card' },
      { line: 7, code: 'duplicate', column: 'phone', other: 3 },
    ]);
    expect(res.body.badLines).toBe(2);
    expect(res.body.ignored).toEqual(['客户经理']);
    expect(JSON.stringify(res.body)).not.toContain('13900139000');
    expect(hub.hub.lastSeq()).toBe(seq);
    expect(vipCount()).toBe(demoVips);
  });

  it('writes nothing from a file with a problem, and only the valid rows when asked', async () => {
    const file = b64(iconv.encode(REGISTER, 'gbk'));
    const seq = hub.hub.lastSeq();
    const refused = await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { file } });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid_rows', message: 'line 6: the card number must be 12 to 19 digits. (and 1 more) Nothing was imported.' } } });
    expect(hub.hub.lastSeq()).toBe(seq);
    const done = await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { file, onlyValid: true } });
    expect(done).toMatchObject({ status: 200, body: { imported: 3, skipped: 2 } });
    expect(vipCount()).toBe(3);
    expect(stored()).not.toContain('13900139000');
    const kiosk = await hub.device('kiosk');
    const checkIn = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { phone: '13900139000' } });
    expect(checkIn.body.ticket).toMatchObject({ priority: 'vip' });
  });

  it('imports an .xlsx, and refuses a card Excel holds as a number (its last digits are lost)', async () => {
    const rows = [
      ['title', 'card', 'phone', 'notes', 'tags'],
      ['周先生', '6222020200112233445', 13800138000, '靠窗', null],
      ['吴女士', 6222020200112233000, null, null, null],
    ];
    const preview = await hub.api('POST', '/api/customers/vip-import/preview', { token: admin, body: { file: b64(xlsx(rows)) } });
    expect(preview.body).toMatchObject({ source: { format: 'xlsx', encoding: null }, rows: 1, problems: [{ line: 3, code: 'number_as_number', column: 'card' }] });
    expect(preview.body.sample[0]).toMatchObject({ line: 2, title: '周先生', card: '…3445', phone: '…8000', notes: ['靠窗'] });
    const done = await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { file: b64(xlsx(rows.slice(0, 2))) } });
    expect(done.body).toEqual({ imported: 1, skipped: 0 });
  });

  it('names a missing column at line 1 and an unclosed quote at its line, even for only the valid rows', async () => {
    const demoVips = vipCount();
    const noTitle = await hub.api('POST', '/api/customers/vip-import/preview', { token: admin, body: { csv: 'name,card\n王先生,6222020200112233445\n' } });
    expect(noTitle.body.problems).toEqual([{ line: 1, code: 'missing_column', column: 'title' }]);
    const csv = 'title,card\n王先生,6222020200112233445\n"李女士,6222020200112233446\n';
    expect((await hub.api('POST', '/api/customers/vip-import/preview', { token: admin, body: { csv } })).body.problems).toEqual([{ line: 3, code: 'unclosed_quote' }]);
    const res = await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { csv, onlyValid: true } });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_rows' } } });
    expect(vipCount()).toBe(demoVips);
  });

  it('replaces the register once per import when two run at once', async () => {
    const one = b64(Buffer.from('title,card\n王先生,6222020200112233445\n'));
    const two = b64(xlsx([['title', 'phone'], ['李女士', '13900139000'], ['赵女士', '13700137000']]));
    const answers = await Promise.all([one, two, one, two].map((file) => hub.api('POST', '/api/customers/vip-import', { token: admin, body: { file } })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect([1, 2]).toContain(vipCount());
    const keys = (hub.hub.ledger.db.prepare('SELECT count(*) AS n FROM vip_keys').get() as { n: number }).n;
    expect(keys).toBe(vipCount()); // one number each: no key of a replaced register left behind
  });
});

describe('the appointments import', () => {
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  const at = (h: number, m: number) => new Date(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate(), h, m);

  it('previews an .xlsx with date and time cells, names bad rows, and books all in one commit', async () => {
    const rows = [
      ['业务', '日期', '时间', '手机号'],
      ['现金业务', day, '09:30', '13800138000'],
      ['B', new Date(Date.UTC(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate())), new Date(Date.UTC(1899, 11, 30, 14, 5)), null],
      ['lottery', day, '10:00', null],
      ['cash', '2001-01-01', '10:00', null],
      ['cash', day, '25:00', null],
    ];
    const seq = hub.hub.lastSeq();
    const preview = await hub.api('POST', '/api/appointments/import/preview', { token: manager, body: { file: b64(xlsx(rows)) } });
    expect(preview.status).toBe(200);
    expect(preview.body.sample).toEqual([
      { line: 2, service: 'cash', at: at(9, 30).toISOString(), phone: '…8000' },
      { line: 3, service: 'noncash', at: at(14, 5).toISOString(), phone: null },
    ]);
    expect(preview.body.problems).toEqual([
      { line: 4, code: 'service' },
      { line: 5, code: 'past' },
      { line: 6, code: 'date_time' },
    ]);
    expect(hub.hub.lastSeq()).toBe(seq);
    expect((await hub.api('POST', '/api/appointments/import', { token: manager, body: { file: b64(xlsx(rows)) } })).body.error.code).toBe('invalid_rows');
    expect(hub.hub.lastSeq()).toBe(seq);

    const done = await hub.api('POST', '/api/appointments/import', { token: manager, body: { file: b64(xlsx(rows)), onlyValid: true } });
    expect(done.status).toBe(200);
    expect(done.body.skipped).toBe(3);
    expect(done.body.created).toEqual([
      { code: expect.stringMatching(/^[A-Z0-9]{6}$/), service: 'cash', at: at(9, 30).toISOString() },
      { code: expect.stringMatching(/^[A-Z0-9]{6}$/), service: 'noncash', at: at(14, 5).toISOString() },
    ]);
    expect(hub.hub.lastSeq()).toBe(seq + 2); // one event each, as POST /api/appointments writes
    expect(stored()).not.toContain('13800138000');
  });

  it('books from a GBK CSV with one date-time column; the booked code checks a customer in', async () => {
    const soon = new Date(Date.now() + 30 * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const when = `${soon.getFullYear()}/${soon.getMonth() + 1}/${soon.getDate()} ${soon.getHours()}:${pad(soon.getMinutes())}`;
    const csv = iconv.encode(`预约时间,业务,手机号\r\n${when},对公业务,137-0013-7000\r\n`, 'gbk');
    const done = await hub.api('POST', '/api/appointments/import', { token: admin, body: { file: b64(csv) } });
    expect(done.body.created).toHaveLength(1);
    expect(done.body.created[0].service).toBe('corporate');
    const kiosk = await hub.device('kiosk');
    const byPhone = await hub.api('POST', '/api/kiosk/check-in/appointment', { token: kiosk, body: { phone: '13700137000' } });
    expect(byPhone.body.ticket).toMatchObject({ priority: 'appointment', service: 'corporate' });
  });

  it('books every row of imports run at once, each code distinct', async () => {
    const csv = ['service,at', ...Array.from({ length: 40 }, (_, i) => `cash,${day} ${String(9 + (i % 8)).padStart(2, '0')}:${String(i).padStart(2, '0')}`)].join('\n');
    const answers = await Promise.all(Array.from({ length: 4 }, () => hub.api('POST', '/api/appointments/import', { token: manager, body: { csv } })));
    const codes = answers.flatMap((a) => a.body.created.map((c: { code: string }) => c.code));
    expect(codes).toHaveLength(160);
    expect(new Set(codes).size).toBe(160);
  });
});

describe('attackers and accidents', () => {
  it('refuses another role: a teller, a kiosk and a manager on the VIP register', async () => {
    const body = { csv: 'service,at\ncash,2030-01-01 09:00\n' };
    const teller = await hub.login('teller1');
    const kiosk = await hub.device('kiosk');
    for (const token of [teller, kiosk]) {
      expect((await hub.api('POST', '/api/appointments/import', { token, body })).status).toBe(403);
      expect((await hub.api('POST', '/api/appointments/import/preview', { token, body })).status).toBe(403);
    }
    expect((await hub.api('POST', '/api/customers/vip-import/preview', { token: manager, body })).status).toBe(403);
    expect((await hub.api('POST', '/api/customers/vip-import', { token: manager, body })).status).toBe(403);
  });

  it('refuses a huge file with 413, a file that is no CSV or xlsx with unreadable_file, and bad base64', async () => {
    const seq = hub.hub.lastSeq();
    const huge = Buffer.alloc(2_100_000, 'a').toString('base64');
    expect(await hub.api('POST', '/api/appointments/import', { token: manager, body: { file: huge } })).toMatchObject({ status: 413, body: { error: { code: 'body_too_large' } } });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    expect(await hub.api('POST', '/api/customers/vip-import/preview', { token: admin, body: { file: b64(png) } })).toMatchObject({ status: 400, body: { error: { code: 'unreadable_file' } } });
    const docx = xlsx([['a']]).subarray(0, 200); // a zip cut short
    expect((await hub.api('POST', '/api/appointments/import', { token: manager, body: { file: b64(docx) } })).body.error.code).toBe('unreadable_file');
    expect((await hub.api('POST', '/api/appointments/import', { token: manager, body: { file: 'not base64!' } })).body.error.code).toBe('invalid_request');
    expect(hub.hub.lastSeq()).toBe(seq);
  });
});
