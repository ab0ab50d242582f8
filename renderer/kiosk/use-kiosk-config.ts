// The branch's kiosk choices (GET /api/kiosk/config), loaded once and retried while the hub
// is unreachable: the kiosk must not stay blank after a power cut that restarted both.
import { useEffect, useState } from 'react';
import type { KioskChoice } from '../../main/common/kiosk';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';

const RETRY_MS = 5000;

export function useKioskConfig(): KioskChoice[] | null {
  const [choices, setChoices] = useState<KioskChoice[] | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    async function load() {
      try {
        const answer = await hubFor('kiosk').call(api.kioskConfig);
        if (alive) setChoices(answer.choices);
      } catch {
        if (alive) timer = setTimeout(() => void load(), RETRY_MS);
      }
    }
    void load();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, []);
  return choices;
}
