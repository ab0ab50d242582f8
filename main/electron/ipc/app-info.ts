// app:info — versions and platform for the admin screen's "about" and for support calls.
import { AppInfoRequest, type AppInfo } from '../../common/ipc.js';
import { assertFromHub } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'app:info';

export function appInfoHandler(settings: SettingsAccess, appVersion: () => string): IpcHandler<typeof CHANNEL> {
  return async (event, request) => {
    const current = settings.get();
    assertFromHub(CHANNEL, event, current.hubUrl);
    AppInfoRequest.parse(request);
    const info: AppInfo = {
      version: appVersion(),
      electron: process.versions.electron ?? 'unknown',
      chrome: process.versions.chrome ?? 'unknown',
      platform: process.platform,
      arch: process.arch,
      hostsHub: current.hostsHub,
    };
    return info;
  };
}
