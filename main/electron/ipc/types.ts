// What every IPC handler is given and returns, so the handler files stay small and alike.
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcChannel, IpcContract } from '../../common/ipc.js';
import type { TerminalSettings } from '../../common/settings.js';

/** The terminal's settings as main keeps them (see ../settings-store.ts). */
export interface SettingsAccess {
  get(): TerminalSettings;
  update(patch: Partial<TerminalSettings>): TerminalSettings;
}

export type IpcHandler<C extends IpcChannel> = (
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  request: unknown,
) => Promise<IpcContract[C]['response']>;
