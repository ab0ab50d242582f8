// The satisfaction pad (服务评价器): a small tablet (1024×600 landscape, 800×1280 portrait) on a
// counter, facing the customer. Idle, it shows the counter and the teller (工号 and name, as
// the counter's name plate does); after each finish there it asks for a rating with five big
// faces, speaks the question once in Mandarin and English, takes reasons for a low score, says
// thank you and goes back to idle. Plain CSS, no Ant Design: it is a customer's screen.
//
// Decision: the pad polls GET /api/rating/current every 2 s rather than holding the live feed.
// It needs one small answer about its own counter; the feed would hand a customer-facing
// device every event of the lobby (cut, but still more than it needs) and a snapshot on each
// reconnect. A question that appears up to 2 s after the finish is soon enough (the customer
// is still gathering their things), a poll survives Wi-Fi drops with no reconnect logic, and
// six pads polling is a dozen tiny reads a minute.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_REASONS, SCORES, type RatingCurrent, type RatingReason, type Score } from '../../main/common/rating';
import { api } from '../../main/common/routes/index';
import { Gate } from '../auth/Gate';
import { clearSession } from '../auth/session';
import { ApiError, hubFor } from '../hub-client';
import { playClips as speak } from '../ui/play-clips';
import { ScreenFrame } from '../ui/ScreenFrame';
import { Face } from './Face';
import { IDLE, sendReasons, tapFace, tick, toggleReason, withCurrent, type Phase } from './pad-state';
import './rate.css';

const POLL_MS = 2_000;
/** Spoken once when a question appears: Mandarin first. */
const QUESTION_CLIPS = ['zh/please-rate', 'en/please-rate'];

export function RateScreen() {
  return (
    <Gate screen="rating" staffRoles={[]} pairable>
      <Pad />
    </Gate>
  );
}

const hub = hubFor('rating');

function Pad() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<RatingCurrent | null>(null);
  const [phase, setPhase] = useState<Phase>(IDLE);
  const [failed, setFailed] = useState(false);
  const answered = useRef(new Set<string>());
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const spoken = useRef<string | null>(null);

  // Every answer moves the phase on; a 401 means the pad was revoked: back to pairing.
  useEffect(() => {
    let stop = false;
    async function poll() {
      try {
        const a = await hub.call(api.ratingCurrent);
        if (stop) return;
        setCurrent(a);
        setPhase((p) => withCurrent(p, a, answered.current, Date.now()));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) clearSession('rating');
      }
    }
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, []);

  const send = useCallback(async (body: { ticket: string; score: Score; reasons?: RatingReason[] }, back: Phase) => {
    answered.current.add(body.ticket);
    setFailed(false);
    try {
      await hub.call(api.rate, { body });
    } catch (e) {
      // Refused for good (rated already, too late, not this counter's): nothing the customer can do.
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 401) return;
      // The network or the hub failed: the customer may tap again.
      answered.current.delete(body.ticket);
      setFailed(true);
      setPhase(back);
    }
  }, []);

  // The clock: thanks runs out, and reasons left unsent go by themselves.
  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      const p = phaseRef.current;
      const next = tick(p, now);
      if (next.sendReasons) {
        const r = sendReasons(p, now);
        setPhase(r.phase);
        if (r.send) void send(r.send, p);
      } else if (next.phase !== p) setPhase(next.phase);
    }, 1_000);
    return () => clearInterval(timer);
  }, [send]);

  // The question is spoken once per ticket.
  useEffect(() => {
    if (phase.kind !== 'asking' || spoken.current === phase.ticket) return;
    spoken.current = phase.ticket;
    void speak(QUESTION_CLIPS);
  }, [phase]);

  function onFace(score: Score) {
    const before = phase;
    const r = tapFace(phase, score, Date.now());
    setPhase(r.phase);
    if (r.send) void send(r.send, before);
  }

  function onSendReasons() {
    const before = phase;
    const r = sendReasons(phase, Date.now());
    setPhase(r.phase);
    if (r.send) void send(r.send, before);
  }

  const teller = current?.teller ?? null;
  return (
    <ScreenFrame screen="rating" title={current ? t('rate.counter', { counter: current.counter }) : t('role.rating')}>
      <output hidden data-testid="voice" data-clips={phase.kind === 'asking' ? QUESTION_CLIPS.join(' ') : ''} />
      <div className={`rate-pad rate-${phase.kind}`} data-testid="rate-pad" data-phase={phase.kind}>
        {phase.kind === 'idle' ? (
          <section className="rate-card" data-testid="rate-idle">
            {teller ? (
              <>
                <p className="rate-welcome">{t('rate.welcome')}</p>
                <p className="rate-teller-name" data-testid="rate-teller">{teller.name}</p>
                <p className="rate-staff-no">{t('rate.staffNo', { staffId: teller.staffId })}</p>
              </>
            ) : (
              <p className="rate-teller-name rate-closed">{current ? t('rate.noTeller') : ''}</p>
            )}
          </section>
        ) : null}

        {phase.kind === 'asking' ? (
          <section className="rate-ask" data-testid="rate-ask">
            <p className="rate-who">
              {teller ? `${teller.name} · ${t('rate.staffNo', { staffId: teller.staffId })}` : ''}
            </p>
            <h2 className="rate-question">{t('rate.question')}</h2>
            <div className="rate-faces">
              {SCORES.map((score) => (
                <button key={score} type="button" className={`rate-face rate-face-${score}`} data-testid={`face-${score}`} onClick={() => onFace(score)}>
                  <Face score={score} />
                  <span className="rate-face-label">{t(`rate.scores.${score}`)}</span>
                </button>
              ))}
            </div>
            {failed ? <p className="rate-failed">{t('rate.failed')}</p> : null}
          </section>
        ) : null}

        {phase.kind === 'reasons' ? (
          <section className="rate-reasons" data-testid="rate-reasons">
            <h2 className="rate-reasons-title">{t('rate.reasonsTitle')}</h2>
            <div className="rate-reason-grid">
              {RATING_REASONS.map((reason) => (
                <button
                  key={reason}
                  type="button"
                  className={phase.reasons.includes(reason) ? 'rate-reason chosen' : 'rate-reason'}
                  aria-pressed={phase.reasons.includes(reason)}
                  data-testid={`reason-${reason}`}
                  onClick={() => setPhase((p) => toggleReason(p, reason))}
                >
                  {t(`rate.reasons.${reason}`)}
                </button>
              ))}
            </div>
            <button type="button" className="rate-send" data-testid="rate-send" onClick={onSendReasons}>
              {t('rate.send')}
            </button>
            {failed ? <p className="rate-failed">{t('rate.failed')}</p> : null}
          </section>
        ) : null}

        {phase.kind === 'thanks' ? (
          <section className="rate-thanks" data-testid="rate-thanks">
            <p className="rate-thanks-title">{t('rate.thanks')}</p>
            <p className="rate-thanks-text">{phase.low ? t('rate.thanksLow') : t('rate.goodbye')}</p>
          </section>
        ) : null}
      </div>
    </ScreenFrame>
  );
}
