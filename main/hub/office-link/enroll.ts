// `atrium enroll --data DIR --office URL --code CODE`: trades the office's one-time code for
// the branch's credential and keeps it, with the office certificate's fingerprint, in the
// hub's data folder. It runs with the hub stopped: a running hub holds the folder's lock, and
// its shipper reads the link file only when it starts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EnrolAnswer } from '../../common/office/wire.js';
import { DB_FILE } from '../ledger/index.js';
import { isHeldByHub } from '../storage/data-lock.js';
import { writeCursor, writeOfficeLink, type OfficeLink } from './link-file.js';
import { writeOrgSecret } from './org-key.js';
import { fetchCertFingerprint, isLoopbackUrl, officeRequest, refusalOf } from './office-client.js';

export class EnrolRefused extends Error {}

export async function enrollBranch(dataDir: string, officeUrl: string, code: string, warn: (line: string) => void = console.warn): Promise<OfficeLink> {
  if (!existsSync(path.join(dataDir, DB_FILE))) {
    throw new EnrolRefused(`${dataDir} holds no branch database (${DB_FILE}): start the hub on it once (npm run hub -- --data ${dataDir}), stop it, then enrol.`);
  }
  if (isHeldByHub(dataDir)) {
    throw new EnrolRefused(`A hub is running on ${dataDir}: stop it first, then enrol (the hub reads its head-office link when it starts).`);
  }
  let url: URL;
  try {
    url = new URL(officeUrl);
  } catch {
    throw new EnrolRefused(`"${officeUrl}" is not an address: give the office's, such as https://office.example.bank:4443.`);
  }
  let pin: string | null = null;
  if (url.protocol === 'https:') {
    pin = await fetchCertFingerprint(url.origin);
  } else if (url.protocol === 'http:' && isLoopbackUrl(url)) {
    warn(`warning: ${url.origin} is plain HTTP: allowed on this machine's loopback only (a trial or a test); a real office is enrolled over https, its certificate pinned.`);
  } else {
    throw new EnrolRefused(`${url.origin}: a head office is reached over https (plain http only on loopback), so its certificate can be pinned.`);
  }
  const res = await officeRequest(url.origin, 'POST', '/api/office/enrol', { body: { code }, pin });
  if (res.status !== 200) {
    const message = refusalOf(res).message ?? `the office answered ${res.status}`;
    throw new EnrolRefused(`The office refused the enrolment: ${message}`);
  }
  const answer = EnrolAnswer.parse(res.body);
  const link: OfficeLink = { officeUrl: url.origin, branchId: answer.branchId, name: answer.name, credential: answer.credential, certFingerprint: pin, enrolledAt: new Date().toISOString() };
  writeOfficeLink(dataDir, link);
  // Not in the link file: a key file of its own, as the branch's secret has.
  writeOrgSecret(dataDir, answer.orgSecret);
  // A new enrolment starts from what the office holds for this branch (nothing, for a new one).
  writeCursor(dataDir, answer.lastSeq);
  return link;
}
