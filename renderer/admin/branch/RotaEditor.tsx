// The staffing rota (who pauses when: lunches, meetings), which the wait estimate plans with.
// One row a planned pause; the hub's route (PUT /api/settings/rota) checks it again.
import { App, Button, Card, Input, Select, Space } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyView } from '../../live/lobby-state';
import { PAUSE_REASONS, type PauseReason } from '../../../main/common/domain';
import { rotaProblem, type RotaRow } from './checks';
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';
import { counterName } from '../../ui/counter-name';

export function RotaEditor({ lobby }: { lobby: LobbyView | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [rows, setRows] = useState<RotaRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    hubFor('admin')
      .call(api.rota)
      .then((a) => setRows(a?.rota ?? []))
      .catch((e: unknown) => setError(errorText(e)));
  }, [errorText]);

  const counters = lobby?.counters ?? [];
  const set = (i: number, patch: Partial<RotaRow>) => setRows((rs) => (rs ?? []).map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!rows) return;
    const problem = rotaProblem(rows);
    if (problem) return setError(t(`branchAdmin.rota.${problem.key}`, { n: problem.n }));
    setBusy(true);
    setError(null);
    try {
      const saved = await hubFor('admin').call(api.setRota, { body: { rota: rows } });
      if (saved) setRows(saved.rota);
      void message.success(t('branchAdmin.rota.saved'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('branchAdmin.rota.title')} data-testid="rota-editor">
      <p className="hint">{t('branchAdmin.rota.hint')}</p>
      <form onSubmit={(e) => void save(e)}>
        {rows && rows.length === 0 ? <p data-testid="rota-empty">{t('branchAdmin.rota.empty')}</p> : null}
        {(rows ?? []).map((r, i) => (
          <Space key={i} wrap className="rota-row" data-testid="rota-row" style={{ display: 'flex', marginBottom: 8 }}>
            <Select
              aria-label={t('branchAdmin.rota.counter')}
              placeholder={t('branchAdmin.rota.counter')}
              value={r.counter || undefined}
              onChange={(v: string) => set(i, { counter: v })}
              style={{ width: 210 }}
              data-testid="rota-counter"
              showSearch
              filterOption={(input, option) => option?.value === input || String(option?.label ?? '').includes(input)}
              options={counters.map((c) => ({ value: c.id, label: counterName(t, c.id, c.label) }))}
            />
            <Input aria-label={t('branchAdmin.rota.from')} prefix={t('branchAdmin.rota.from')} placeholder="11:30" value={r.from} onChange={(e) => set(i, { from: e.target.value.trim() })} style={{ width: 140 }} data-testid="rota-from" />
            <Input aria-label={t('branchAdmin.rota.until')} prefix={t('branchAdmin.rota.until')} placeholder="12:30" value={r.until} onChange={(e) => set(i, { until: e.target.value.trim() })} style={{ width: 140 }} data-testid="rota-until" />
            <Select
              aria-label={t('branchAdmin.rota.reason')}
              value={r.reason}
              onChange={(v: PauseReason) => set(i, { reason: v })}
              style={{ width: 120 }}
              data-testid="rota-reason"
              options={PAUSE_REASONS.map((p) => ({ value: p, label: t(`branchAdmin.rota.reasons.${p}`) }))}
            />
            <Button danger onClick={() => setRows((rs) => (rs ?? []).filter((_, j) => j !== i))} data-testid="rota-remove">
              {t('branchAdmin.rota.remove')}
            </Button>
          </Space>
        ))}
        <Space>
          <Button onClick={() => setRows((rs) => [...(rs ?? []), { counter: '', from: '', until: '', reason: 'lunch' }])} disabled={rows === null} data-testid="rota-add">
            {t('branchAdmin.rota.add')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} disabled={rows === null} data-testid="save-rota">
            {t('branchAdmin.rota.save')}
          </Button>
        </Space>
      </form>
      <ErrorLine message={error} />
    </Card>
  );
}
