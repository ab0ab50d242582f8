// `atrium office` (npm run office) and `atrium enroll`: the head office and a branch joining it.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeOnSignal } from './close-on-signal.js';

export const OFFICE_USAGE = `  atrium office --data DIR --port PORT [--pg URL] [--demo] [--host 127.0.0.1] [--tls]   (npm run office -- …)
  atrium enroll --data DIR --office URL --code CODE   (with the hub stopped)`;

export class OfficeUsageError extends Error {}

export async function officeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      pg: { type: 'string' },
      demo: { type: 'boolean', default: false },
      tls: { type: 'boolean', default: false },
      log: { type: 'boolean', default: false },
    },
  });
  if (!values.data) throw new OfficeUsageError('--data DIR is required: the folder of the head office (its embedded database, its certificate).');
  const port = Number(values.port ?? 4190);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new OfficeUsageError(`--port must be a port number, not "${values.port}".`);
  const { startOffice, OFFICE_DB_NOTE } = await import('../office/server/start.js');
  const opts = { dataDir: path.resolve(values.data), port, host: values.host ?? '127.0.0.1', pgUrl: values.pg ?? null, demo: values.demo, tls: values.tls, logger: values.log };
  const running = await startOffice(opts).catch((err: unknown) => {
    console.error(`the head office cannot start: ${(err as Error).message}`);
    process.exit(1);
  });
  console.log(`head office on ${OFFICE_DB_NOTE(opts)}`);
  if (running.certFingerprint) console.log(`certificate fingerprint ${running.certFingerprint}`);
  console.log(`listening on ${running.url}`);
  closeOnSignal(running, 'the head office');
}

export async function enrollCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, office: { type: 'string' }, code: { type: 'string' } } });
  if (!values.data || !values.office || !values.code) throw new OfficeUsageError('Give --data DIR, --office URL and --code CODE (the code head office gave for this branch).');
  const { enrollBranch, EnrolRefused } = await import('../hub/office-link/enroll.js');
  const { OfficeUnreachable } = await import('../hub/office-link/office-client.js');
  try {
    const link = await enrollBranch(path.resolve(values.data), values.office, values.code);
    console.log(`enrolled as branch ${link.branchId} (${link.name}) with ${link.officeUrl}`);
    if (link.certFingerprint) console.log(`office certificate pinned: ${link.certFingerprint}`);
    console.log('the hub ships its ledger to head office from its next start');
    console.log("the organisation's customer-key secret is kept in org-key.secret: notebook notes saved from then on are shared with the other branches");
    return 0;
  } catch (err) {
    if (err instanceof EnrolRefused || err instanceof OfficeUnreachable) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}
