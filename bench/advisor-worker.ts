// A worker process of the advisor bench (advisor.ts): runs the days it is sent (advisor-day.ts).
import { advisorDay, type AdvisorDay } from './advisor-day.js';
import { serveTasks } from './fork-pool.js';
import { BranchCalendar, daySeed } from './sim/calendar.js';
import { loadScenarios, SCENARIO_DIR } from './sim/scenario.js';

export interface AdvisorTask {
  scenario: string;
  date: string;
}

const standard = loadScenarios(SCENARIO_DIR);

serveTasks<AdvisorTask, AdvisorDay>(({ scenario: name, date }) => {
  const scenario = standard.find((s) => s.name === name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  return advisorDay(scenario, BranchCalendar.of(scenario, standard), daySeed(scenario.name, date), date);
});
