import { describe, expect, it } from 'vitest';
import { isLoopbackHost, servesTls } from './listen-policy.js';

describe('when the hub serves TLS', () => {
  it('always beyond loopback, on loopback only with --tls', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', '127.255.0.9', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(h)).toBe(true);
      expect(servesTls(h, false)).toBe(false);
      expect(servesTls(h, true)).toBe(true);
    }
    for (const h of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', 'branch-hub', '128.0.0.1', 'localhost.evil']) {
      expect(isLoopbackHost(h)).toBe(false);
      expect(servesTls(h, false)).toBe(true);
    }
  });
});
