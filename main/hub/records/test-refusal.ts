// For the decisions' unit tests: what a refusal says, or a failure when there was none.
import { DomainError } from '../../common/errors.js';

export function refusal(run: () => unknown): { kind: string; code: string; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return { kind: e.kind, code: e.code, message: e.message };
    throw e;
  }
  throw new Error('it was not refused');
}
