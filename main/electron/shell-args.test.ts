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
  it('ignores and reports bad values, and nothing is set without flags', () => {
    const { patch, problems } = parseShellArgs(['--hub-url=file:///etc', '--hub-port=0']);
    expect(patch).toEqual({});
    expect(problems).toHaveLength(2);
    expect(parseShellArgs(['/electron', '.']).patch).toEqual({});
  });
});
