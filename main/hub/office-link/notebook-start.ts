// Starts the shared notebook's push and pull on an enrolled hub that holds the organisation's
// key (an older enrolment without it shares nothing: enrol again).
import type { Hub } from '../lobby/hub.js';
import { readOfficeLink } from './link-file.js';
import { NotebookSync } from './notebook-sync.js';
import { readOrgSecret } from './org-key.js';

export function startNotebookSync(hub: Hub, dataDir: string, pollMs?: number): { sync: NotebookSync | null; close(): void } {
  const link = readOfficeLink(dataDir);
  const secret = link ? readOrgSecret(dataDir) : null;
  if (!link || !secret) return { sync: null, close: () => undefined };
  const sync = new NotebookSync(hub, dataDir, link, secret, pollMs).start();
  return { sync, close: () => sync.stop() };
}
