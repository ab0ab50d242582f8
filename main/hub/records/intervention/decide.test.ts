// The fraud intervention's rules without a database.
import { describe, expect, it } from 'vitest';
import type { FraudIntervention } from '../../../common/fraud.js';
import { InterventionBody, InterventionEditBody } from '../../../common/fraud.js';
import { contentHash, interventionContent } from '../signing.js';
import { refusal } from '../test-refusal.js';
import { checkSignable, decideEdit, decideRecord, decideSign, fraudFigures } from './decide.js';

const recorded = (over: Partial<FraudIntervention> = {}): FraudIntervention => ({
  id: 'f1',
  date: '2026-04-06',
  ticket: 'B007',
  outcome: 'dissuaded',
  amountBand: '50k_200k',
  note: 'sealed',
  recordedAt: 1,
  recordedBy: 'manager',
  editedAt: null,
  editedBy: null,
  status: 'recorded',
  signedAt: null,
  signedBy: null,
  contentHash: null,
  ...over,
});

describe('fraud intervention decisions', () => {
  it('takes the three outcomes and five amount bands, and refuses anything else', () => {
    const body = { outcome: 'police_called', amountBand: 'over_200k', note: '冒充公检法' };
    expect(InterventionBody.parse({ ...body, ticket: 'b007' })).toMatchObject({ ticket: 'B007' });
    expect(InterventionBody.safeParse({ ...body, outcome: 'stopped' }).success).toBe(false);
    expect(InterventionBody.safeParse({ ...body, amountBand: '5k' }).success).toBe(false);
    expect(InterventionBody.safeParse({ ...body, note: ' ' }).success).toBe(false);
    expect(InterventionBody.safeParse({ ...body, amount: 50000 }).success).toBe(false);
    expect(InterventionEditBody.safeParse({}).success).toBe(false);
  });

  it('records what was filled in on the day', () => {
    const fields = { ticket: null, outcome: 'proceeded' as const, amountBand: 'unknown' as const, note: 'n' };
    expect(decideRecord(fields, { id: 'f1', date: '2026-04-06' })).toEqual([{ type: 'intervention.recorded', id: 'f1', date: '2026-04-06', fields }]);
  });

  it('is corrected before its signature (only what changes), never after', () => {
    expect(decideEdit(recorded(), { outcome: 'proceeded', amountBand: '50k_200k' })).toEqual([{ type: 'intervention.edited', id: 'f1', fields: { outcome: 'proceeded' } }]);
    expect(decideEdit(recorded(), { outcome: 'dissuaded' })).toEqual([]);
    expect(refusal(() => decideEdit(recorded({ status: 'signed', signedBy: 'supervisor' }), { outcome: 'proceeded' }))).toMatchObject({ kind: 'conflict', code: 'intervention_signed' });
    expect(refusal(() => decideEdit(undefined, { outcome: 'proceeded' }))).toMatchObject({ kind: 'not_found', code: 'unknown_intervention' });
  });

  it('is signed once, over every field a person filled in', () => {
    const [signed] = decideSign(recorded());
    expect(signed).toEqual({ type: 'intervention.signed', id: 'f1', contentHash: contentHash(interventionContent(recorded())) });
    // Another outcome, band, ticket or note would be another hash: an edit after signing is found.
    for (const change of [{ outcome: 'proceeded' as const }, { amountBand: 'unknown' as const }, { ticket: null }, { note: 'other' }]) {
      expect(contentHash(interventionContent(recorded(change)))).not.toBe((signed as { contentHash: string }).contentHash);
    }
    expect(refusal(() => checkSignable(recorded({ status: 'signed', signedBy: 'supervisor' }))).message).toContain('signed by supervisor');
    expect(refusal(() => decideSign(recorded({ status: 'signed' }))).code).toBe('intervention_signed');
  });

  it('counts a period by outcome, and how many are signed', () => {
    const list = [recorded(), recorded({ status: 'signed' }), recorded({ outcome: 'proceeded' }), recorded({ outcome: 'police_called', status: 'signed' })];
    expect(fraudFigures(list)).toEqual({ interventions: 4, signed: 2, dissuaded: 2, proceeded: 1, policeCalled: 1 });
    expect(fraudFigures([])).toEqual({ interventions: 0, signed: 0, dissuaded: 0, proceeded: 0, policeCalled: 0 });
  });
});
