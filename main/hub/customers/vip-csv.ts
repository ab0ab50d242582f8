// The VIP register as the admin exports it from the bank's CRM: a CSV with a header line
// `title,card,phone,notes,tags` (notes and tags separated by ';'). Every row is checked
// before anything is written; a bad row is reported by its line number.
export interface VipRow {
  line: number;
  title: string;
  card: string | null;
  phone: string | null;
  notes: string[];
  tags: string[];
}

export class CsvError extends Error {}

/** RFC 4180 fields: quotes around a field, "" inside quotes. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) throw new CsvError('an unclosed quote');
  out.push(field);
  return out.map((f) => f.trim());
}

const list = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);

export function parseVipCsv(text: string): VipRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const want = ['title', 'card', 'phone', 'notes', 'tags'];
  if (want.some((h, i) => header[i] !== h)) throw new CsvError(`line 1: the header must be "${want.join(',')}".`);
  const rows: VipRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i]!.trim() === '') continue;
    let f: string[];
    try {
      f = splitCsvLine(lines[i]!);
    } catch (e) {
      throw new CsvError(`line ${line}: ${(e as Error).message}.`);
    }
    if (f.length !== 5) throw new CsvError(`line ${line}: expected 5 fields, found ${f.length}.`);
    const [title, card, phone, notes, tags] = f as [string, string, string, string, string];
    if (!title || title.length > 20) throw new CsvError(`line ${line}: the title (e.g. 王先生) is missing or longer than 20 characters.`);
    const cardDigits = card.replace(/[\s-]/g, '');
    if (cardDigits && !/^\d{12,19}$/.test(cardDigits)) throw new CsvError(`line ${line}: the card number must be 12 to 19 digits.`);
    const phoneDigits = phone.replace(/[\s-]/g, '');
    if (phoneDigits && !/^\+?\d{7,15}$/.test(phoneDigits)) throw new CsvError(`line ${line}: the phone number must be 7 to 15 digits.`);
    if (!cardDigits && !phoneDigits) throw new CsvError(`line ${line}: give a card number, a phone number or both.`);
    rows.push({ line, title, card: cardDigits || null, phone: phoneDigits || null, notes: list(notes), tags: list(tags) });
  }
  if (rows.length === 0) throw new CsvError('the file has no customers after its header line.');
  return rows;
}
