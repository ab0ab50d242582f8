// The notebook's rules without a database.
import { describe, expect, it } from 'vitest';
import { refusal } from '../test-refusal.js';
import { decideImport, decideSave } from './decide.js';

const entry = { customerKey: 'a'.repeat(64), title: 'sealed title', notes: 'sealed notes', tags: ['magnifier'] };

describe('notebook decisions', () => {
  it('saves an entry under the customer key', () => {
    expect(decideSave(entry)).toEqual([{ type: 'notebook.saved', ...entry }]);
  });

  it("imports a file made with this branch's secret, and refuses another's", () => {
    const file = { secretId: '0123456789abcdef', exportedAt: '2026-03-02T08:00:00.000Z', entries: [entry] };
    expect(decideImport(file, '0123456789abcdef')).toEqual([{ type: 'notebook.imported', entries: [entry], source: '2026-03-02T08:00:00.000Z' }]);
    expect(decideImport({ ...file, entries: [] }, '0123456789abcdef')).toEqual([]);
    expect(refusal(() => decideImport(file, 'fedcba9876543210'))).toMatchObject({ kind: 'conflict', code: 'notebook_secret_mismatch' });
  });
});
