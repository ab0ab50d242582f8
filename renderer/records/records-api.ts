// The records pages' calls to the hub, with the records screen's own session.
import { api, pathOf, type BodyOf } from '../../main/common/routes/index';
import { getSession, type Screen } from '../auth/session';
import { ApiError, hubFor } from '../hub-client';

export type { OpinionView } from '../../main/common/routes/records';

export function recordsApi(screen: Screen = 'records') {
  const hub = hubFor(screen);
  const id = (value: string) => ({ params: { id: value } });
  return {
    templates: () => hub.call(api.templates),
    saveTemplate: (kind: BodyOf<typeof api.startChecklist>['kind'], items: BodyOf<typeof api.saveTemplate>['items']) => hub.call(api.saveTemplate, { params: { kind }, body: { items } }),
    checklists: (date?: string) => hub.call(api.checklists, { query: { date } }),
    startChecklist: (kind: BodyOf<typeof api.startChecklist>['kind'], date?: string) => hub.call(api.startChecklist, { body: date ? { kind, date } : { kind } }),
    answer: (checklist: string, answers: BodyOf<typeof api.answerChecklist>['answers']) => hub.call(api.answerChecklist, { ...id(checklist), body: { answers } }),
    complete: (checklist: string) => hub.call(api.completeChecklist, id(checklist)),
    signChecklist: (checklist: string, pin: string) => hub.call(api.signChecklist, { ...id(checklist), body: { pin } }),
    amend: (checklist: string) => hub.call(api.amendChecklist, id(checklist)),
    repairRequested: (fault: string) => hub.call(api.repairRequested, id(fault)),
    repaired: (fault: string, note: string) => hub.call(api.repaired, { ...id(fault), body: { note } }),
    signoffs: () => hub.call(api.signoffs),
    worklog: (date?: string) => hub.call(api.worklog, { query: { date } }),
    addEntry: (body: BodyOf<typeof api.addWorklog>) => hub.call(api.addWorklog, { body }),
    answerEntry: (entry: string, answer: string) => hub.call(api.answerWorklog, { ...id(entry), body: { answer } }),
    completeDay: () => hub.call(api.completeWorklogDay, { body: {} }),
    opinions: () => hub.call(api.opinions),
    addOpinion: (body: BodyOf<typeof api.addOpinion>) => hub.call(api.addOpinion, { body }),
    reply: (opinion: string, reply: string) => hub.call(api.replyOpinion, { ...id(opinion), body: { reply } }),
    signOpinion: (opinion: string, pin: string) => hub.call(api.signOpinion, { ...id(opinion), body: { pin } }),
    complaints: () => hub.call(api.complaints),
    openComplaint: (body: BodyOf<typeof api.openComplaint>) => hub.call(api.openComplaint, { body }),
    resolveComplaint: (complaint: string, resolution: string) => hub.call(api.resolveComplaint, { ...id(complaint), body: { resolution } }),
    signComplaint: (complaint: string, pin: string) => hub.call(api.signComplaint, { ...id(complaint), body: { pin } }),
    signIntervention: (intervention: string, pin: string) => hub.call(api.signIntervention, { ...id(intervention), body: { pin } }),
    notebook: () => hub.call(api.notebook),
    saveNote: (body: BodyOf<typeof api.saveNote>) => hub.call(api.saveNote, { body }),
    lookupNote: (kind: BodyOf<typeof api.lookupNote>['kind'], number: string) => hub.call(api.lookupNote, { body: { kind, number } }),
    exportNotebook: () => hub.call(api.exportNotebook),
    importNotebook: (file: BodyOf<typeof api.importNotebook>) => hub.call(api.importNotebook, { body: file }),
    cards: () => hub.call(api.cards),
    addCard: (body: BodyOf<typeof api.addCard>) => hub.call(api.addCard, { body }),
    followUp: (card: string, note: string) => hub.call(api.followUpCard, { ...id(card), body: { note } }),
    closeCard: (card: string, outcome: string) => hub.call(api.closeCard, { ...id(card), body: { outcome } }),
    daily: (date: string) => hub.call(api.dailyReport, { query: { date } }),
    monthly: (month: string) => hub.call(api.monthlyReport, { query: { month } }),
    dailyCsvPath: (date: string) => pathOf(api.dailyCsv, undefined, { date }),
    monthlyCsvPath: (month: string) => pathOf(api.monthlyCsv, undefined, { month }),
    /** Teller figures as CSV, of a day (YYYY-MM-DD) or a month (YYYY-MM). */
    staffCsvPath: (period: string) => pathOf(api.staffCsv, undefined, period.length === 7 ? { month: period } : { date: period }),
    /** A CSV through fetch with the token (a plain link cannot carry it), saved as a file. */
    async downloadCsv(path: string, filename: string): Promise<void> {
      const token = getSession(screen)?.token;
      const res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, await res.text());
      saveBlob(await res.blob(), filename);
    },
  };
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The local date as YYYY-MM-DD (the hub's business day follows the local calendar too). */
export function localToday(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function timeOf(ms: number | null, lang: string): string {
  if (ms === null) return '';
  return new Date(ms).toLocaleString(lang, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}
