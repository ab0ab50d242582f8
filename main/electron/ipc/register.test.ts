import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../common/ipc.js';
import { memorySettings } from '../testing/ipc-event.js';

vi.mock('electron', () => import('../testing/fake-electron.js'));
const fake = await import('../testing/fake-electron.js');
const { registerIpc } = await import('./register.js');

describe('registerIpc', () => {
  beforeEach(() => fake.resetFakeElectron());
  it('handles exactly the channels of the contract', () => {
    registerIpc({ settings: memorySettings(), appVersion: () => '1', onPaired: vi.fn() });
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });
});
