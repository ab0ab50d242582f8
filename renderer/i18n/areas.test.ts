import { describe, expect, it } from 'vitest';
import { mergeAreas } from './areas';

describe('mergeAreas', () => {
  it('adds a feature\'s strings beside the shared ones without dropping siblings', () => {
    const base = { app: { title: 'Atrium', language: '语言' }, kiosk: { welcome: '欢迎' } };
    const merged = mergeAreas(base, [{ 'zh-CN': { kiosk: { printing: '正在打印' } }, en: { kiosk: { printing: 'Printing' } } }], 'zh-CN');
    expect(merged).toEqual({ app: { title: 'Atrium', language: '语言' }, kiosk: { welcome: '欢迎', printing: '正在打印' } });
    expect(base.kiosk).toEqual({ welcome: '欢迎' });
  });
});
