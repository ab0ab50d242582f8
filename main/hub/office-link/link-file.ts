// What enrolment leaves in the hub's data folder, outside the database as the key file is:
// the office's address, the branch's credential, and the office certificate's fingerprint
// (pinned at enrolment); and the outbox cursor, the last seq the office acknowledged. Both
// are written to a temporary file, synced and renamed, so a crash leaves the old or the new.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

export const LINK_FILE = 'office-link.json';
export const CURSOR_FILE = 'office-cursor.json';

export interface OfficeLink {
  officeUrl: string;
  branchId: string;
  name: string;
  /** Bearer credential for the office's ingest; this file is the hub user's alone (0600). */
  credential: string;
  /** SHA-256 fingerprint (AA:BB:…) of the office's certificate; null over plain HTTP on loopback. */
  certFingerprint: string | null;
  enrolledAt: string;
}

export function writeFileAtomically(file: string, text: string, mode: number): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export function readOfficeLink(dataDir: string): OfficeLink | null {
  const file = path.join(dataDir, LINK_FILE);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as OfficeLink;
}

export function writeOfficeLink(dataDir: string, link: OfficeLink): void {
  writeFileAtomically(path.join(dataDir, LINK_FILE), `${JSON.stringify(link, null, 2)}\n`, 0o600);
}

/** The last seq the office acknowledged; 0 before the first. */
export function readCursor(dataDir: string): number {
  const file = path.join(dataDir, CURSOR_FILE);
  if (!existsSync(file)) return 0;
  const seq = Number((JSON.parse(readFileSync(file, 'utf8')) as { acknowledgedSeq?: unknown }).acknowledgedSeq);
  return Number.isInteger(seq) && seq >= 0 ? seq : 0;
}

export function writeCursor(dataDir: string, acknowledgedSeq: number): void {
  writeFileAtomically(path.join(dataDir, CURSOR_FILE), `${JSON.stringify({ acknowledgedSeq })}\n`, 0o600);
}
