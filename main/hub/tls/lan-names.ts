// The names and addresses terminals may reach the hub by: they all go into the hub's own
// certificate, so a terminal that types the LAN address gets a certificate that names it.
import os from 'node:os';

export interface HubNames {
  dns: string[];
  ips: string[];
}

export function lanNames(): HubNames {
  const dns = new Set(['localhost']);
  const host = os.hostname();
  if (host) {
    dns.add(host);
    if (!host.includes('.')) dns.add(`${host}.local`);
  }
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const addr of list ?? []) {
      // Link-local IPv6 needs a zone id no certificate can name.
      if (addr.family === 'IPv6' && addr.address.toLowerCase().startsWith('fe80')) continue;
      ips.add(addr.address);
    }
  }
  return { dns: [...dns], ips: [...ips] };
}
