// A queue ticket in receiptline markup: Chinese first, English under it, the number in
// double size, people ahead, the estimate range, the time, the QR code, a line of tips, a cut.
// receiptline was chosen for its CJK support (GB18030); see README "The kiosk, the calling display and printing".
import type { TicketPrintData } from '../common/print.js';
import { escapeReceiptText as esc } from './escape.js';
import { NEAR_TURN_AHEAD } from '../common/near-turn.js';

/** Where the QR code goes: SVG previews draw it with receiptline, ESC/POS uses GS ( k. */
export type QrPlacement = 'receiptline' | 'split';

export interface TicketDocument {
  /** Everything above the QR code. */
  head: string;
  /** Everything below it. */
  tail: string;
  /** The whole ticket with receiptline's own QR, for SVG previews. */
  whole: string;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time: the ticket is read in the branch. */
export function printedTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * The lines under "people ahead": the range of the wait; or, when no counter serves the service
 * now, that its counters are not open and when they open (a number would be a guess at when a
 * teller sits down), in two short lines a language so that a 58 mm roll does not wrap them.
 */
function estimateLines(t: TicketPrintData): string[] {
  const e = t.estimate;
  if (!e) return ['请留意叫号', 'Please listen for your number'];
  if (e.closed) {
    const at = e.closed.opensAt;
    return [
      `${t.serviceZh}窗口暂未开放`,
      at === null ? '开放后将依次叫号' : `预计 ${at} 开放`,
      `${t.serviceEn} counters are not open yet`,
      at === null ? 'Numbers are called once they open' : `Expected to open at ${at}`,
    ];
  }
  return [`预计等候 ${e.low}–${e.high} 分钟`, `Estimated wait ${e.low}–${e.high} min`];
}

export function ticketDocument(t: TicketPrintData): TicketDocument {
  const head = [
    `^^${esc(t.branchZh)}`,
    `| ${esc(t.branchEn)} |`,
    '-',
    `| ${esc(t.serviceZh)} ${esc(t.serviceEn)} |`,
    `^^^${esc(t.number)}`,
    `| 您前面还有 ${t.ahead} 人 |`,
    `| ${t.ahead} ${t.ahead === 1 ? 'person' : 'people'} ahead of you |`,
    ...estimateLines(t).map((line) => `| ${esc(line)} |`),
    `| ${printedTime(t.issuedAt)} |`,
    '',
  ].join('\n');
  const tail = [
    '| 扫码查看排队进度 Scan to follow your place |',
    // The phone page's reminder (issue 17.3; 3 is NEAR_TURN_AHEAD, main/common/near-turn.ts).
    `| 前面还有 ${NEAR_TURN_AHEAD} 位时手机可提醒您 |`,
    `| Your phone can remind you when ${NEAR_TURN_AHEAD} are ahead |`,
    '-',
    '请留意叫号屏和语音，过号请到大堂经理处。',
    'Watch the display; if you miss your call, see the lobby manager.',
    '=',
    '',
  ].join('\n');
  const qr = `{code:${esc(t.statusUrl)}; option:qrcode,6,m}\n`;
  return { head, tail, whole: `${head}${qr}${tail}` };
}
