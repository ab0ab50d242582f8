import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../common/settings.js';

// electron-store needs a running Electron; an in-memory one with the same surface stands in.
const disk = vi.hoisted(() => ({ data: {} as Record<string, unknown> }));
vi.mock('electron-store', () => ({
  default: class {
    constructor(opts: { defaults: Record<string, unknown> }) {
      disk.data = { ...opts.defaults, ...disk.data };
    }
    get store() {
      return disk.data;
    }
    set(value: Record<string, unknown>) {
      disk.data = { ...value };
    }
  },
}));
const { openSettingsStore, repair } = await import('./settings-store.js');

describe('settings store', () => {
  it('starts unpaired, with the hub data under userData', () => {
    disk.data = {};
    const s = openSettingsStore('/ud').get();
    expect(s).toEqual(defaultSettings('/ud/hub-data'));
    expect(s.role).toBeNull();
    expect(s.hubPort).toBe(4180);
  });
  it('writes validated updates and refuses invalid ones', () => {
    disk.data = {};
    const store = openSettingsStore('/ud');
    store.update({ role: 'kiosk', deviceToken: 't' });
    expect(disk.data).toMatchObject({ role: 'kiosk', deviceToken: 't' });
    expect(() => store.update({ hubPort: 70000 })).toThrow();
    expect(disk.data.hubPort).toBe(4180);
  });
  it('puts defaults back in place of invalid fields of a hand-edited file, keeping the rest', () => {
    const defaults = defaultSettings('/d');
    const fixed = repair({ ...defaults, role: 'janitor', hubUrl: 'http://10.0.0.2:4180', hubPort: 'x' }, defaults);
    expect(fixed).toMatchObject({ role: null, hubUrl: 'http://10.0.0.2:4180', hubPort: 4180 });
  });
});
