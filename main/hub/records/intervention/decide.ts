// Fraud interventions (反诈劝阻记录): the manager or supervisor records what happened when the
// lobby stepped in (the customer was dissuaded, went ahead, or the police were called) with
// the amount's band; a supervisor signs it with their own PIN. Corrections are allowed until
// the signature, none after: the signature covers every field a person filled in.
import type { FraudFigures, FraudIntervention, FraudOutcome, InterventionFields } from '../../../common/fraud.js';
import type { RecordsEvent } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';
import { contentHash, interventionContent } from '../signing.js';

export function existing(i: FraudIntervention | undefined): FraudIntervention {
  if (!i) throw new DomainError('not_found', 'unknown_intervention', 'There is no such fraud intervention.');
  return i;
}

/**
 * `ticket`: the number as given, already checked against today's tickets by the caller (the
 * rule needs the lobby's day, which a decision does not hold). `note` arrives sealed.
 */
export function decideRecord(fields: InterventionFields, cmd: { id: string; date: string }): RecordsEvent[] {
  return [{ type: 'intervention.recorded', id: cmd.id, date: cmd.date, fields }];
}

function signedRefusal(i: FraudIntervention): DomainError {
  return new DomainError('conflict', 'intervention_signed', `This intervention was signed by ${i.signedBy}: it can no longer be changed or signed again.`);
}

/** A correction before the signature: only the fields given, and only when they change something. */
export function decideEdit(found: FraudIntervention | undefined, fields: Partial<InterventionFields>): RecordsEvent[] {
  const i = existing(found);
  if (i.status === 'signed') throw signedRefusal(i);
  const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && v !== i[k as keyof InterventionFields])) as Partial<InterventionFields>;
  return Object.keys(changed).length > 0 ? [{ type: 'intervention.edited', id: i.id, fields: changed }] : [];
}

/** Whether it may be signed, checked before the signer's PIN is (a wrong PIN then changes nothing either). */
export function checkSignable(found: FraudIntervention | undefined): FraudIntervention {
  const i = existing(found);
  if (i.status === 'signed') throw signedRefusal(i);
  return i;
}

/** The signature, over the record as it stands after the PIN check. */
export function decideSign(found: FraudIntervention | undefined): RecordsEvent[] {
  const i = checkSignable(found);
  return [{ type: 'intervention.signed', id: i.id, contentHash: contentHash(interventionContent(i)) }];
}

/** The reports' counts of a period's interventions. */
export function fraudFigures(interventions: readonly FraudIntervention[]): FraudFigures {
  const count = (o: FraudOutcome) => interventions.filter((i) => i.outcome === o).length;
  return {
    interventions: interventions.length,
    signed: interventions.filter((i) => i.status === 'signed').length,
    dissuaded: count('dissuaded'),
    proceeded: count('proceeded'),
    policeCalled: count('police_called'),
  };
}
