// The terminal's settings on disk (electron-store, a JSON file in userData), always read
// through the zod schema: a hand-edited or older file never hands main an invalid value.
import path from 'node:path';
import Store from 'electron-store';
import { defaultSettings, TerminalSettings } from '../common/settings.js';
import type { SettingsAccess } from './ipc/types.js';

export function openSettingsStore(userDataDir: string): SettingsAccess {
  const defaults = defaultSettings(path.join(userDataDir, 'hub-data'));
  const store = new Store<TerminalSettings>({ name: 'terminal', defaults });
  const get = (): TerminalSettings => repair({ ...defaults, ...store.store }, defaults);
  return {
    get,
    update(patch) {
      const next = TerminalSettings.parse({ ...get(), ...patch });
      store.set(next);
      return next;
    },
  };
}

/** Keeps each valid field and puts the default back in place of each invalid one. */
export function repair(raw: Record<string, unknown>, defaults: TerminalSettings): TerminalSettings {
  const whole = TerminalSettings.safeParse(raw);
  if (whole.success) return whole.data;
  const fixed: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof TerminalSettings)[]) {
    const field = TerminalSettings.shape[key].safeParse(raw[key]);
    if (field.success) fixed[key] = field.data;
  }
  return TerminalSettings.parse(fixed);
}
