import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH } from './chain-hash.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('eventHash', () => {
  it('is sha256 of the previous hash followed by the canonical JSON of seq, type, at, actor and data', () => {
    const h = eventHash(GENESIS_HASH, { seq: 1, type: 'ticket.called', at: 5, actor: 'teller1', data: { ticket: 't1', counter: '3' } });
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(h).toBe(sha(`${'0'.repeat(64)}{"actor":"teller1","at":5,"data":{"counter":"3","ticket":"t1"},"seq":1,"type":"ticket.called"}`));
  });

  it('changes with any part of the content and with the previous hash', () => {
    const base = { seq: 2, type: 'counter.closed', at: 10, actor: null, data: { counter: '1' } };
    const h = eventHash(GENESIS_HASH, base);
    expect(eventHash('1'.repeat(64), base)).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...base, seq: 3 })).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...base, at: 11 })).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...base, actor: 'x' })).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...base, data: { counter: '2' } })).not.toBe(h);
  });
});
