// settings:get — the page reads the terminal's settings (role, hub, its device token) to
// call the hub's API. Only the hub's own page may read the token.
import { SettingsGetRequest } from '../../common/ipc.js';
import { assertFromHub } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'settings:get';

export function settingsGetHandler(settings: SettingsAccess): IpcHandler<typeof CHANNEL> {
  return async (event, request) => {
    const current = settings.get();
    assertFromHub(CHANNEL, event, current.hubUrl);
    SettingsGetRequest.parse(request);
    return current;
  };
}
