// A real Printer against fake printers: TCP (as on port 9100) and a serial PTY pair made by
// socat. Status comes from DLE EOT answers; a pulled cable fails the job.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePtyPrinter, type FakePtyPrinter } from '../../tests/fakes/pty-printer.js';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../tests/fakes/tcp-printer.js';
import { DEFAULT_TIMEOUTS, Printer } from './printer.js';
import { parseStatus, statusAnswer } from './status.js';
import { ticketBytes } from './encode-ticket.js';
import { sampleTicket } from './sample.js';
import { qrDataIn } from './qr-command.js';
import { parsePrinterUri } from './printer-uri.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

describe('DLE EOT answers', () => {
  it.each([
    [{}, []],
    [{ paperLow: true }, ['paper_low']],
    [{ paperOut: true }, ['paper_out']],
    [{ coverOpen: true }, ['cover_open']],
    [{ offline: true }, ['offline']],
  ] as const)('%j reads as %j', (faults, conditions) => {
    expect(parseStatus(statusAnswer(faults))).toEqual(conditions);
  });
  it('rejects bytes that are not status answers', () => {
    expect(parseStatus(Buffer.from([0x00, 0x12, 0x12]))).toBeNull();
    expect(parseStatus(Buffer.from([0x12]))).toBeNull();
  });
});

describe('printer URIs', () => {
  it('reads the three forms of CONTRACT.md and refuses others', () => {
    expect(parsePrinterUri('tcp://10.0.0.9:9100')).toEqual({ kind: 'tcp', host: '10.0.0.9', port: 9100 });
    expect(parsePrinterUri('serial:/dev/ttyUSB0?baud=19200')).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 });
    expect(parsePrinterUri('file:/dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
    expect(() => parsePrinterUri('http://x')).toThrow(/not a printer URI/);
  });
});

// A loaded CI machine (two cores, every test file at once) can take longer than the kiosk's
// 800 ms to answer DLE EOT through a fake printer; these tests are about the answers, not speed.
const patient = { ...DEFAULT_TIMEOUTS, statusMs: 4000 };

describe('a TCP printer', () => {
  let fake: FakeTcpPrinter;
  it('prints the ticket bytes and reports each fault', async () => {
    fake = await startFakeTcpPrinter();
    open.push(fake);
    const printer = new Printer(fake.uri, Date.now, undefined, patient);
    expect(await printer.status()).toMatchObject({ reachable: true, conditions: [] });
    const bytes = ticketBytes(sampleTicket(Date.now()));
    expect(await printer.print(bytes)).toEqual({ kind: 'confirmed' });
    const [job] = await fake.waitForJobs(1);
    expect(job?.equals(bytes)).toBe(true);
    fake.set({ paperLow: true });
    expect((await printer.status()).conditions).toEqual(['paper_low']);
    fake.set({ paperLow: false, paperOut: true });
    expect((await printer.status()).conditions).toEqual(['paper_out']);
    fake.set({ paperOut: false, coverOpen: true });
    expect((await printer.status()).conditions).toEqual(['cover_open']);
    fake.set({ coverOpen: false, unplugged: true });
    expect(await printer.status()).toMatchObject({ reachable: false, conditions: ['offline'] });
  });

  it('fails a job whose cable is pulled part-way', async () => {
    fake = await startFakeTcpPrinter();
    open.push(fake);
    const printer = new Printer(fake.uri);
    fake.set({ cutAfterBytes: 100 });
    // A big job, so the kernel cannot take it all before the printer hangs up.
    const bytes = Buffer.concat(Array.from({ length: 400 }, () => ticketBytes(sampleTicket(Date.now()))));
    expect(await printer.print(bytes)).toEqual({ kind: 'interrupted', bytesSent: expect.any(Number) });
    expect(fake.printed().length).toBe(100);
  });
});

describe('a TCP printer that holds the job open', () => {
  const quick = { statusMs: 500, jobMs: 2000, closeMs: 300 };
  let fake: FakeTcpPrinter;

  it('took every byte and answers status on a new connection: printed, unconfirmed, sent once', async () => {
    fake = await startFakeTcpPrinter();
    open.push(fake);
    fake.set({ holdOpen: 'answers_fresh' });
    const printer = new Printer(fake.uri, Date.now, undefined, quick);
    const bytes = ticketBytes(sampleTicket(Date.now()));
    expect(await printer.print(bytes)).toEqual({ kind: 'status_ok' });
    const jobs = await fake.waitForJobs(1);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.equals(bytes)).toBe(true);
  });

  it('answers no status at all: printed, outcome unknown', async () => {
    fake = await startFakeTcpPrinter();
    open.push(fake);
    fake.set({ holdOpen: 'silent' });
    const printer = new Printer(fake.uri, Date.now, undefined, quick);
    const bytes = ticketBytes(sampleTicket(Date.now()));
    expect(await printer.print(bytes)).toEqual({ kind: 'unknown' });
    expect((await fake.waitForJobs(1))[0]!.equals(bytes)).toBe(true);
  });

  it('reports a fault once it holds the job: not printed, with that fault', async () => {
    fake = await startFakeTcpPrinter();
    open.push(fake);
    fake.set({ holdOpen: 'answers_fresh' });
    const printer = new Printer(fake.uri, Date.now, undefined, quick);
    const job = printer.print(ticketBytes(sampleTicket(Date.now())));
    while (fake.held() === 0) await new Promise((r) => setTimeout(r, 10));
    fake.set({ coverOpen: true });
    expect(await job).toEqual({ kind: 'fault', condition: 'cover_open' });
  });

  it('stops reading half-way and holds: interrupted, with the bytes it took', async () => {
    fake = await startFakeTcpPrinter();
    open.push(fake);
    // Bigger than the kernel's loopback buffers, so the sender sees that not everything went.
    const bytes = Buffer.alloc(16 * 1024 * 1024, 0x41);
    fake.set({ stallAfterBytes: 4096 });
    const printer = new Printer(fake.uri, Date.now, undefined, quick);
    const outcome = await printer.print(bytes);
    expect(outcome.kind).toBe('interrupted');
    expect(outcome.kind === 'interrupted' && outcome.bytesSent).toBeLessThan(bytes.length);
    expect((await fake.waitForJobs(1))[0]!.length).toBe(4096);
  });
});

describe('a serial printer on a PTY pair', () => {
  let fake: FakePtyPrinter;
  it('prints and answers DLE EOT through the serial port', async () => {
    fake = await startFakePtyPrinter();
    open.push(fake);
    const printer = new Printer(fake.uri, Date.now, undefined, patient);
    expect(await printer.status()).toMatchObject({ reachable: true, conditions: [] });
    const bytes = ticketBytes(sampleTicket(Date.now()));
    expect(await printer.print(bytes)).toEqual({ kind: 'confirmed' });
    const until = Date.now() + 3000;
    while (fake.printed().length < bytes.length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(qrDataIn(fake.printed())).toEqual(['http://127.0.0.1:4180/t/print-test']);
    fake.set({ paperOut: true });
    expect((await printer.status()).conditions).toEqual(['paper_out']);
    fake.set({ paperOut: false, unplugged: true });
    expect((await printer.status()).reachable).toBe(false);
  });
});
