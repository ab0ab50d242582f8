// The kiosk's home choices (settings key kiosk.choices): each issues a ticket of a service,
// sends the customer to self-service (with where it is), or asks the lobby manager. A choice
// that issues a ticket may ask the kiosk's anti-fraud question first (fraudPrompt, issue 14.3).
import { App, Button, Card, Checkbox, Input, Select, Space } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskChoice } from '../../../main/common/kiosk';
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';
import { choicesProblem } from './checks';

type Kind = 'ticket' | 'selfService' | 'ask';
const kindOf = (c: KioskChoice): Kind => (c.service !== null ? 'ticket' : c.selfService !== null ? 'selfService' : 'ask');
const MAX_CHOICES = 8;

export function KioskChoicesEditor() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [rows, setRows] = useState<KioskChoice[] | null>(null);
  const [services, setServices] = useState<{ code: string; nameZh: string; nameEn: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const hub = hubFor('admin');
    Promise.all([hub.call(api.kioskConfig), hub.call(api.services)])
      .then(([config, list]) => {
        setRows(config?.choices ?? []);
        setServices(list?.services ?? []);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [errorText]);

  const zh = i18n.language.startsWith('zh');
  const set = (i: number, patch: Partial<KioskChoice>) => setRows((rs) => (rs ?? []).map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setKind = (i: number, kind: Kind) =>
    // Only a ticket is preceded by the anti-fraud question: another kind drops it.
    set(i, { service: kind === 'ticket' ? '' : null, selfService: kind === 'selfService' ? { whereZh: '', whereEn: '' } : null, ...(kind === 'ticket' ? {} : { fraudPrompt: false }) });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!rows) return;
    const problem = choicesProblem(rows);
    if (problem) return setError(t(`branchAdmin.kiosk.${problem.key}`, { n: problem.n }));
    setBusy(true);
    setError(null);
    try {
      const body = { choices: rows.map((c) => ({ ...c, nameZh: c.nameZh.trim(), nameEn: c.nameEn.trim() })) };
      const saved = await hubFor('admin').call(api.setKioskChoices, { body });
      if (saved) setRows(saved.choices);
      void message.success(t('branchAdmin.kiosk.saved'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('branchAdmin.kiosk.title')} data-testid="kiosk-choices-editor">
      <p className="hint">{t('branchAdmin.kiosk.hint')}</p>
      <form onSubmit={(e) => void save(e)}>
        {(rows ?? []).map((c, i) => (
          <Space key={i} wrap data-testid="kiosk-choice-row" style={{ display: 'flex', marginBottom: 8 }}>
            <Input aria-label={t('branchAdmin.kiosk.id')} placeholder={t('branchAdmin.kiosk.id')} value={c.id} onChange={(e) => set(i, { id: e.target.value.trim() })} style={{ width: 120 }} data-testid="choice-id" />
            <Input aria-label={t('branchAdmin.kiosk.nameZh')} placeholder={t('branchAdmin.kiosk.nameZh')} value={c.nameZh} maxLength={16} onChange={(e) => set(i, { nameZh: e.target.value })} style={{ width: 150 }} data-testid="choice-name-zh" />
            <Input aria-label={t('branchAdmin.kiosk.nameEn')} placeholder={t('branchAdmin.kiosk.nameEn')} value={c.nameEn} maxLength={32} onChange={(e) => set(i, { nameEn: e.target.value })} style={{ width: 190 }} data-testid="choice-name-en" />
            <Select
              aria-label={t('branchAdmin.kiosk.kind')}
              value={kindOf(c)}
              onChange={(k: Kind) => setKind(i, k)}
              style={{ width: 170 }}
              data-testid="choice-kind"
              options={(['ticket', 'selfService', 'ask'] as const).map((k) => ({ value: k, label: t(`branchAdmin.kiosk.kinds.${k}`) }))}
            />
            {c.service !== null ? (
              <Select
                aria-label={t('branchAdmin.kiosk.service')}
                placeholder={t('branchAdmin.kiosk.service')}
                value={c.service || undefined}
                onChange={(v: string) => set(i, { service: v })}
                style={{ width: 160 }}
                data-testid="choice-service"
                showSearch
                filterOption={(input, option) => option?.value === input || String(option?.label ?? '').includes(input)}
                options={services.map((s) => ({ value: s.code, label: zh ? s.nameZh : s.nameEn }))}
              />
            ) : null}
            {c.service !== null ? (
              <Checkbox checked={c.fraudPrompt === true} onChange={(e) => set(i, { fraudPrompt: e.target.checked })} data-testid="choice-fraud-prompt">
                {t('fraudWatch.promptToggle')}
              </Checkbox>
            ) : null}
            {c.selfService !== null ? (
              <>
                <Input placeholder={t('branchAdmin.kiosk.whereZh')} value={c.selfService.whereZh} maxLength={60} onChange={(e) => set(i, { selfService: { ...c.selfService!, whereZh: e.target.value } })} style={{ width: 220 }} />
                <Input placeholder={t('branchAdmin.kiosk.whereEn')} value={c.selfService.whereEn} maxLength={120} onChange={(e) => set(i, { selfService: { ...c.selfService!, whereEn: e.target.value } })} style={{ width: 260 }} />
              </>
            ) : null}
            <Button danger onClick={() => setRows((rs) => (rs ?? []).filter((_, j) => j !== i))} disabled={(rows ?? []).length <= 1} data-testid="choice-remove">
              {t('branchAdmin.kiosk.remove')}
            </Button>
          </Space>
        ))}
        <Space>
          <Button
            onClick={() => setRows((rs) => [...(rs ?? []), { id: '', nameZh: '', nameEn: '', service: '', selfService: null, fraudPrompt: false }])}
            disabled={rows === null || rows.length >= MAX_CHOICES}
            data-testid="choice-add"
          >
            {t('branchAdmin.kiosk.add')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} disabled={rows === null} data-testid="save-choices">
            {t('branchAdmin.kiosk.save')}
          </Button>
        </Space>
      </form>
      <ErrorLine message={error} />
    </Card>
  );
}
