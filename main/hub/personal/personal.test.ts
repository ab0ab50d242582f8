// The cipher, the key store and the customer-key secret file on a real data folder.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/hub.js';
import { branchSecret, customerKey } from '../customers/customer-key.js';
import { setSharedSecret, showSecret } from '../customers/shared-secret.js';

import { StorageFault } from '../storage/faults.js';
import { seal, unseal } from './cipher.js';
import { KEY_STORE_FILE, KeyStore } from './key-store.js';
import { sealPlainRows } from './seal-plain-rows.js';
import { SECRET_FILE, moveSecretOutOfDatabase } from './secret-file.js';
import { ERASED, Vault, closeVault, vaultOf } from './vault.js';
import { openHubLedger } from '../projectors.js';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('sealed fields', () => {
  it('open with their own key only, and not once edited', () => {
    const key = Buffer.alloc(32, 7);
    const sealed = seal('a'.repeat(32), key, '王先生');
    expect(sealed).toMatch(/^enc1\.a{32}\./);
    expect(sealed).not.toContain('王先生');
    expect(unseal(sealed, key)).toBe('王先生');
    expect(unseal(sealed, Buffer.alloc(32, 8))).toBeNull();
    expect(unseal(sealed.replace('a'.repeat(32), 'b'.repeat(32)), key)).toBeNull();
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    expect(unseal(sealed.slice(0, -2) + last + sealed.at(-1), key)).toBeNull();
  });

  it('read as erased once the subject key is shredded, and other subjects stay readable', () => {
    const dir = tempDir();
    const vault = new Vault(new KeyStore(dir));
    const a = vault.seal('complaint:1', '客户赵敏说柜员态度差');
    const b = vault.seal('complaint:2', '李女士');
    expect(vault.seal('complaint:1', '')).toBe('');
    expect(vault.openAll({ list: [a, b, 'plain', 3, null] })).toEqual({ list: ['客户赵敏说柜员态度差', '李女士', 'plain', 3, null] });
    const keyBytes = vault.keys.keyFor('complaint:1').key;
    expect(vault.shred(['complaint:1'])).toBe(1);
    expect(vault.open(a)).toBe(ERASED);
    expect(vault.open(b)).toBe('李女士');
    // The key's bytes are gone from the file, not left in a free page.
    vault.keys.close();
    const file = path.join(dir, KEY_STORE_FILE);
    expect(readFileSync(file).includes(keyBytes)).toBe(false);
    expect(readFileSync(file).includes('complaint:2')).toBe(true);
    expect(mode(file)).toBe(0o600);
    const other = new KeyStore(dir);
    expect(other.keyFor('complaint:1').id).not.toBe(a.split('.')[1]);
    other.close();
  });
});

describe('the customer-key secret file', () => {
  it('is made 0600 beside the database on first use and never written into it', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    const secret = branchSecret(ledger.db);
    const file = path.join(dir, SECRET_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(mode(file)).toBe(0o600);
    expect(ledger.db.prepare("SELECT * FROM settings WHERE key = 'branch.secret'").get()).toBeUndefined();
    closeVault(ledger.db);
    ledger.close();
    expect(readFileSync(path.join(dir, 'atrium.db')).includes(secret)).toBe(false);
  });

  it('moves a secret out of the settings table of an older hub: same keys, row gone', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    const old = 'c'.repeat(64);
    ledger.db.prepare("INSERT INTO settings (key, value) VALUES ('branch.secret', ?)").run(old);
    moveSecretOutOfDatabase(ledger.db, dir);
    expect(readFileSync(path.join(dir, SECRET_FILE), 'utf8').trim()).toBe(old);
    expect(ledger.db.prepare("SELECT * FROM settings WHERE key = 'branch.secret'").get()).toBeUndefined();
    expect(customerKey(branchSecret(ledger.db), 'phone', '13800138000')).toBe(customerKey(old, 'phone', '13800138000'));
    ledger.close();
    expect(readFileSync(path.join(dir, 'atrium.db')).includes(old)).toBe(false);
  });

  it('is refused when others could read it, and not used', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, SECRET_FILE), `${'d'.repeat(64)}\n`, { mode: 0o600 });
    chmodSync(path.join(dir, SECRET_FILE), 0o640);
    const ledger = openHubLedger(dir);
    try {
      expect(() => branchSecret(ledger.db)).toThrow(StorageFault);
      expect(() => branchSecret(ledger.db)).toThrow(`${path.join(dir, SECRET_FILE)} is open to other users of this machine (0640)`);
      chmodSync(path.join(dir, SECRET_FILE), 0o600);
      expect(branchSecret(ledger.db)).toBe('d'.repeat(64));
    } finally {
      closeVault(ledger.db);
      ledger.close();
    }
  });

  it('refuses to start when the file and the table disagree, in a sentence', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, SECRET_FILE), `${'d'.repeat(64)}\n`, { mode: 0o600 });
    const ledger = openHubLedger(dir);
    ledger.db.prepare("INSERT INTO settings (key, value) VALUES ('branch.secret', ?)").run('e'.repeat(64));
    expect(() => moveSecretOutOfDatabase(ledger.db, dir)).toThrow(/hold different customer-key secrets/);
    ledger.close();
  });

  it('is replaced by --set, which keeps only a fingerprint in the ledger', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    const { fingerprint } = setSharedSecret(ledger, 'f'.repeat(64), 'it');
    expect(showSecret(ledger)).toEqual({ secret: 'f'.repeat(64), fingerprint });
    expect(mode(path.join(dir, SECRET_FILE))).toBe(0o600);
    expect(JSON.stringify(ledger.readEvents())).not.toContain('f'.repeat(64));
    expect(existsSync(path.join(dir, KEY_STORE_FILE))).toBe(false);
    ledger.close();
  });

  it('one vault per ledger connection, in its data folder', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    expect(vaultOf(ledger.db)).toBe(vaultOf(ledger.db));
    expect(existsSync(path.join(dir, KEY_STORE_FILE))).toBe(true);
    closeVault(ledger.db);
    ledger.close();
  });
});

describe('an older hub', () => {
  it('has its VIP titles, notes and opinion phones sealed in place on start, and their clear text gone from the file', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    ledger.db.prepare("INSERT INTO vip_customers (id, title, notes, tags) VALUES ('v1', '欧阳先生', '[\"需要轮椅\",\"\"]', '[]')").run();
    ledger.db.prepare("INSERT INTO opinion_phones (opinion_id, phone) VALUES ('o1', '13512345678')").run();
    // In the database file itself, as an older hub left it.
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(sealPlainRows(ledger.db)).toBe(2);
    expect(sealPlainRows(ledger.db)).toBe(0);
    const vip = ledger.db.prepare('SELECT title, notes FROM vip_customers').get() as { title: string; notes: string };
    const vault = vaultOf(ledger.db);
    expect(vault.openAll({ title: vip.title, notes: JSON.parse(vip.notes) as string[] })).toEqual({ title: '欧阳先生', notes: ['需要轮椅', ''] });
    expect(vault.open((ledger.db.prepare('SELECT phone FROM opinion_phones').get() as { phone: string }).phone)).toBe('13512345678');
    closeVault(ledger.db);
    ledger.close();
    const bytes = readFileSync(path.join(dir, 'atrium.db'));
    for (const word of ['欧阳先生', '需要轮椅', '13512345678']) expect(bytes.includes(word), word).toBe(false);
  });
});
