// The appointment codes an import booked, as a CSV the branch opens in Excel to send each
// customer their code: code, time (the branch's clock), service. Never a phone number.
// A UTF-8 BOM, so Excel on a Chinese Windows shows the service names rather than mojibake.
import type { ImportedAppointment } from '../../main/common/imports';

const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function codesCsv(created: ImportedAppointment[], header: [string, string, string], serviceName: (code: string) => string): string {
  const lines = [header, ...created.map((c) => [c.code, localTime(c.at), serviceName(c.service)])].map((cells) => cells.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offers the text as a file download (the browser's own "save as"). */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
