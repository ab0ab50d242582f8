// The one rule of every import: a file with a problem writes nothing, unless the admin chose
// to import only its valid rows; a file with nothing to import writes nothing either. A
// problem of the whole file (a missing column, an unclosed quote) is never skipped over.
import { DomainError } from '../../common/errors.js';
import type { ImportProblem } from '../../common/imports.js';

const SENTENCES: Record<ImportProblem['code'], (p: ImportProblem) => string> = {
  missing_column: (p) => `the file has no "${p.column}" column`,
  fields: (p) => `${p.found} fields where the header has ${p.expected}`,
  unclosed_quote: () => 'a quote opened here is never closed',
  title: () => 'the title (e.g. 王先生) is missing or longer than 20 characters',
  card: () => 'the card number must be 12 to 19 digits',
  phone: () => 'the phone number must be 7 to 15 digits',
  no_number: () => 'give a card number, a phone number or both',
  duplicate: (p) => `the same ${p.column} number is on line ${p.other}`,
  number_as_number: (p) => `the ${p.column} number is stored as a number and has lost digits; format the column as text`,
  service: () => 'there is no such service',
  date_time: () => 'the date and time must read like 2026-12-02 09:30',
  past: () => 'the time is in the past',
};

/** English, for the API's callers; the admin's screen words the codes itself. */
export function problemSentence(p: ImportProblem): string {
  return `line ${p.line}: ${SENTENCES[p.code](p)}.`;
}

/** Throws unless the rows may be written; answers how many lines were left out. */
export function refuseProblems(problems: ImportProblem[], rows: number, onlyValid: boolean): number {
  const whole = problems.find((p) => p.code === 'missing_column' || p.code === 'unclosed_quote');
  const first = whole ?? problems[0];
  if (first && (whole || !onlyValid)) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DomainError('invalid', 'invalid_rows', `${problemSentence(first)}${more} Nothing was imported.`);
  }
  if (rows === 0) throw new DomainError('invalid', 'nothing_to_import', 'The file has no rows to import after its header line.');
  return new Set(problems.map((p) => p.line)).size;
}
