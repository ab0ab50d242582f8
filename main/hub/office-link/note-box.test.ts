// A shared note's box opens with the organisation's secret it was sealed under, and with no
// other; an altered box does not open (GCM's tag), so a note is never half-read.
import { describe, expect, it } from 'vitest';
import { openBox, sealBox } from './note-box.js';

const ORG = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

describe('a shared note box', () => {
  it('opens with its secret only, and not once altered', () => {
    const box = sealBox(ORG, { title: '王先生', notes: '常忘记密码' });
    expect(box).not.toContain('王先生');
    expect(openBox(ORG, box)).toEqual({ title: '王先生', notes: '常忘记密码' });
    expect(openBox(OTHER, box)).toBeNull();
    const raw = Buffer.from(box.slice(5), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(openBox(ORG, `box1.${raw.toString('base64')}`)).toBeNull();
    expect(openBox(ORG, 'enc1.something')).toBeNull();
    // Two seals of one note differ (a fresh IV each), so equal notes are not visible as equal.
    expect(sealBox(ORG, { title: 'x', notes: 'y' })).not.toBe(sealBox(ORG, { title: 'x', notes: 'y' }));
  });
});
