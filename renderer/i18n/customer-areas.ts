/// <reference types="vite/client" />
// The string areas a customer-facing screen (kiosk, display, satisfaction pad, pairing, a ticket's page) needs,
// bundled with every screen; every other area is a staff screen's (staff-areas.ts), and
// areas-split.test.ts checks that each file under ./areas is in exactly one of the two.
import type { AreaStrings } from './areas';

export const customerAreaFiles = import.meta.glob<{ strings: AreaStrings }>(
  ['./areas/kiosk.ts', './areas/closed-service.ts', './areas/kiosk-elderly.ts', './areas/kiosk-print.ts', './areas/near-turn.ts', './areas/display.ts', './areas/rate.ts', './areas/staff.ts', './areas/tls.ts'],
  { eager: true },
);
