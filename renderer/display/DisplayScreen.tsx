// The calling display (叫号屏) of a lobby TV, read from 5 m, in landscape (1920x1080) or portrait
// (1080x1920): the latest call very large, the other current calls, the recent calls, people
// waiting per service, and the counters that are paused or closed; a clock. Every call is
// spoken (chime, Mandarin, English, twice) one after another. It never scrolls: each list shows
// what fits and drops its oldest (use-fit.ts); tests/e2e/display-fit.spec.ts checks both
// orientations with 0, 6 and 20 calls. It shows ticket numbers and counters only: the hub
// strips customer data from its feed.
// A counter's label (爱心窗口) goes with the current calls; the recent calls keep to numbers, to fit.
import { useTranslation } from 'react-i18next';
import type { ApiCounter, ApiQueue } from '../../main/common/api';
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { localName } from '../ui/format';
import { ScreenFrame } from '../ui/ScreenFrame';
import { idleCounters, serviceAvailability } from './board';
import { displayCalls } from './calls';
import { Clock } from './Clock';
import { useFit } from './use-fit';
import { useVoice } from './voice/use-voice';
import './display.css';
import { labelOf } from '../ui/counter-name';

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
  const othersRef = useFit<HTMLUListElement>();
  const recentRef = useFit<HTMLOListElement>();
  const counters = lobby?.counters ?? [];
  return (
    <ScreenFrame
      screen="display"
      connection={connection}
      lobby={lobby}
      title={lobby ? localName(lobby.branch, i18n.language) : t('role.display')}
      extra={
        <>
          {/* In the header, in the flow: it can never cover a call or a count. */}
          {voice.blocked ? (
            <button type="button" className="sound-on" data-testid="sound-on" onClick={voice.unblock}>
              {t('display.soundOn')}
            </button>
          ) : null}
          <Clock />
        </>
      }
    >
      {/* The clips of the latest spoken call: for the staff checking the voice, and the tests. */}
      <output className="voice-now" data-testid="voice" data-clips={voice.lastAnnouncement.join(' ')} hidden />
      <div className="display-grid">
        <section className="display-main" aria-live="polite">
          {headline ? (
            // Keyed by number and recalls so a recall replays the highlight animation.
            // The number on its own line, as large as the screen allows; the words below it.
            <p key={`${headline.number}-${headline.recalls}`} className={headline.recalls > 0 ? 'call-headline call-recalled' : 'call-headline'} data-testid="call-headline">
              <span className="call-number">{headline.number}</span> <span className="call-to">{t('display.callTo', { counter: headline.counter })}</span>
              {labelOf(lobby, headline.counter) ? <span className="call-label" data-testid="call-label">{labelOf(lobby, headline.counter)}</span> : null}
            </p>
          ) : (
            <p className="call-idle">{t('display.noCalls')}</p>
          )}
          <ul className="call-others" ref={othersRef}>
            {others.map((c) => (
              <li key={`${c.number}-${c.recalls}`} className={c.recalls > 0 ? 'call-recalled' : undefined}>
                <span className="ticket-number">{c.number}</span>
                <span className="call-counter">
                  {t('display.counterN', { counter: c.counter })}
                  {labelOf(lobby, c.counter) ? ` · ${labelOf(lobby, c.counter)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="display-recent">
          <h2>{t('display.recent')}</h2>
          <ol data-testid="recent-calls" ref={recentRef}>
            {recent.map((c) => (
              <li key={c.number} className={c.current ? 'current' : ''}>
                <span className="ticket-number">{c.number}</span>
                <span>{t('display.counterN', { counter: c.counter })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="display-waiting">
          <h2>{t('display.waitingTitle')}</h2>
          <ul>
            {(lobby?.queues ?? []).map((q) => (
              <Waiting key={q.service} queue={q} counters={counters} />
            ))}
          </ul>
        </section>
        <IdleCounters counters={counters} />
      </div>
    </ScreenFrame>
  );
}

/** One service's waiting count, and in words when no open counter serves it. */
function Waiting({ queue, counters }: { queue: ApiQueue; counters: ApiCounter[] }) {
  const { t, i18n } = useTranslation();
  const availability = serviceAvailability(queue.service, counters);
  return (
    <li data-service={queue.service} data-availability={availability} className={availability === 'open' ? undefined : 'unserved'}>
      <span className="service-name">{localName(queue, i18n.language)}</span>
      <strong>{queue.waiting}</strong>
      {availability === 'open' ? null : <span className="service-note">{t(availability === 'paused' ? 'display.onlyPaused' : 'display.noCounter')}</span>}
    </li>
  );
}

/** Paused and closed counters, one line each, so a customer does not wait at a shut window. */
function IdleCounters({ counters }: { counters: ApiCounter[] }) {
  const { t } = useTranslation();
  const { paused, closed } = idleCounters(counters);
  if (paused.length === 0 && closed.length === 0) return null;
  const line = (ids: string[]) => t('display.counterList', { list: ids.join(t('display.listSeparator')), count: ids.length });
  return (
    <section className="display-counters" data-testid="idle-counters">
      <ul>
        {paused.length > 0 ? (
          <li data-status="paused">
            <span className="status-tag">{t('display.paused')}</span> {line(paused)}
          </li>
        ) : null}
        {closed.length > 0 ? (
          <li data-status="closed">
            <span className="status-tag">{t('display.closed')}</span> {line(closed)}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
