// The branch's kiosk choices (GET /api/kiosk/config), retried while the hub is unreachable:
// the kiosk must not stay blank after a power cut that restarted both. Read again when the
// branch's services change (the lobby feed brings those at once) and every half minute, so
// choices the admin edits reach a kiosk left running, with no restart.
import { useEffect, useState } from 'react';
import type { KioskChoice } from '../../main/common/kiosk';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';

const RETRY_MS = 5000;
const REFRESH_MS = 30_000;

/** `servicesKey`: the lobby's service codes, joined; a change reads the choices again. */
export function useKioskConfig(servicesKey = ''): KioskChoice[] | null {
  const [choices, setChoices] = useState<KioskChoice[] | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    async function load() {
      try {
        const answer = await hubFor('kiosk').call(api.kioskConfig);
        if (alive) setChoices((old) => (JSON.stringify(old) === JSON.stringify(answer.choices) ? old : answer.choices));
        if (alive) timer = setTimeout(() => void load(), REFRESH_MS);
      } catch {
        if (alive) timer = setTimeout(() => void load(), RETRY_MS);
      }
    }
    void load();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [servicesKey]);
  return choices;
}
