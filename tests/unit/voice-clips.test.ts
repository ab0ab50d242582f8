// The display's spoken call, end to end on the hub side: every clip the sequence names is
// shipped and served, and the whole announcement's length measured with sox (soxi).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement } from '../../renderer/display/voice/sequence.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const dir = path.resolve(import.meta.dirname, '../../resources/voice');
const seconds = (clip: string) => Number(execFileSync('soxi', ['-D', path.join(dir, `${clip}.ogg`)], { encoding: 'utf8' }));

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('voice clips', () => {
  it('serves every clip of "A012 请到 3 号窗口" and refuses made-up paths', async () => {
    for (const clip of new Set(announcement('A012', '3'))) {
      const res = await fetch(`${hub.url}/voice/${clip}.ogg`);
      expect(res.status, clip).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/ogg');
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('OggS');
    }
    for (const bad of ['/voice/zh/%2e%2e%2fpackage.json', '/voice/zh/nothing.ogg', '/voice/fr/A.ogg']) {
      expect((await fetch(hub.url + bad)).status, bad).toBe(404);
    }
  });

  it('every letter, digit and counter number 1–99 has its clips, and the call lasts a few seconds per language', () => {
    const all = new Set<string>();
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') for (let c = 1; c <= 99; c += 1) announcement(`${letter}0123456789`, String(c), 1).forEach((x) => all.add(x));
    for (const clip of all) expect(seconds(clip), clip).toBeGreaterThan(0.1);

    const once = announcement('A012', '3', 1).slice(1);
    const zh = once.filter((c) => c.startsWith('zh/')).reduce((s, c) => s + seconds(c), 0);
    const en = once.filter((c) => c.startsWith('en/')).reduce((s, c) => s + seconds(c), 0);
    const total = announcement('A012', '3').reduce((s, c) => s + seconds(c), 0);
    console.log(`A012 → counter 3: chime ${seconds('chime').toFixed(2)} s, Mandarin ${zh.toFixed(2)} s, English ${en.toFixed(2)} s, whole call twice ${total.toFixed(2)} s`);
    // Long enough to be words, short enough that a queue of calls does not fall behind.
    expect(zh).toBeGreaterThan(2);
    expect(zh).toBeLessThan(8);
    expect(en).toBeGreaterThan(2);
    expect(en).toBeLessThan(8);
    expect(total).toBeCloseTo(seconds('chime') + 2 * (zh + en), 5);
  });
});
