// Electron's security checklist, applied to every window and session of the shell: the page
// is the hub's web app and nothing else. Navigation leaves the hub's origin never,
// window.open and <webview> are refused, every permission request is denied, and each
// response carries a CSP that lets the page load and connect to its own hub only.
import type { App, Session, WebContents } from 'electron';
import { originOf } from './ipc/sender.js';

/** The CSP the shell adds to every response; `hubUrl` also gives the live feed's ws origin. */
export function contentSecurityPolicy(hubUrl: string): string {
  const hub = new URL(hubUrl);
  const ws = `${hub.protocol === 'https:' ? 'wss:' : 'ws:'}//${hub.host}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Ant Design (cssinjs) and ECharts write <style> elements at run time: without
    // 'unsafe-inline' every staff screen loses its styles (the e2e over HTTPS shows it).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:", // data: for the QR codes the admin screen draws
    "font-src 'self'",
    "media-src 'self'", // the display's chime and voice clips
    `connect-src 'self' ${ws}`, // the API and the live feed (GET /api/live upgrades to a WebSocket)
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** True when `url` is on the hub's origin: the only place a window may go. */
export function isHubUrl(url: string, hubUrl: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === originOf(hubUrl);
}

/** Session-wide: the CSP header on every response, and every permission denied. */
export function secureSession(session: Session, getHubUrl: () => string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    // Drop any CSP header of another spelling so the one we set is the one in force; a hub
    // that sends a stricter policy should get it into this function, not around it.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [contentSecurityPolicy(getHubUrl())];
    callback({ responseHeaders: headers });
  });
  // A lobby screen needs no camera, microphone, notifications, geolocation, USB, HID, serial…
  // (printing goes through main, not WebUSB/Web Serial). Deny asks and silent checks alike.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Per page: navigation only within the hub's origin, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents, getHubUrl: () => string): void {
  contents.on('will-navigate', (event) => {
    if (!isHubUrl(event.url, getHubUrl())) event.preventDefault();
  });
  // A same-origin request can still be redirected away; refuse that too.
  contents.on('will-redirect', (event) => {
    if (!isHubUrl(event.url, getHubUrl())) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies hardenWebContents to every web contents the app ever creates, not only ours. */
export function hardenAllWebContents(app: App, getHubUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, getHubUrl));
}
