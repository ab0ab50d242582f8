import { describe, expect, it } from 'vitest';
import { announcement, sentence } from './sequence';

describe('call clip sequence', () => {
  it('speaks "A012 请到 3 号窗口" then "A012 please go to counter 3", twice, after one chime', () => {
    const zh = ['zh/A', 'zh/0', 'zh/1', 'zh/2', 'zh/please-go-to', 'zh/3', 'zh/counter'];
    const en = ['en/A', 'en/0', 'en/1', 'en/2', 'en/please-go-to-counter', 'en/3'];
    expect(announcement('A012', '3')).toEqual(['chime', ...zh, ...en, ...zh, ...en]);
    expect(announcement('A012', '3', 1)).toEqual(['chime', ...zh, ...en]);
  });

  it('says two-digit counters as numbers in both languages', () => {
    expect(sentence('zh', 'B105', '12').slice(-4)).toEqual(['zh/please-go-to', 'zh/10', 'zh/2', 'zh/counter']);
    expect(sentence('zh', 'B1', '10').slice(-2)).toEqual(['zh/10', 'zh/counter']);
    expect(sentence('zh', 'B1', '20').slice(-3)).toEqual(['zh/2', 'zh/10', 'zh/counter']);
    expect(sentence('zh', 'B1', '35').slice(-4)).toEqual(['zh/3', 'zh/10', 'zh/5', 'zh/counter']);
    expect(sentence('en', 'B1', '12').slice(-1)).toEqual(['en/12']);
    expect(sentence('en', 'B1', '47').slice(-2)).toEqual(['en/40', 'en/7']);
    expect(sentence('en', 'B1', '30').slice(-1)).toEqual(['en/30']);
  });

  it('reads a counter that is not a plain number character by character, and drops what it cannot say', () => {
    expect(sentence('en', 'v7', 'VIP1').slice(0, 2)).toEqual(['en/V', 'en/7']);
    expect(sentence('en', 'V7', 'VIP1').slice(-4)).toEqual(['en/V', 'en/I', 'en/P', 'en/1']);
    expect(sentence('zh', 'A-1', '2')).toEqual(['zh/A', 'zh/1', 'zh/please-go-to', 'zh/2', 'zh/counter']);
  });
});
