// Builds the part of an IpcMainInvokeEvent the handlers read, for handler tests.
import type { SenderEvent } from '../ipc/sender.js';
import { defaultSettings, type TerminalSettings } from '../../common/settings.js';
import type { SettingsAccess } from '../ipc/types.js';

export function eventFrom(url: string, opts: { subframe?: boolean; gone?: boolean } = {}): SenderEvent {
  if (opts.gone) return { senderFrame: null };
  const frame = { url, parent: opts.subframe ? { url } : null };
  return { senderFrame: frame } as unknown as SenderEvent;
}

export const HUB = 'http://127.0.0.1:4180';

/** In-memory settings, validated like the real store. */
export function memorySettings(initial: Partial<TerminalSettings> = {}): SettingsAccess & { writes: number } {
  let current: TerminalSettings = { ...defaultSettings('/data'), hubUrl: HUB, ...initial };
  const access = {
    writes: 0,
    get: () => current,
    update(patch: Partial<TerminalSettings>) {
      current = { ...current, ...patch };
      access.writes += 1;
      return current;
    },
  };
  return access;
}
