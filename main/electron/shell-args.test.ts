import { describe, expect, it } from 'vitest';
import { parseShellArgs } from './shell-args.js';

describe('shell command-line set-up', () => {
  it('takes a hub URL (as its origin), hosting and the port', () => {
    expect(parseShellArgs(['/electron', '.', '--hub-url=http://10.1.2.3:4180/kiosk', '--hosts-hub', '--hub-port=5000']).patch).toEqual({
      hubUrl: 'http://10.1.2.3:4180',
      hostsHub: true,
      hubPort: 5000,
    });
    expect(parseShellArgs(['--hosts-hub=false']).patch).toEqual({ hostsHub: false });
  });
  it("pins the hub's certificate given by its fingerprint, in any spelling", () => {
    const fp = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0').slice(-2)).join(':');
    expect(parseShellArgs([`--hub-fingerprint=${fp.toLowerCase().replace(/:/g, '')}`]).patch).toEqual({ hubFingerprint: fp });
    const short = parseShellArgs(['--hub-fingerprint=AA:BB:CC']);
    expect(short.patch).toEqual({});
    expect(short.problems).toHaveLength(1);
  });
  it('ignores and reports bad values, and nothing is set without flags', () => {
    const { patch, problems } = parseShellArgs(['--hub-url=file:///etc', '--hub-port=0']);
    expect(patch).toEqual({});
    expect(problems).toHaveLength(2);
    expect(parseShellArgs(['/electron', '.']).patch).toEqual({});
  });
});
