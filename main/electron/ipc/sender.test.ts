import { describe, expect, it } from 'vitest';
import { eventFrom, HUB } from '../testing/ipc-event.js';
import { assertFromHub, IpcRefused, originOf } from './sender.js';

describe('assertFromHub', () => {
  it('accepts the top frame of a page on the hub origin and returns that origin', () => {
    expect(assertFromHub('settings:get', eventFrom(`${HUB}/kiosk?x=1`), HUB)).toBe(HUB);
  });
  it.each([
    ['another host', 'http://evil.example:4180/kiosk'],
    ['another port', 'http://127.0.0.1:4181/kiosk'],
    ['another scheme', 'https://127.0.0.1:4180/kiosk'],
    ['a file page', 'file:///etc/passwd'],
    ['a data page', 'data:text/html,hi'],
    ['about:blank', 'about:blank'],
  ])('refuses %s', (_what, url) => {
    expect(() => assertFromHub('settings:get', eventFrom(url), HUB)).toThrow(IpcRefused);
  });
  it('refuses a subframe even on the hub origin, and a frame that is gone', () => {
    expect(() => assertFromHub('settings:get', eventFrom(`${HUB}/x`, { subframe: true }), HUB)).toThrow(IpcRefused);
    expect(() => assertFromHub('settings:get', eventFrom('', { gone: true }), HUB)).toThrow(/gone/);
  });
  it('originOf ignores non-http schemes', () => {
    expect(originOf('http://a:1/b')).toBe('http://a:1');
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
