// The resident ID number's rules, as a table: check characters worked out by hand from the
// MOD 11-2 weights (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, remainder → 1 0 X 9 8 7 6 5 4 3 2).
import { describe, expect, it } from 'vitest';
import { ageOn, checkResidentId, residentIdCheckChar } from './resident-id.js';

const TODAY = '2026-03-07';

describe('checkResidentId', () => {
  it.each([
    // GB 11643's own example: the check character is X.
    ['11010519491231002X', '1949-12-31'],
    ['11010519491231002x', '1949-12-31'],
    ['110105195003071230', '1950-03-07'],
    ['320106196506060031', '1965-06-06'],
    // 29 February of a leap year is a real birthday.
    ['110105200002290013', '2000-02-29'],
    ['  110105200201010010 ', '2002-01-01'],
  ])('accepts %s, born %s', (id, birthDate) => {
    expect(checkResidentId(id, TODAY)).toEqual({ ok: true, birthDate });
  });

  it.each([
    ['a wrong check digit', '110105195003071231', 'checksum'],
    ['a digit where the check is X', '110105194912310020', 'checksum'],
    ['X where the check is a digit', '11010519500307123X', 'checksum'],
    ['two digits swapped', '110105159003071230', 'checksum'],
    ['30 February (check character right)', '110105198002300015', 'birth_date'],
    ['month 13 (check character right)', '11010519501301001X', 'birth_date'],
    ['a birth year before 1900 (the standard example of 1880)', '440524188001010014', 'birth_date'],
    ['a birth date after today', '110105209912310010', 'future_birth_date'],
    ['15 digits (first generation)', '110105491231002', 'format'],
    ['17 digits', '11010519500307123', 'format'],
    ['19 digits', '1101051950030712300', 'format'],
    ['a letter inside', '1101051950A3071230', 'format'],
    ['a letter as check other than X', '11010519491231002A', 'format'],
    ['X first', 'X10105194912310021', 'format'],
    ['letters only', 'ABCDEFGHIJKLMNOPQR', 'format'],
    ['full-width digits', '１１０１０５１９５００３０７１２３０', 'format'],
    ['empty', '', 'format'],
  ])('refuses %s', (_what, id, problem) => {
    expect(checkResidentId(id, TODAY)).toEqual({ ok: false, problem });
  });

  it('takes a birth date of today', () => {
    expect(checkResidentId(`110105${TODAY.replaceAll('-', '')}001${residentIdCheckChar(`110105${TODAY.replaceAll('-', '')}001`)}`, TODAY)).toEqual({ ok: true, birthDate: TODAY });
  });
});

describe('residentIdCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['11010519500307123', '0'],
    ['32010619650606003', '1'],
    ['11010519660307123', '9'],
  ])('%s → %s', (first17, check) => expect(residentIdCheckChar(first17)).toBe(check));
});

describe('ageOn', () => {
  it.each([
    ['1966-03-07', '2026-03-06', 59],
    ['1966-03-07', '2026-03-07', 60],
    ['1966-03-07', '2026-12-31', 60],
    ['1966-12-31', '2027-01-01', 60],
    // Born on 29 February: the birthday is 1 March in other years.
    ['1964-02-29', '2024-02-28', 59],
    ['1964-02-29', '2024-02-29', 60],
    ['1964-02-29', '2025-02-28', 60],
    ['1965-02-28', '2025-02-28', 60],
    ['1964-02-29', '2025-03-01', 61],
  ])('born %s, on %s: %i', (birth, today, age) => expect(ageOn(birth, today)).toBe(age));
});
