// "Remind me when 3 are ahead" on the customer's phone (issue 17.3). The page already reads
// its ticket every 5 s from the branch's own hub (no SMS, no outside service); when the
// reminder is on and the ticket comes within NEAR_TURN_AHEAD of its call, and again when it is
// called, the phone beeps (WebAudio), vibrates (navigator.vibrate) and, where the browser
// allows, shows a notification; the page shows a banner in any case. Browsers allow sound and
// vibration only after a tap on the page: the tap that turns the reminder on is that tap, and
// it also asks for the notification permission.
import { isNearTurn } from '../../main/common/near-turn';

export type ReminderMoment = 'near' | 'called';

/** The moment a ticket's state calls for, if any. */
export function reminderMoment(status: string, ahead: number): ReminderMoment | null {
  if (status === 'called' || status === 'recalled') return 'called';
  if (status === 'waiting' && isNearTurn(ahead)) return 'near';
  return null;
}

/** What the page did, for its tests (the e2e reads it): counts of each way of reminding. */
export interface ReminderLog {
  fired: number;
  beeped: number;
  vibrated: number;
  notified: number;
}

declare global {
  interface Window {
    atriumReminder?: ReminderLog;
    webkitAudioContext?: typeof AudioContext;
  }
}

export function reminderLog(): ReminderLog {
  window.atriumReminder ??= { fired: 0, beeped: 0, vibrated: 0, notified: 0 };
  return window.atriumReminder;
}

let audio: AudioContext | null = null;

/** Inside the tap that turns the reminder on: unlocks sound, and asks once for notifications. */
export function prepareReminder(): void {
  try {
    const Ctx = window.AudioContext ?? window.webkitAudioContext;
    if (Ctx && !audio) audio = new Ctx();
    void audio?.resume();
  } catch {
    audio = null; // no sound on this phone: vibration and the banner remain
  }
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
}

/** Three short beeps. */
function beep(): boolean {
  if (!audio) return false;
  try {
    const start = audio.currentTime + 0.05;
    for (let i = 0; i < 3; i++) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.35 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + i * 0.35);
      osc.stop(start + i * 0.35 + 0.3);
    }
    return true;
  } catch {
    return false;
  }
}

/** Beep, vibrate, notify: each where the phone allows it. */
export function remind(title: string, body: string): void {
  const log = reminderLog();
  log.fired += 1;
  if (beep()) log.beeped += 1;
  if (typeof navigator.vibrate === 'function' && navigator.vibrate([400, 200, 400, 200, 400])) log.vibrated += 1;
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    try {
      new Notification(title, { body, tag: 'atrium-near-turn' });
      log.notified += 1;
    } catch {
      // Android's Chrome shows notifications only through a service worker: the banner and vibration remain.
    }
  }
}
