#!/usr/bin/env node
// Builds the calling display's (and the satisfaction pad's and the kiosk's) voice clips into resources/voice/ with espeak-ng and sox, so
// the display speaks with no network. The clips are committed; run this again only to change
// a voice: `node scripts/make-voice-clips.mjs` (needs espeak-ng and sox on the PATH).
//
// Decision: the call is spoken from short clips, joined by the display at play time, rather
// than one clip per ticket and counter: 26 letters × 999 numbers × counters would not ship.
// Mandarin reads the ticket digit by digit (A零一二) and the counter as a number (十二号窗口),
// as Chinese branches announce; English reads digits one by one too ("A zero one two").
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'resources', 'voice');
const tmp = path.join(os.tmpdir(), `atrium-voice-${process.pid}`);
mkdirSync(tmp, { recursive: true });

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = { 20: 'twenty', 30: 'thirty', 40: 'forty', 50: 'fifty', 60: 'sixty', 70: 'seventy', 80: 'eighty', 90: 'ninety' };

/** [voice, file (without extension), text] */
const clips = [
  ...LETTERS.map((l) => ['cmn', `zh/${l}`, l]),
  ...ZH_DIGITS.map((d, i) => ['cmn', `zh/${i}`, d]),
  ['cmn', 'zh/10', '十'],
  ['cmn', 'zh/please-go-to', '请到'],
  ['cmn', 'zh/counter', '号窗口'],
  ...LETTERS.map((l) => ['en-gb', `en/${l}`, l]),
  ...EN_NUMBERS.map((w, i) => ['en-gb', `en/${i}`, w]),
  ...Object.entries(EN_TENS).map(([n, w]) => ['en-gb', `en/${n}`, w]),
  ['en-gb', 'en/please-go-to-counter', 'please go to counter'],
  // The satisfaction pad's question after each service (renderer/rate), once per language.
  ['cmn', 'zh/please-rate', '请您对本次服务进行评价'],
  ['en-gb', 'en/please-rate', 'please rate our service'],
  // The kiosk's prompts to older customers and its anti-fraud question (renderer/kiosk, issue 14),
  // each step spoken once in the kiosk's language.
  ['cmn', 'zh/elderly-swipe', '请刷身份证'],
  ['en-gb', 'en/elderly-swipe', 'please swipe your ID card'],
  ['cmn', 'zh/elderly-choose', '请选择您要办理的业务'],
  ['en-gb', 'en/elderly-choose', 'please tap what you would like to do'],
  ['cmn', 'zh/fraud-warning', '有人让您把钱转到安全账户吗？这是诈骗。'],
  ['en-gb', 'en/fraud-warning', 'has someone asked you to move money to a safe account? That is a scam.'],
  ['cmn', 'zh/elderly-ticket', '请拿好号票，在等候区坐下休息'],
  ['en-gb', 'en/elderly-ticket', 'please take your ticket and have a seat'],
];

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'zh'), { recursive: true });
mkdirSync(path.join(out, 'en'), { recursive: true });

for (const [voice, name, text] of clips) {
  const wav = path.join(tmp, `${name.replace('/', '_')}.wav`);
  // Slightly slower than espeak's default: older customers must follow it in a noisy hall.
  run('espeak-ng', ['-v', voice, '-s', voice === 'cmn' ? '150' : '140', '-w', wav, text]);
  // Trim espeak's leading and trailing silence, so the joined clips sound like one sentence.
  run('sox', [wav, '-r', '22050', '-c', '1', path.join(out, `${name}.ogg`), 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'pad', '0', '0.06']);
}

// The chime: a soft two-tone "ding-dong" before each call, so heads turn before the words.
const ding = path.join(tmp, 'ding.wav');
const dong = path.join(tmp, 'dong.wav');
run('sox', ['-n', '-r', '22050', '-c', '1', ding, 'synth', '0.45', 'sine', '880', 'fade', 'q', '0.01', '0.45', '0.35', 'vol', '0.5']);
run('sox', ['-n', '-r', '22050', '-c', '1', dong, 'synth', '0.7', 'sine', '660', 'fade', 'q', '0.01', '0.7', '0.6', 'vol', '0.5']);
run('sox', [ding, dong, path.join(out, 'chime.ogg'), 'pad', '0', '0.2']);

rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${clips.length + 1} clips to ${path.relative(root, out)}/`);
