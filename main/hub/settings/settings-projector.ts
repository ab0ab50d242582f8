// Branch settings (names, rota, kiosk choices, sign-in idle time, records limits): a key and a
// JSON or plain value, each change a `settings.changed` event, so a rebuild sets them again.
import type Database from 'better-sqlite3';
import type { AuditEvent, StoredEvent } from '../../common/events.js';
import type { Projector } from '../ledger/projector.js';

export const settingsProjector: Projector = {
  name: 'settings',
  tables: ['settings'],
  apply(db: Database.Database, event: StoredEvent): void {
    if (event.type !== 'settings.changed') return;
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(event.key, event.value);
  },
};

/** The event that sets one setting. */
export function settingChanged(key: string, value: string): Extract<AuditEvent, { type: 'settings.changed' }> {
  return { type: 'settings.changed', key, value };
}

export function readSetting(db: Database.Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** Every setting whose key starts with `prefix`. */
export function readSettings(db: Database.Database, prefix: string): { key: string; value: string }[] {
  return db.prepare('SELECT key, value FROM settings WHERE substr(key, 1, ?) = ? ORDER BY key').all(prefix.length, prefix) as { key: string; value: string }[];
}
