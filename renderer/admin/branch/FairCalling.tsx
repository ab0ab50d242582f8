// Fair calling (issue 14): on/off and N, the number of priority calls in a row a counter makes
// before its longest-waiting normal ticket. The hub holds the setting and applies it at the
// next call; off is null in the API.
import { App, Button, Card, InputNumber, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../main/common/routes/index';
import { MAX_PRIORITY_IN_A_ROW } from '../../../main/common/routes/settings';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';

// Offered when the admin turns the rule on: one normal customer after every two priority ones.
const FIRST_N = 2;

export function FairCalling() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [saved, setSaved] = useState<number | null | undefined>(undefined);
  const [on, setOn] = useState(false);
  const [n, setN] = useState<number | null>(FIRST_N);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    hubFor('admin')
      .call(api.dispatchSettings)
      .then((answer) => {
        if (!answer) return;
        setSaved(answer.maxPriorityInARow);
        setOn(answer.maxPriorityInARow !== null);
        if (answer.maxPriorityInARow !== null) setN(answer.maxPriorityInARow);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [errorText]);

  const valid = n !== null && Number.isInteger(n) && n >= 1 && n <= MAX_PRIORITY_IN_A_ROW;
  const wanted = on ? n : null;
  const loaded = saved !== undefined;

  async function save() {
    if (on && !valid) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await hubFor('admin').call(api.setDispatchSettings, { body: { maxPriorityInARow: wanted } });
      setSaved(answer?.maxPriorityInARow ?? wanted);
      void message.success(t('branchAdmin.fair.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('branchAdmin.fair.title')} data-testid="fair-calling">
      <Space wrap align="center">
        <Switch checked={on} onChange={setOn} disabled={!loaded} checkedChildren={t('branchAdmin.fair.on')} data-testid="fair-calling-on" />
        <label htmlFor="fair-calling-n">{t('branchAdmin.fair.label')}</label>
        <InputNumber
          id="fair-calling-n"
          data-testid="fair-calling-n"
          value={n}
          onChange={(v) => setN(typeof v === 'number' ? v : null)}
          min={1}
          max={MAX_PRIORITY_IN_A_ROW}
          precision={0}
          disabled={!loaded || !on}
          status={on && !valid ? 'error' : undefined}
          style={{ width: 80 }}
        />
        <span>{t('branchAdmin.fair.unit')}</span>
        <Button type="primary" onClick={() => void save()} disabled={!loaded || (on && !valid) || wanted === saved} loading={busy} data-testid="save-fair-calling">
          {t('branchAdmin.save')}
        </Button>
      </Space>
      <ErrorLine message={error} />
      <p className="hint">{t('branchAdmin.fair.hint')}</p>
    </Card>
  );
}
