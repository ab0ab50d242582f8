// `atrium hub | verify` — the command line of CONTRACT.md.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { TLS_USAGE, tlsCommand } from './cli/tls.js';
import { enrollCommand, OFFICE_USAGE, officeCommand, OfficeUsageError } from './cli/office.js';
import { backupCommand, rebuildCommand, reportStorageFault, restoreCommand, StorageUsageError } from './cli/storage-commands.js';
import { closeOnSignal } from './cli/close-on-signal.js';

const USAGE = `usage:
  atrium hub --data DIR --port PORT [--host 127.0.0.1] [--demo] [--printer URI] [--tls] [--tls-cert FILE --tls-key FILE]
  atrium verify --data DIR
  atrium backup --data DIR --to FILE   (while the hub runs)
  atrium restore --from FILE --data NEWDIR
  atrium rebuild --data DIR --to NEWDIR   (every table made again from DIR's events)
  atrium print-test --printer URI
  atrium customer-secret --data DIR (--show | --set SECRET)   (with the hub stopped)
${TLS_USAGE}
${OFFICE_USAGE}`;

async function hub(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      printer: { type: 'string' },
      log: { type: 'boolean', default: false },
      tls: { type: 'boolean', default: false },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const port = Number(values.port ?? 4180);
  if (!values.data) throw new UsageError('--data DIR is required: the folder of the branch database.');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`);
  // The lock first: a second hub on the folder is refused before the server is even loaded.
  const { holdDataFolder } = await import('./hub/storage/data-lock.js');
  const lock = holdDataFolder(path.resolve(values.data));
  const { startHub } = await import('./hub/server/start.js');
  const { TlsSetupError } = await import('./hub/tls/index.js');
  const running = await startHub({
    lock,
    dataDir: path.resolve(values.data),
    port,
    host: values.host ?? '127.0.0.1',
    demo: values.demo,
    printer: values.printer ?? null,
    logger: values.log,
    tls: values.tls,
    ...(values['tls-cert'] ? { tlsCert: path.resolve(values['tls-cert']) } : {}),
    ...(values['tls-key'] ? { tlsKey: path.resolve(values['tls-key']) } : {}),
  }).catch((err: unknown) => {
    if (!(err instanceof TlsSetupError)) throw err;
    console.error(err.message);
    process.exit(1);
  });
  console.log(`listening on ${running.url}`);
  if (running.setupCode) {
    // No admin yet: whoever can read this console sets the branch up (a restart prints a new code).
    console.log(`setup code: ${running.setupCode}`);
    console.log(`set up this branch at ${running.url}/setup`);
  }
  closeOnSignal(running, 'the hub');
}

async function verify(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } } });
  if (!values.data) throw new UsageError('--data DIR is required.');
  const { verifyLedger } = await import('./hub/ledger/index.js');
  const result = verifyLedger(path.resolve(values.data));
  if (result.ok) {
    console.log(`ledger sound: ${result.events} events, hash chain and projections agree`);
    return 0;
  }
  console.error(`ledger NOT sound: ${result.problem}`);
  return 1;
}

async function printTestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { printer: { type: 'string' } } });
  if (!values.printer) throw new UsageError('--printer URI is required: tcp://HOST:PORT, serial:/dev/ttyUSB0?baud=9600 or file:/dev/usb/lp0.');
  const { printTest } = await import('./print/print-test.js');
  return printTest(values.printer);
}

/** Branches that share the special-customer notebook share the secret their customer keys use. */
async function customerSecret(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, show: { type: 'boolean', default: false }, set: { type: 'string' } } });
  if (!values.data || values.show === (values.set !== undefined)) throw new UsageError('Give --data DIR and either --show or --set SECRET.');
  const { openHubLedger } = await import('./hub/projectors.js');
  const { setSharedSecret, showSecret } = await import('./hub/customers/shared-secret.js');
  const ledger = openHubLedger(path.resolve(values.data));
  try {
    if (values.show) {
      const { secret, fingerprint } = showSecret(ledger);
      console.log(`secret ${secret}\nfingerprint ${fingerprint}\nKeep it as you would a key: anyone with it and the database can match card and phone numbers.`);
      return 0;
    }
    const { fingerprint } = setSharedSecret(ledger, values.set as string, 'cli');
    console.log(`shared secret set; fingerprint ${fingerprint}`);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  } finally {
    ledger.close();
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === 'hub') return await hub(rest);
    if (command === 'verify') process.exit(await verify(rest));
    if (command === 'print-test') process.exit(await printTestCommand(rest));
    if (command === 'customer-secret') process.exit(await customerSecret(rest));
    if (command === 'tls') process.exit(tlsCommand(rest));
    if (command === 'office') return await officeCommand(rest);
    if (command === 'enroll') process.exit(await enrollCommand(rest));
    if (command === 'backup') process.exit(await backupCommand(rest));
    if (command === 'rebuild') process.exit(await rebuildCommand(rest));
    if (command === 'restore') process.exit(await restoreCommand(rest));
    console.log(USAGE);
    process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0);
  } catch (err) {
    if (err instanceof UsageError || err instanceof StorageUsageError || err instanceof OfficeUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(err as Error).message}\n${USAGE}`);
      process.exit(2);
    }
    // A read-only folder, a damaged database, a full disk, a held lock: one sentence, no stack trace.
    if (await reportStorageFault(err, rest)) process.exit(1);
    throw err;
  }
}

await main(process.argv.slice(2));
