import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./testing/fake-electron.js'));
const fake = await import('./testing/fake-electron.js');
const { contentSecurityPolicy, hardenAllWebContents, hardenWebContents, isHubUrl, secureSession } = await import('./security.js');
import type { App, Session, WebContents } from 'electron';

const HUB = 'http://127.0.0.1:4180';
const hub = () => HUB;

function harden() {
  const contents = new fake.FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, hub);
  return contents;
}

describe('navigation', () => {
  beforeEach(() => fake.resetFakeElectron());
  it('allows navigating within the hub origin', () => {
    expect(harden().fire('will-navigate', { url: `${HUB}/counter` })).toBe(false);
  });
  it.each(['http://evil.example/', 'http://127.0.0.1:4181/', 'https://127.0.0.1:4180/', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'prevents navigating to %s',
    (url) => {
      expect(harden().fire('will-navigate', { url })).toBe(true);
    },
  );
  it('prevents a redirect away from the hub, allows one within it', () => {
    const contents = harden();
    expect(contents.fire('will-redirect', { url: 'http://evil.example/' })).toBe(true);
    expect(contents.fire('will-redirect', { url: `${HUB}/kiosk` })).toBe(false);
  });
  it('denies window.open, even to the hub', () => {
    const contents = harden();
    expect(contents.windowOpenHandler?.({ url: `${HUB}/x` })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'http://evil.example/' })).toEqual({ action: 'deny' });
  });
  it('refuses <webview>', () => {
    expect(harden().fire('will-attach-webview')).toBe(true);
  });
  it('hardens every web contents the app creates', () => {
    hardenAllWebContents(fake.app as unknown as App, hub);
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', { url: 'http://evil.example/' })).toBe(true);
    expect(contents.windowOpenHandler?.({ url: HUB })).toEqual({ action: 'deny' });
  });
  it('isHubUrl compares origins, not prefixes', () => {
    expect(isHubUrl('http://127.0.0.1:4180.evil.example/', HUB)).toBe(false);
    expect(isHubUrl(`${HUB}/a/b?c`, `${HUB}/`)).toBe(true);
  });
});

describe('session', () => {
  beforeEach(() => fake.resetFakeElectron());
  const ses = () => fake.session.defaultSession;

  it('adds the CSP header to every response, replacing another spelling of it', () => {
    secureSession(ses() as unknown as Session, hub);
    const listener = ses().webRequest.onHeadersReceived.mock.calls[0]?.[0] as (d: unknown, cb: (r: unknown) => void) => void;
    const callback = vi.fn();
    listener({ url: `${HUB}/kiosk`, responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["default-src *"] } }, callback);
    const headers = (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy(HUB)]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['content-type']).toEqual(['text/html']);
  });
  it('the CSP allows only the hub itself, and its live feed', () => {
    const csp = contentSecurityPolicy(HUB);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4180");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy('https://hub.branch.example')).toContain('wss://hub.branch.example');
  });
  it('denies every permission request and check', () => {
    secureSession(ses() as unknown as Session, hub);
    const request = ses().setPermissionRequestHandler.mock.calls[0]?.[0] as (w: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'serial', 'usb', 'openExternal']) {
      const cb = vi.fn();
      request({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    const check = ses().setPermissionCheckHandler.mock.calls[0]?.[0] as (w: unknown, p: string) => boolean;
    expect(check({}, 'media')).toBe(false);
  });
});
