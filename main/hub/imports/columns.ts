// Which column is which, by the header's names: a CRM export has its own order, Chinese
// headers and columns of its own. Names are matched without case or spaces; columns no import
// knows are left out (the preview lists them), a column the import needs is a problem at line 1.
import type { ImportProblem } from '../../common/imports.js';
import type { Cell, TableRow } from './read-table.js';

const norm = (s: string) => s.replace(/[\s_\-（）()]/g, '').toLowerCase();

export type Columns<K extends string> = Partial<Record<K, number>>;

/** Each wanted column's index, from its names; `ignored` are the header's other names. */
export function findColumns<K extends string>(header: string[], names: Record<K, readonly string[]>): { columns: Columns<K>; ignored: string[] } {
  const columns: Columns<K> = {};
  const used = new Set<number>();
  for (const key of Object.keys(names) as K[]) {
    const wanted = names[key].map(norm);
    const i = header.findIndex((h, j) => !used.has(j) && wanted.includes(norm(h)));
    if (i >= 0) {
      columns[key] = i;
      used.add(i);
    }
  }
  return { columns, ignored: header.filter((h, j) => !used.has(j) && h.trim() !== '') };
}

export const missing = (column: string): ImportProblem => ({ line: 1, code: 'missing_column', column });

/** A row's cell in a column (null when the column or the cell is absent). */
export function cellOf<K extends string>(row: TableRow, columns: Columns<K>, key: K): Cell {
  const i = columns[key];
  return i === undefined ? null : (row.cells[i] ?? null);
}

/** A row with more fields than the header (an unquoted comma) or fewer: a problem, by line. */
export function fieldCount(row: TableRow, header: string[]): ImportProblem | null {
  const found = row.cells.length;
  // A spreadsheet leaves trailing empty cells out, and a CSV row may end early on empty fields' commas: only text past the header counts.
  const extra = row.cells.slice(header.length).some((c) => c !== null && String(c).trim() !== '');
  if (extra) return { line: row.line, code: 'fields', found, expected: header.length };
  return null;
}

/** Text of a cell: a number as its digits, a date-time never (the caller reads those). */
export function textOf(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}
