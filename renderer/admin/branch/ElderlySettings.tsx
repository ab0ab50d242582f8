// Older customers (issue 14.2): from what age an ID card at the kiosk gives an elderly ticket,
// and where those tickets are called: above normal and below VIP (the default), above VIP,
// or as normal ones. The hub holds the setting and applies it to the next call and estimate.
import { App, Button, Card, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ELDERLY_RANKS, type ElderlyRank } from '../../../main/common/domain';
import { MAX_ELDERLY_AGE as ELDERLY_AGE_MAX, MIN_ELDERLY_AGE as ELDERLY_AGE_MIN } from '../../../main/common/elderly';
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';

interface Saved {
  age: number;
  rank: ElderlyRank;
}

export function ElderlySettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [age, setAge] = useState<number | null>(null);
  const [rank, setRank] = useState<ElderlyRank>('below_vip');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    hubFor('admin')
      .call(api.elderlySettings)
      .then((answer) => {
        setSaved(answer);
        setAge(answer.age);
        setRank(answer.rank);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [errorText]);

  const valid = age !== null && Number.isInteger(age) && age >= ELDERLY_AGE_MIN && age <= ELDERLY_AGE_MAX;
  const changed = saved !== null && (age !== saved.age || rank !== saved.rank);

  async function save() {
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await hubFor('admin').call(api.setElderlySettings, { body: { age, rank } });
      setSaved(answer ?? { age, rank });
      void message.success(t('elderlySettings.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('elderlySettings.title')} data-testid="elderly-settings">
      <Space wrap align="center">
        <label htmlFor="elderly-age">{t('elderlySettings.age')}</label>
        <InputNumber
          id="elderly-age"
          data-testid="elderly-age"
          value={age}
          onChange={(v) => setAge(typeof v === 'number' ? v : null)}
          min={ELDERLY_AGE_MIN}
          max={ELDERLY_AGE_MAX}
          precision={0}
          disabled={saved === null}
          status={saved !== null && !valid ? 'error' : undefined}
          style={{ width: 80 }}
        />
        <span>{t('elderlySettings.ageUnit')}</span>
        <label htmlFor="elderly-rank">{t('elderlySettings.rank')}</label>
        <Select
          id="elderly-rank"
          data-testid="elderly-rank"
          value={rank}
          onChange={setRank}
          disabled={saved === null}
          style={{ width: 380 }}
          options={ELDERLY_RANKS.map((r) => ({ value: r, label: t(`elderlySettings.ranks.${r}`) }))}
        />
        <Button type="primary" onClick={() => void save()} disabled={saved === null || !valid || !changed} loading={busy} data-testid="save-elderly-settings">
          {t('branchAdmin.save')}
        </Button>
      </Space>
      <ErrorLine message={error} />
      <p className="hint">{t('elderlySettings.hint', { min: ELDERLY_AGE_MIN, max: ELDERLY_AGE_MAX })}</p>
    </Card>
  );
}
