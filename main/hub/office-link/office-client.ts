// Talking to the head office: JSON over HTTPS with the office's certificate pinned (the
// fingerprint taken at enrolment must match, whoever signed the certificate), or plain HTTP
// to a loopback address (tests, a trial on one machine). A request never waits forever.
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls, { type TLSSocket } from 'node:tls';

/** The office's answer: JSON of the route's shape on a 2xx, `{error}` otherwise. */
export interface OfficeAnswer {
  status: number;
  body: unknown;
}

export interface OfficeRefusal {
  error?: { code?: string; message?: string; details?: { lastSeq?: unknown } };
}

export const refusalOf = (res: OfficeAnswer) => (res.body as OfficeRefusal | null)?.error ?? {};

export class OfficeUnreachable extends Error {}

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK.has(url.hostname) || url.hostname.startsWith('127.');
}

/** The office's certificate fingerprint, as it presents it now (trust on first use, at enrolment). */
export function fetchCertFingerprint(officeUrl: string, timeoutMs = 10_000): Promise<string> {
  const url = new URL(officeUrl);
  return new Promise((resolve, reject) => {
    const req = https.request({ host: url.hostname, port: url.port || 443, path: '/api/health', method: 'GET', rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      const cert = (res.socket as TLSSocket).getPeerCertificate(false);
      res.resume();
      if (!cert?.raw) return reject(new OfficeUnreachable('the office presented no certificate'));
      resolve(new X509Certificate(cert.raw).fingerprint256.toUpperCase());
    });
    req.on('timeout', () => req.destroy(new OfficeUnreachable(`no answer from ${url.origin} within ${timeoutMs / 1000} s`)));
    req.on('error', (err) => reject(err instanceof OfficeUnreachable ? err : new OfficeUnreachable(`${url.origin} cannot be reached: ${(err as Error).message}`)));
    req.end();
  });
}

export function officeRequest(
  officeUrl: string,
  method: string,
  pathName: string,
  opts: { token?: string; body?: unknown; pin?: string | null; timeoutMs?: number } = {},
): Promise<OfficeAnswer> {
  const url = new URL(pathName, officeUrl);
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const options = { method, headers, timeout: timeoutMs };
    const onAnswer = (res: http.IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    };
    const req = secure
      ? https.request(url, { ...options, createConnection: pinnedConnection(opts.pin ?? null) }, onAnswer)
      : http.request(url, options, onAnswer);
    req.on('timeout', () => req.destroy(new OfficeUnreachable(`no answer from ${url.origin} within ${timeoutMs / 1000} s`)));
    req.on('error', (err) => reject(err instanceof OfficeUnreachable ? err : new OfficeUnreachable(`${url.origin}: ${(err as Error).message}`)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * A TLS connection whose certificate must have the pinned fingerprint: checked once the
 * handshake is done and before the request is written, so not a byte (the credential least
 * of all) goes to an office that is not the one enrolled. The pin replaces the CA check: the
 * office's certificate may be its own, as the hub's is.
 */
function pinnedConnection(pin: string | null) {
  return (options: http.ClientRequestArgs, callback: (err: Error | null, socket: TLSSocket) => void): undefined => {
    let settled = false;
    const host = options.hostname ?? options.host ?? 'localhost';
    const socket = tls.connect({ host, port: Number(options.port ?? 443), servername: net.isIP(host) ? undefined : host, rejectUnauthorized: pin === null });
    const done = (err: Error | null) => {
      if (settled) return;
      settled = true;
      callback(err, socket);
    };
    socket.once('secureConnect', () => {
      const seen = socket.getPeerCertificate(false)?.fingerprint256?.toUpperCase();
      if (pin !== null && seen !== pin) {
        const err = new OfficeUnreachable(`the office's certificate (${seen}) is not the one pinned at enrolment (${pin}): refusing to send anything`);
        socket.destroy(err);
        return done(err);
      }
      done(null);
    });
    socket.once('error', (err) => done(err));
    return undefined;
  };
}
