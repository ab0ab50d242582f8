// One route per role's screen; the hub falls back to index.html for each of these paths.
// Each screen is its own chunk, loaded when its route is: a kiosk or a display on a cheap
// terminal (or a counter's satisfaction pad) fetches its own code, never Ant Design, ECharts or the staff screens'
// (bench/screens.ts measures it, tests/e2e/chunks.spec.ts keeps it so).
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Home } from './home/Home';

/** A staff screen's chunk, with the staff's strings (i18n/staff-areas.ts) in place before its first frame. */
const staffScreen = <T,>(load: () => Promise<T>): Promise<T> => Promise.all([import('./i18n/staff-areas').then((m) => m.addStaffStrings()), load()]).then(([, m]) => m);

// Named exports, so each lazy import maps the one component to `default`.
const KioskScreen = lazy(() => import('./kiosk/KioskScreen').then((m) => ({ default: m.KioskScreen })));
const CounterScreen = lazy(() => staffScreen(() => import('./counter/CounterScreen')).then((m) => ({ default: m.CounterScreen })));
const ManagerScreen = lazy(() => staffScreen(() => import('./manager/ManagerScreen')).then((m) => ({ default: m.ManagerScreen })));
const RateScreen = lazy(() => import('./rate/RateScreen').then((m) => ({ default: m.RateScreen })));
const DisplayScreen = lazy(() => import('./display/DisplayScreen').then((m) => ({ default: m.DisplayScreen })));
const SupervisorScreen = lazy(() => staffScreen(() => import('./supervisor/SupervisorScreen')).then((m) => ({ default: m.SupervisorScreen })));
const AdminScreen = lazy(() => staffScreen(() => import('./admin/AdminScreen')).then((m) => ({ default: m.AdminScreen })));
const RecordsScreen = lazy(() => staffScreen(() => import('./records/RecordsScreen')).then((m) => ({ default: m.RecordsScreen })));
const TicketStatusPage = lazy(() => import('./ticket/TicketStatusPage').then((m) => ({ default: m.TicketStatusPage })));
const PairPage = lazy(() => import('./pair/PairPage').then((m) => ({ default: m.PairPage })));
const OfficeScreen = lazy(() => staffScreen(() => import('./office/OfficeScreen')).then((m) => ({ default: m.OfficeScreen })));
const SetupPage = lazy(() => staffScreen(() => import('./setup/SetupPage')).then((m) => ({ default: m.SetupPage })));

/** Nothing while a screen's chunk loads (a fraction of a second on the branch's network): a spinner would only flash. */
function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/kiosk" element={<Lazy><KioskScreen /></Lazy>} />
        <Route path="/counter" element={<Lazy><CounterScreen /></Lazy>} />
        <Route path="/manager" element={<Lazy><ManagerScreen /></Lazy>} />
        <Route path="/display" element={<Lazy><DisplayScreen /></Lazy>} />
        <Route path="/rate" element={<Lazy><RateScreen /></Lazy>} />
        <Route path="/supervisor" element={<Lazy><SupervisorScreen /></Lazy>} />
        <Route path="/admin" element={<Lazy><AdminScreen /></Lazy>} />
        <Route path="/records" element={<Lazy><RecordsScreen /></Lazy>} />
        <Route path="/t/:id" element={<Lazy><TicketStatusPage /></Lazy>} />
        <Route path="/pair" element={<Lazy><PairPage /></Lazy>} />
        <Route path="/office" element={<Lazy><OfficeScreen /></Lazy>} />
        <Route path="/setup" element={<Lazy><SetupPage /></Lazy>} />
        <Route path="*" element={<Home />} />
      </Routes>
    </BrowserRouter>
  );
}
