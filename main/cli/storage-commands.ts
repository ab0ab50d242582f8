// `atrium backup` and `atrium restore`, and the one sentence any command prints when the
// data folder's storage fails (read-only, damaged, full, written by a newer Atrium).
import { parseArgs } from 'node:util';
import path from 'node:path';

export async function backupCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, to: { type: 'string' } } });
  if (!values.data || !values.to) throw new StorageUsageError('Give --data DIR (the hub\'s data folder) and --to FILE (the backup to write).');
  const { backupDataFolder } = await import('../hub/storage/backup.js');
  const result = await backupDataFolder(path.resolve(values.data), values.to);
  if (result.problem) {
    console.error(`backup written to ${result.file}, but its ledger does NOT verify (${result.problem}): restore will refuse it; keep the older backups.`);
    return 1;
  }
  console.log(`backup written to ${result.file}: ${result.events} events, ${result.files} other files; it holds keys and data together, keep it as safe as the hub's disk`);
  return 0;
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, data: { type: 'string' } } });
  if (!values.from || !values.data) throw new StorageUsageError('Give --from FILE (a backup) and --data DIR (a new or empty folder).');
  const { restoreDataFolder } = await import('../hub/storage/restore.js');
  const result = restoreDataFolder(values.from, values.data);
  for (const folder of result.removed) console.log(`removed the unfinished restore ${folder} (a restore stopped midway)`);
  console.log(`restored ${result.events} events and ${result.files} other files into ${path.resolve(values.data)}`);
  return 0;
}

export async function rebuildCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, to: { type: 'string' } } });
  if (!values.data || !values.to) throw new StorageUsageError('Give --data DIR (the data folder to rebuild from) and --to NEWDIR (a new or empty folder).');
  const { rebuildDataFolder } = await import('../hub/storage/rebuild.js');
  const result = await rebuildDataFolder(values.data, values.to);
  console.log(`rebuilt ${path.resolve(values.to)} from the ${result.events} events of ${path.resolve(values.data)}; it verifies`);
  console.log(`tables made from the events: ${result.rebuilt.join(', ')}`);
  console.log(`copied, not rebuilt (they live outside the events by design): ${result.copied.length ? result.copied.join(', ') : 'nothing'}`);
  return 0;
}

export class StorageUsageError extends Error {}

/** The --data value in a command's arguments, to name the folder in a fault. */
function dataArg(args: string[]): string | undefined {
  const i = args.findIndex((a) => a === '--data' || a.startsWith('--data='));
  if (i === -1) return undefined;
  const value = args[i]!.startsWith('--data=') ? args[i]!.slice('--data='.length) : args[i + 1];
  return value === undefined ? undefined : path.resolve(value);
}

/** Prints the fault's sentence and returns true when `err` is a storage fault; false otherwise. */
export async function reportStorageFault(err: unknown, args: string[]): Promise<boolean> {
  const { describeStorageFault } = await import('../hub/storage/faults.js');
  const sentence = describeStorageFault(err, dataArg(args));
  if (sentence === null) return false;
  console.error(sentence);
  return true;
}
