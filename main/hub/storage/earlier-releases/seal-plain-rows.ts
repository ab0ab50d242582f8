// A hub from before sealing kept VIP titles and notes and opinion phones in clear in plain
// tables (not projections of events, so they may be rewritten): seal them on start. What
// the hash-chained events and their projections hold from before stays as it was written;
// rewriting it would break the chain (see docs/security/secrets.md).
import type Database from 'better-sqlite3';
import { isSealed } from '../../personal/cipher.js';
import { subject, vaultOf } from '../../personal/vault.js';

export function sealPlainRows(db: Database.Database): number {
  const vips = (db.prepare('SELECT id, title, notes FROM vip_customers').all() as { id: string; title: string; notes: string }[]).filter(
    (r) => r.title !== '' && !isSealed(r.title),
  );
  const phones = (db.prepare('SELECT opinion_id, phone FROM opinion_phones').all() as { opinion_id: string; phone: string }[]).filter((r) => !isSealed(r.phone));
  if (vips.length === 0 && phones.length === 0) return 0;
  const vault = vaultOf(db);
  const setVip = db.prepare('UPDATE vip_customers SET title = ?, notes = ? WHERE id = ?');
  const setPhone = db.prepare('UPDATE opinion_phones SET phone = ? WHERE opinion_id = ?');
  // secure_delete: the clear text is overwritten in its page, not left behind in the file.
  const secure = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      for (const r of vips) {
        const notes = (JSON.parse(r.notes) as string[]).map((n) => vault.seal(subject.vip(r.id), n));
        setVip.run(vault.seal(subject.vip(r.id), r.title), JSON.stringify(notes), r.id);
      }
      for (const r of phones) setPhone.run(vault.seal(subject.opinionPhone(r.opinion_id), r.phone), r.opinion_id);
    })();
  } finally {
    db.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return vips.length + phones.length;
}
