// An on-screen keypad: a kiosk has a touch screen and no keyboard. Digits for phone numbers;
// digits and letters for appointment codes.
import { useTranslation } from 'react-i18next';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

interface Props {
  value: string;
  onChange: (value: string) => void;
  letters?: boolean;
  maxLength: number;
}

export function Keypad({ value, onChange, letters = false, maxLength }: Props) {
  const { t } = useTranslation();
  const add = (k: string) => {
    if (value.length < maxLength) onChange(value + k);
  };
  return (
    <div className="keypad" data-testid="keypad">
      <div className="keypad-digits">
        {DIGITS.map((d) => (
          <button key={d} type="button" className="key" onClick={() => add(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="key key-word" onClick={() => onChange('')}>
          {t('checkIn.clear')}
        </button>
        <button type="button" className="key" onClick={() => add('0')}>
          0
        </button>
        <button type="button" className="key key-word" onClick={() => onChange(value.slice(0, -1))}>
          {t('checkIn.delete')}
        </button>
      </div>
      {letters ? (
        <div className="keypad-letters">
          {LETTERS.map((l) => (
            <button key={l} type="button" className="key key-letter" onClick={() => add(l)}>
              {l}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
