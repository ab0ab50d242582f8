// Imports of the files a bank really has (the VIP register, appointments), from a CRM export
// or Excel: the request body, the preview and the problems found, by line. Shared by the hub,
// which checks them, and the admin's screen, which words the problems in its own language.
import { z } from 'zod';

/** The largest file an import takes (2 MB: a register of ~20 000 customers as CSV). */
export const IMPORT_MAX_BYTES = 2_000_000;
/** Base64 grows a file by 4/3; the JSON around it is small. */
export const IMPORT_MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;
/** At most this many rows: a bigger file is another kind of job (and a zip bomb stops here). */
export const IMPORT_MAX_ROWS = 20_000;
/** The preview shows the first rows as they will be imported, and at most this many problems. */
export const PREVIEW_ROWS = 10;
export const PREVIEW_PROBLEMS = 200;

/**
 * Decision: the file travels as base64 inside JSON, not as a raw body, so every route keeps
 * one content type, zod checks it, and the typed client sends it like any other body.
 * `csv` (text, already decoded) is kept for callers that post a register as text.
 */
export const ImportFile = z.union([
  z.strictObject({
    file: z.string().min(1).max(IMPORT_MAX_BASE64, 'the file is larger than 2 MB').regex(/^[A-Za-z0-9+/]+={0,2}$/, 'the file is base64'),
    /** Import the rows without problems and leave out the others (default: a problem writes nothing). */
    onlyValid: z.boolean().default(false),
  }),
  z.strictObject({ csv: z.string().min(1).max(IMPORT_MAX_BYTES), onlyValid: z.boolean().default(false) }),
]);
export type ImportFile = z.infer<typeof ImportFile>;

/** What can be wrong in a row (or, at line 1, in the header). The screen words each code. */
export const PROBLEM_CODES = [
  'missing_column', // `column` is a column the file must have
  'fields', // the row has `found` fields, the header `expected`
  'unclosed_quote',
  'title',
  'card',
  'phone',
  'no_number',
  'duplicate', // the same `column` number as line `other`
  'number_as_number', // an Excel cell holds a long number as a number: digits are lost
  'service',
  'date_time',
  'past',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const ImportProblem = z.strictObject({
  /** The line of the CSV file (a quoted field's line breaks counted), or the sheet's row number. */
  line: z.number().int(),
  code: z.enum(PROBLEM_CODES),
  column: z.string().optional(),
  other: z.number().int().optional(),
  found: z.number().int().optional(),
  expected: z.number().int().optional(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** How the file was read: the format, and for a CSV the encoding found. */
export const ImportSource = z.strictObject({ format: z.enum(['csv', 'xlsx']), encoding: z.enum(['utf-8', 'gbk']).nullable() });
export type ImportSource = z.infer<typeof ImportSource>;

/** A preview: nothing written. `rows` is how many would be imported, `sample` the first of them. */
export function previewAnswer<S extends z.ZodType>(sample: S) {
  return z.strictObject({
    source: ImportSource,
    rows: z.number().int(),
    sample: z.array(sample),
    problems: z.array(ImportProblem),
    /** Lines with a problem (the list above stops at PREVIEW_PROBLEMS). */
    badLines: z.number().int(),
    /** Header names no column of this import has: left out. */
    ignored: z.array(z.string()),
  });
}

/** A VIP as the preview shows them: numbers only as their last four digits. */
export const VipSample = z.strictObject({
  line: z.number().int(),
  title: z.string(),
  card: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.array(z.string()),
  tags: z.array(z.string()),
});
export type VipSample = z.infer<typeof VipSample>;
export const AppointmentSample = z.strictObject({ line: z.number().int(), service: z.string(), at: z.string(), phone: z.string().nullable() });
export type AppointmentSample = z.infer<typeof AppointmentSample>;
export const ImportedAppointment = z.strictObject({ code: z.string(), service: z.string(), at: z.string() });
export type ImportedAppointment = z.infer<typeof ImportedAppointment>;
