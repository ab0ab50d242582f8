// One route per role's screen; the hub falls back to index.html for each of these paths.
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Home } from './home/Home';
import { KioskScreen } from './kiosk/KioskScreen';
import { CounterScreen } from './counter/CounterScreen';
import { ManagerScreen } from './manager/ManagerScreen';
import { DisplayScreen } from './display/DisplayScreen';
import { SupervisorScreen } from './supervisor/SupervisorScreen';
import { AdminScreen } from './admin/AdminScreen';
import { TicketStatusPage } from './ticket/TicketStatusPage';
import { PairPage } from './pair/PairPage';
import { RecordsScreen } from './records/RecordsScreen';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/kiosk" element={<KioskScreen />} />
        <Route path="/counter" element={<CounterScreen />} />
        <Route path="/manager" element={<ManagerScreen />} />
        <Route path="/display" element={<DisplayScreen />} />
        <Route path="/supervisor" element={<SupervisorScreen />} />
        <Route path="/admin" element={<AdminScreen />} />
        <Route path="/records" element={<RecordsScreen />} />
        <Route path="/t/:id" element={<TicketStatusPage />} />
        <Route path="/pair" element={<PairPage />} />
        <Route path="*" element={<Home />} />
      </Routes>
    </BrowserRouter>
  );
}
