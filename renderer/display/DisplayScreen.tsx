// The calling display (叫号屏), laid out for 1920x1080 and, stacked, for 1080x1920: the
// current call very large, the other current calls, the last six calls, people waiting per
// service, a clock; every call spoken (chime, Mandarin, English, twice) one after another.
// It shows ticket numbers and counters only: the hub strips customer data from its feed.
import { useTranslation } from 'react-i18next';
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { localName } from '../ui/format';
import { ScreenFrame } from '../ui/ScreenFrame';
import { displayCalls } from './calls';
import { Clock } from './Clock';
import { useVoice } from './voice/use-voice';
import './display.css';

export function DisplayScreen() {
  return (
    <Gate screen="display" staffRoles={[]} pairable>
      <Display />
    </Gate>
  );
}

function Display() {
  const { t, i18n } = useTranslation();
  const { lobby, connection } = useLobby('display');
  const { headline, current, recent } = displayCalls(Object.values(lobby?.tickets ?? {}));
  const others = current.filter((c) => c !== headline);
  const voice = useVoice(lobby);
  return (
    <ScreenFrame
      screen="display"
      connection={connection}
      lobby={lobby}
      title={lobby ? localName(lobby.branch, i18n.language) : t('role.display')}
      extra={<Clock />}
    >
      {voice.blocked ? (
        <button type="button" className="sound-on" data-testid="sound-on" onClick={voice.unblock}>
          {t('display.soundOn')}
        </button>
      ) : null}
      {/* The clips of the latest spoken call: for the staff checking the voice, and the tests. */}
      <output className="voice-now" data-testid="voice" data-clips={voice.lastAnnouncement.join(' ')} hidden />
      <div className="display-grid">
        <section className="display-main" aria-live="polite">
          {headline ? (
            // Keyed by number and recalls so a recall replays the highlight animation.
            // The number on its own line, as large as the screen allows; the words below it.
            <p key={`${headline.number}-${headline.recalls}`} className={headline.recalls > 0 ? 'call-headline call-recalled' : 'call-headline'} data-testid="call-headline">
              <span className="call-number">{headline.number}</span> <span className="call-to">{t('display.callTo', { counter: headline.counter })}</span>
            </p>
          ) : (
            <p className="call-idle">{t('display.noCalls')}</p>
          )}
          <ul className="call-others">
            {others.map((c) => (
              <li key={`${c.number}-${c.recalls}`} className={c.recalls > 0 ? 'call-recalled' : undefined}>
                {t('display.callLine', { number: c.number, counter: c.counter })}
              </li>
            ))}
          </ul>
        </section>
        <section className="display-recent">
          <h2>{t('display.recent')}</h2>
          <ol data-testid="recent-calls">
            {recent.map((c) => (
              <li key={c.number} className={c.current ? 'current' : ''}>
                <span className="ticket-number">{c.number}</span>
                <span>{t('counter.counterN', { id: c.counter })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="display-waiting">
          <h2>{t('display.waitingTitle')}</h2>
          <ul>
            {(lobby?.queues ?? []).map((q) => (
              <li key={q.service}>
                <span>{localName(q, i18n.language)}</span>
                <strong>{q.waiting}</strong>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </ScreenFrame>
  );
}
