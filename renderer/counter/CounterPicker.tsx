// Choosing this terminal's counter from the lobby's counters.
import { useTranslation } from 'react-i18next';
import type { ApiCounter } from '../../main/common/api';
import { counterName } from '../ui/counter-name';

export function CounterPicker({ counters, onPick }: { counters: ApiCounter[]; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="counter-picker">
      <h2>{t('counter.pick')}</h2>
      <div className="counter-grid">
        {counters.map((c) => (
          <button key={c.id} type="button" className="counter-choice" data-counter={c.id} onClick={() => onPick(c.id)}>
            <span className="counter-choice-name">{counterName(t, c.id, c.label)}</span>
            <span className={`status status-${c.status}`}>{t(`counter.status.${c.status}`)}</span>
            {c.staffId ? <span className="hint">{c.staffId}</span> : null}
          </button>
        ))}
      </div>
    </div>
  );
}
