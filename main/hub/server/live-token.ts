// Where the live feed may take its token from. A token in a URL ends up in logs, proxies and
// browser history, so the first message carries it; `?token=` is still taken from a client
// on this machine (older screens on the hub's own terminal) for one release.
import { isLoopbackHost } from '../tls/listen-policy.js';

export function queryTokenAllowed(remoteAddress: string | undefined): boolean {
  return remoteAddress !== undefined && isLoopbackHost(remoteAddress);
}
