// User text (branch and service names come from configuration) must not be read as
// receiptline markup: a `|` would split a column, a `{` start a property, a `^` enlarge.
const SPECIAL = /[\\|{}\-=~_"`^]/g;

export function escapeReceiptText(text: string): string {
  // Line breaks would start a new receiptline line: a name is always one line.
  return text.replace(/[\r\n\t]+/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
}
