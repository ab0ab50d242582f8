// When the hub must speak TLS: always beyond loopback (tokens, PINs and customer notes cross
// the branch LAN), and on loopback only when asked (the tests and e2e talk plain HTTP there).
import net from 'node:net';

/** True for 127.0.0.0/8, ::1 (and ::ffff:127.x) and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h) || h === '0:0:0:0:0:0:0:1';
  return false;
}

export function servesTls(host: string, tlsFlag: boolean): boolean {
  return tlsFlag || !isLoopbackHost(host);
}
