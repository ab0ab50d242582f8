// The records pages' calls to the hub, with the records screen's own session.
import type { CareCard, Checklist, ChecklistTemplate, Complaint, DailyRecordsReport, DeviceFault, MonthlyReport, NotebookEntry, NotebookFile, Opinion, WorklogDay, WorklogEntry } from '../../main/common/records';
import { getSession, type Screen } from '../auth/session';
import { ApiError, hubFor } from '../hub-client';

export type OpinionView = Opinion & { phone?: string | null };

export function recordsApi(screen: Screen = 'records') {
  const hub = hubFor(screen);
  const get = async <T,>(path: string) => (await hub.get<T>(path)) as T;
  const post = async <T,>(path: string, body?: unknown) => (await hub.post<T>(path, body ?? {})) as T;
  return {
    templates: () => get<{ templates: ChecklistTemplate[] }>('/api/checklists/templates'),
    saveTemplate: (kind: string, items: ChecklistTemplate['items']) => post<{ template: ChecklistTemplate }>(`/api/checklists/templates/${kind}`, { items }),
    checklists: (date?: string) => get<{ date: string; checklists: Checklist[]; faults: DeviceFault[] }>(`/api/checklists${date ? `?date=${date}` : ''}`),
    startChecklist: (kind: string, date?: string) => post<{ checklist: Checklist }>('/api/checklists', date ? { kind, date } : { kind }),
    answer: (id: string, answers: { itemId: string; result: string | null; note: string }[]) => post<{ checklist: Checklist }>(`/api/checklists/${id}/answers`, { answers }),
    complete: (id: string) => post<{ checklist: Checklist }>(`/api/checklists/${id}/complete`),
    signChecklist: (id: string, pin: string) => post<{ checklist: Checklist }>(`/api/checklists/${id}/sign`, { pin }),
    amend: (id: string) => post<{ checklist: Checklist }>(`/api/checklists/${id}/amend`),
    repairRequested: (id: string) => post<{ fault: DeviceFault }>(`/api/faults/${encodeURIComponent(id)}/repair-requested`),
    repaired: (id: string, note: string) => post<{ fault: DeviceFault }>(`/api/faults/${encodeURIComponent(id)}/repaired`, { note }),
    signoffs: () => get<{ checklists: Checklist[]; opinions: Opinion[]; complaints: Complaint[] }>('/api/signoffs'),
    worklog: (date?: string) => get<{ date: string; entries: WorklogEntry[]; pending: WorklogEntry[]; day: WorklogDay | null }>(`/api/worklog${date ? `?date=${date}` : ''}`),
    addEntry: (body: { kind: string; text: string; followUpDue?: string | null }) => post<{ entry: WorklogEntry }>('/api/worklog', body),
    answerEntry: (id: string, answer: string) => post<{ entry: WorklogEntry }>(`/api/worklog/${id}/answer`, { answer }),
    completeDay: () => post<{ day: WorklogDay }>('/api/worklog/complete-day'),
    opinions: () => get<{ opinions: OpinionView[] }>('/api/opinions'),
    addOpinion: (body: { theme: string; text: string; phone?: string; source: string }) => post<{ opinion: OpinionView }>('/api/opinions', body),
    reply: (id: string, reply: string) => post<{ opinion: Opinion }>(`/api/opinions/${id}/reply`, { reply }),
    signOpinion: (id: string, pin: string) => post<{ opinion: Opinion }>(`/api/opinions/${id}/sign`, { pin }),
    complaints: () => get<{ complaints: Complaint[] }>('/api/complaints'),
    openComplaint: (body: unknown) => post<{ complaint: Complaint }>('/api/complaints', body),
    resolveComplaint: (id: string, resolution: string) => post<{ complaint: Complaint }>(`/api/complaints/${id}/resolve`, { resolution }),
    signComplaint: (id: string, pin: string) => post<{ complaint: Complaint }>(`/api/complaints/${id}/sign`, { pin }),
    notebook: () => get<{ entries: NotebookEntry[] }>('/api/notebook'),
    saveNote: (body: { kind: string; number: string; title: string; notes: string; tags: string[] }) => post<{ entry: NotebookEntry }>('/api/notebook', body),
    lookupNote: (kind: string, number: string) => post<{ entry: NotebookEntry | null }>('/api/notebook/lookup', { kind, number }),
    exportNotebook: () => get<NotebookFile>('/api/notebook/export'),
    importNotebook: (file: unknown) => post<{ imported: number }>('/api/notebook/import', file),
    cards: () => get<{ cards: CareCard[] }>('/api/cards'),
    addCard: (body: { kind: string; title: string; need: string; assignedTo: string }) => post<{ card: CareCard }>('/api/cards', body),
    followUp: (id: string, note: string) => post<{ card: CareCard }>(`/api/cards/${id}/follow-up`, { note }),
    closeCard: (id: string, outcome: string) => post<{ card: CareCard }>(`/api/cards/${id}/close`, { outcome }),
    daily: (date: string) => get<DailyRecordsReport>(`/api/reports/daily?date=${date}`),
    monthly: (month: string) => get<MonthlyReport>(`/api/reports/monthly?month=${month}`),
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
