// Which clips make up the spoken call "A012 请到 3 号窗口" / "A012 please go to counter 3".
// Pure, so the words are unit-tested; the clips themselves are resources/voice/*.ogg, made
// by scripts/make-voice-clips.mjs. Mandarin first, then English, as the issue asks.

export const CHIME = 'chime';
/** Decision: each call is spoken twice (both languages each time), after one chime. */
export const DEFAULT_REPEATS = 2;

const isDigits = (s: string) => /^\d+$/.test(s);

function zhNumber(n: string): string[] {
  if (!isDigits(n) || n.length > 2 || (n.length === 2 && n[0] === '0')) return n.split('').flatMap(zhChar);
  const v = Number(n);
  if (v <= 10) return [v === 10 ? 'zh/10' : `zh/${v}`];
  const tens = Math.floor(v / 10);
  const ones = v % 10;
  // 十二 (12), 二十 (20), 二十三 (23): how counters are announced in Mandarin.
  return [...(tens > 1 ? [`zh/${tens}`] : []), 'zh/10', ...(ones > 0 ? [`zh/${ones}`] : [])];
}

function enNumber(n: string): string[] {
  if (!isDigits(n) || n.length > 2 || (n.length === 2 && n[0] === '0')) return n.split('').flatMap(enChar);
  const v = Number(n);
  if (v < 20) return [`en/${v}`];
  const ones = v % 10;
  return [`en/${v - ones}`, ...(ones > 0 ? [`en/${ones}`] : [])];
}

function zhChar(c: string): string[] {
  return /^[0-9A-Z]$/.test(c) ? [`zh/${c}`] : [];
}
function enChar(c: string): string[] {
  return /^[0-9A-Z]$/.test(c) ? [`en/${c}`] : [];
}

/** One sentence in one language. The ticket is read character by character (A 零 一 二). */
export function sentence(language: 'zh' | 'en', ticket: string, counter: string): string[] {
  const chars = ticket.toUpperCase().split('');
  if (language === 'zh') return [...chars.flatMap(zhChar), 'zh/please-go-to', ...zhNumber(counter), 'zh/counter'];
  return [...chars.flatMap(enChar), 'en/please-go-to-counter', ...enNumber(counter)];
}

/** The whole announcement: a chime, then Mandarin and English, `repeats` times. */
export function announcement(ticket: string, counter: string, repeats = DEFAULT_REPEATS): string[] {
  const once = [...sentence('zh', ticket, counter), ...sentence('en', ticket, counter)];
  return [CHIME, ...Array.from({ length: Math.max(1, repeats) }, () => once).flat()];
}

/** Where the hub serves a clip. */
export function clipUrl(clip: string): string {
  return `/voice/${clip}.ogg`;
}
