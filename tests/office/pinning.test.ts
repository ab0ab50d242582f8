// The office's certificate pinned at enrolment: `atrium enroll` against an https office stores
// its fingerprint, the shipper's requests go through only to that certificate, and an office
// presenting another one gets nothing (the credential least of all). Plain http is allowed on
// loopback only. A real office with --tls (its own certificate, made in its folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollBranch } from '../../main/hub/office-link/enroll.js';
import { readOfficeLink } from '../../main/hub/office-link/link-file.js';
import { officeRequest } from '../../main/hub/office-link/office-client.js';
import { startTestHub, tempDir } from '../support/hub.js';
import { startTestOffice, type TestOffice } from './support.js';

let office: TestOffice;
let admin: string;

beforeAll(async () => {
  office = await startTestOffice(undefined, { tls: true });
  expect(office.url).toMatch(/^https:/);
  const login = await officeRequest(office.url, 'POST', '/api/auth/login', { body: { staffId: 'hq-admin', pin: '000000' }, pin: office.certFingerprint });
  admin = (login.body as { token: string }).token;
}, 120_000);
afterAll(() => office?.close());

async function stoppedDemoHub(): Promise<string> {
  const hub = await startTestHub({ dataDir: tempDir('atrium-pin-') });
  await hub.close();
  return hub.dataDir;
}

async function newCode(): Promise<string> {
  const res = await officeRequest(office.url, 'POST', '/api/office/branches', { token: admin, body: { name: 'Pinned' }, pin: office.certFingerprint });
  expect(res.status).toBe(200);
  return (res.body as { enrolmentCode: string }).enrolmentCode;
}

describe("the office's certificate, pinned", () => {
  it('enrol over https stores the fingerprint the office serves', async () => {
    const dataDir = await stoppedDemoHub();
    const link = await enrollBranch(dataDir, office.url, await newCode(), () => {
      throw new Error('no warning over https');
    });
    expect(link.certFingerprint).toBe(office.certFingerprint);
    expect(readOfficeLink(dataDir)!.certFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // The pinned request goes through; one pinned to another certificate never reaches the office.
    expect((await officeRequest(office.url, 'GET', '/api/health', { pin: link.certFingerprint })).status).toBe(200);
    const other = link.certFingerprint!.replace(/^../, link.certFingerprint!.startsWith('00') ? '11' : '00');
    await expect(officeRequest(office.url, 'POST', '/api/office/ingest', { token: link.credential, body: { timeZone: 'UTC', events: [] }, pin: other })).rejects.toThrow(
      /not the one pinned at enrolment/,
    );
  }, 60_000);

  it('without a pin, the office\'s own certificate is not trusted by the system CAs', async () => {
    await expect(officeRequest(office.url, 'GET', '/api/health', { pin: null })).rejects.toThrow();
  });

  it('refuses plain http beyond loopback, and a folder with no branch database', async () => {
    const dataDir = await stoppedDemoHub();
    await expect(enrollBranch(dataDir, 'http://192.0.2.10:4190', 'ABC')).rejects.toThrow(/reached over https \(plain http only on loopback\)/);
    await expect(enrollBranch(tempDir('atrium-empty-'), office.url, 'ABC')).rejects.toThrow(/holds no branch database/);
  }, 60_000);
});
