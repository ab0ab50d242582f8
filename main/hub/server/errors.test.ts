// The statuses API callers have always seen, by the kind of refusal the domain names: the one
// place a kind becomes HTTP, so a change here changes the contract.
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorKind } from '../../common/errors.js';
import { toErrorAnswer } from './errors.js';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_long: 414,
  too_many: 429,
  unavailable: 503,
};

describe('a domain refusal as an HTTP answer', () => {
  it.each(DOMAIN_ERROR_KINDS)('%s keeps its status, code and message', (kind) => {
    const answer = toErrorAnswer(new DomainError(kind, 'some_code', 'Said to the person at the screen.'));
    expect(answer).toEqual({ status: STATUS[kind], code: 'some_code', message: 'Said to the person at the screen.' });
  });

  it('an Error that is not a refusal is ours: a 500 that shows nothing of it', () => {
    expect(toErrorAnswer(Object.assign(new Error('SQLITE_CORRUPT at page 7'), { kind: 'invalid', code: 'x' }))).toEqual({
      status: 500,
      code: 'internal',
      message: 'Something went wrong inside the hub; it has been logged.',
    });
  });
});
