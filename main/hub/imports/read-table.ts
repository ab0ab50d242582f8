// A file's rows, whatever the bank's software saved: a CSV (UTF-8 with or without BOM, or GBK;
// quoted fields with commas and line breaks; parsed by csv-parse) or an .xlsx (its first
// sheet, read by read-excel-file). Each row keeps the line a person finds it at: the CSV's line
// where the row starts (a quoted field's line breaks counted), or the sheet's row number.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { DomainError } from '../../common/errors.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportProblem, type ImportSource } from '../../common/imports.js';
import { decodeCsv } from './decode.js';
import { declaredUnzippedSize } from './zip-size.js';

/** A cell: text, or what a spreadsheet typed (a number, a date-time) for the columns that read it. */
export type Cell = string | number | Date | null;
export interface TableRow {
  line: number;
  cells: Cell[];
}
export interface Table {
  source: ImportSource;
  header: string[];
  rows: TableRow[];
  /** A problem that stops the file being read further (an unclosed quote). */
  problems: ImportProblem[];
}

const unreadable = (what: string) => new DomainError('invalid', 'unreadable_file', `The file is not a CSV or an .xlsx workbook: ${what}.`);

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function blank(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

const LINE_BREAK = /\r\n|\r|\n/g;

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeCsv(bytes);
  // A NUL never appears in text a spreadsheet saves: this is some other binary (a .xls, a PDF…).
  if (text.includes('\u0000')) throw unreadable('it holds binary data (an old .xls? save it as .xlsx or CSV)');
  const rows: TableRow[] = [];
  const problems: ImportProblem[] = [];
  // csv-parse counts the lines a record ends on, but counts a CRLF inside quotes as two lines;
  // `crlf` undoes that over-count, and a record starts its own line breaks before its end.
  let crlf = 0;
  let lastEnd = 0;
  try {
    parse(text, {
      relax_column_count: true, // a row with a field too many or too few is reported by line, not thrown
      relax_quotes: true, // 王总"VIP" unquoted, as Excel writes it
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      to: IMPORT_MAX_ROWS + 2,
      // Collected as they come, so the rows before an unclosed quote are still kept.
      on_record: (record: string[], context) => {
        crlf += record.reduce((n, f) => n + (f.match(/\r\n/g)?.length ?? 0), 0);
        lastEnd = context.lines - crlf;
        const breaks = record.reduce((n, f) => n + (f.match(LINE_BREAK)?.length ?? 0), 0);
        rows.push({ line: lastEnd - breaks, cells: record });
        return record;
      },
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'CSV_QUOTE_NOT_CLOSED' && code !== 'CSV_INVALID_CLOSING_QUOTE') throw unreadable('it is not valid CSV');
    // The open quote starts after the last row read whole.
    problems.push({ line: lastEnd + 1, code: 'unclosed_quote' });
  }
  const [head, ...body] = rows;
  return { source: { format: 'csv', encoding }, header: (head?.cells ?? []).map(String), rows: body, problems };
}

/** More than a register of IMPORT_MAX_ROWS rows can hold once unzipped: refused before inflating. */
const MAX_UNZIPPED = 64_000_000;

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  if ((declaredUnzippedSize(bytes) ?? 0) > MAX_UNZIPPED) throw new DomainError('invalid', 'workbook_too_large', 'The workbook unzips to more than 64 MB; save only the sheet to import.');
  let data: Cell[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Cell[][];
  } catch {
    throw unreadable('the workbook cannot be opened (is it an .xlsx saved by Excel or WPS?)');
  }
  const rows = data.map((cells, i) => ({ line: i + 1, cells })).filter((r) => !blank(r.cells));
  const [head, ...body] = rows;
  const header = (head?.cells ?? []).map((c) => (c === null ? '' : String(c)));
  return { source: { format: 'xlsx', encoding: null }, header, rows: body, problems: [] };
}

/** The file's rows after its header line; refuses with `unreadable_file` what is neither kind. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.length > IMPORT_MAX_BYTES) throw new DomainError('invalid', 'file_too_large', 'The file is larger than 2 MB.');
  const table = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if (table.header.every((h) => h.trim() === '')) throw unreadable('it has no header line');
  const rows = table.rows.filter((r) => !blank(r.cells));
  if (rows.length > IMPORT_MAX_ROWS) throw new DomainError('invalid', 'too_many_rows', `The file has more than ${IMPORT_MAX_ROWS} rows; split it.`);
  return { ...table, rows };
}

/** The bytes an import body carries: base64 `file`, or `csv` text as given. */
export function bytesOf(body: { file: string } | { csv: string }): Uint8Array {
  return 'file' in body ? Buffer.from(body.file, 'base64') : Buffer.from(body.csv, 'utf8');
}
