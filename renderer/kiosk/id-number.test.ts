import { describe, expect, it } from 'vitest';
import { idBirthDateOk, idChecksumOk, idNumberOk } from './id-number';

const TODAY = new Date(2026, 11, 2);

describe('resident ID number', () => {
  it('accepts right check characters, X included', () => {
    expect(idChecksumOk('11010519491231002X')).toBe(true);
    expect(idChecksumOk('110105198001010016')).toBe(true);
  });

  it('refuses a wrong check character, a short number and a letter other than X', () => {
    expect(idChecksumOk('110105198001010017')).toBe(false);
    expect(idChecksumOk('11010519800101001')).toBe(false);
    expect(idChecksumOk('11010519800101001Y')).toBe(false);
  });

  it('refuses impossible and future birth dates', () => {
    expect(idBirthDateOk('110105198002300016', TODAY)).toBe(false); // 30 February
    expect(idBirthDateOk('11010520300101001X', TODAY)).toBe(false); // 2030
    expect(idBirthDateOk('110105189912310016', TODAY)).toBe(false); // before 1900
    expect(idNumberOk('11010519491231002X', TODAY)).toBe(true);
  });
});
