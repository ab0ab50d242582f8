// The VIP register's rows, from the table a CRM export or Excel gives: columns found by name
// (title/称呼, card/卡号, phone/手机号, notes/备注, tags/标签; notes and tags separated by ';'
// or '；'). Every row is checked; a bad row is a problem at its line, never a thrown error, so
// the preview lists them all.
import type { ImportProblem } from '../../common/imports.js';
import { cellOf, fieldCount, findColumns, missing, textOf } from '../imports/columns.js';
import type { Cell, Table } from '../imports/read-table.js';

export interface VipRow {
  line: number;
  title: string;
  card: string | null;
  phone: string | null;
  notes: string[];
  tags: string[];
}

export const VIP_COLUMNS = {
  title: ['title', '称呼', '客户称呼', '姓名'],
  card: ['card', 'card number', '卡号', '银行卡号'],
  phone: ['phone', 'mobile', '手机', '手机号', '手机号码', '电话'],
  notes: ['notes', '备注'],
  tags: ['tags', '标签'],
} as const;

const list = (s: string) =>
  s
    .split(/[;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * A card or phone number's digits. A spreadsheet may hold it as a number: above 2^53 its last
 * digits are already lost (Excel keeps 15), so such a cell is refused, never imported wrong.
 */
function digitsOf(cell: Cell): { digits: string } | { lost: true } {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? { digits: String(cell) } : { lost: true };
  return { digits: textOf(cell).replace(/[\s-]/g, '') };
}

export function vipRowsOf(table: Table): { rows: VipRow[]; problems: ImportProblem[]; ignored: string[] } {
  const { columns, ignored } = findColumns(table.header, VIP_COLUMNS);
  const problems: ImportProblem[] = [...table.problems];
  if (columns.title === undefined) problems.push(missing('title'));
  if (columns.card === undefined && columns.phone === undefined) problems.push(missing('card'));
  if (problems.some((p) => p.code === 'missing_column')) return { rows: [], problems, ignored };
  const rows: VipRow[] = [];
  for (const row of table.rows) {
    const bad = (p: Omit<ImportProblem, 'line'>) => problems.push({ line: row.line, ...p });
    const count = fieldCount(row, table.header);
    if (count) {
      problems.push(count);
      continue;
    }
    const title = textOf(cellOf(row, columns, 'title'));
    const card = digitsOf(cellOf(row, columns, 'card'));
    const phone = digitsOf(cellOf(row, columns, 'phone'));
    if (!title || title.length > 20) bad({ code: 'title' });
    else if ('lost' in card) bad({ code: 'number_as_number', column: 'card' });
    else if ('lost' in phone) bad({ code: 'number_as_number', column: 'phone' });
    else if (card.digits && !/^\d{12,19}$/.test(card.digits)) bad({ code: 'card' });
    else if (phone.digits && !/^\+?\d{7,15}$/.test(phone.digits)) bad({ code: 'phone' });
    else if (!card.digits && !phone.digits) bad({ code: 'no_number' });
    else {
      const [notes, tags] = [textOf(cellOf(row, columns, 'notes')), textOf(cellOf(row, columns, 'tags'))];
      rows.push({ line: row.line, title, card: card.digits || null, phone: phone.digits || null, notes: list(notes), tags: list(tags) });
    }
  }
  return { rows, problems, ignored };
}
