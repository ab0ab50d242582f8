/// <reference types="vite/client" />
// The staff screens' strings: loaded with a staff screen (App.tsx's staffScreen) and added
// before its first frame to the strings index.ts started with. The exclusions are the
// customer areas of customer-areas.ts; areas-split.test.ts checks the two lists agree.
import i18n from 'i18next';
import { LANGUAGES, mergeAreas, type AreaStrings } from './areas';

export const staffAreaFiles = import.meta.glob<{ strings: AreaStrings }>(
  ['./areas/*.ts', '!./areas/kiosk.ts', '!./areas/closed-service.ts', '!./areas/kiosk-elderly.ts', '!./areas/kiosk-print.ts', '!./areas/near-turn.ts', '!./areas/display.ts', '!./areas/rate.ts', '!./areas/staff.ts', '!./areas/tls.ts'],
  { eager: true },
);

export function addStaffStrings(): void {
  const areas = Object.values(staffAreaFiles).map((m) => m.strings);
  for (const lng of LANGUAGES) i18n.addResourceBundle(lng, 'translation', mergeAreas({}, areas, lng), true, true);
}
