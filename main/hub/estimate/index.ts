// Wait estimation: the predictor seam and Atrium's own predictor.
export type { WaitPredictor } from './predictor.js';
export { atriumPredictor, type AtriumOptions } from './atrium.js';
export { newTicketEstimate } from './new-ticket.js';
export { toEstimate } from './spread.js';
export { learnArrivalProfile, type ArrivalProfile, type PastTicket } from './arrival-profile.js';
export { ROTA_SETTING, StaffRota, PlannedPause } from './rota.js';
// Learning per kind of day (issue 15): the bench passes its calendar's past days here, as the hub does from its ledger.
export { learnForDayKind, learningDays, LEARNING_DAYS, MIN_KIND_DAYS, LOOKBACK_DAYS, type PastDay, type LearntKnowledge } from './day-kinds.js';
export { readCounterDay, type CounterEvent, type CounterDay } from './counter-days.js';
export { dayKind, DEFAULT_CALENDAR, type BranchCalendar, type DayKind } from '../../common/calendar.js';
