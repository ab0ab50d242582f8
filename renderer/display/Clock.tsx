// A wall clock for the display; ticks each second so the minute changes on time.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function Clock() {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const time = now.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', hour12: false });
  const date = now.toLocaleDateString(i18n.language, { month: 'long', day: 'numeric', weekday: 'long' });
  return (
    <div className="clock" data-testid="clock">
      <span className="clock-time">{time}</span>
      <span className="clock-date">{date}</span>
    </div>
  );
}
