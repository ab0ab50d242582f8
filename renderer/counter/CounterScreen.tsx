// The teller's counter screen: sign in, pick the counter, then the desk.
import { useState } from 'react';
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { ScreenFrame } from '../ui/ScreenFrame';
import { StaffTheme } from '../ui/StaffTheme';
import { getCounterChoice, setCounterChoice } from './counter-choice';
import { CounterDesk } from './CounterDesk';
import { CounterPicker } from './CounterPicker';

export function CounterScreen() {
  return (
    <StaffTheme>
      <Gate screen="counter" staffRoles={['teller']} pairable={false}>
        <Counter />
      </Gate>
    </StaffTheme>
  );
}

function Counter() {
  const { lobby, connection } = useLobby('counter');
  const [counterId, setCounterId] = useState<string | null>(getCounterChoice);
  const choose = (id: string | null) => {
    setCounterChoice(id);
    setCounterId(id);
  };
  const counter = lobby?.counters.find((c) => c.id === counterId) ?? null;
  return (
    <ScreenFrame screen="counter" connection={connection} lobby={lobby} canSignOut>
      {!lobby ? null : counter ? (
        <CounterDesk lobby={lobby} counter={counter} onChange={() => choose(null)} />
      ) : (
        <CounterPicker counters={lobby.counters} onPick={choose} />
      )}
    </ScreenFrame>
  );
}
