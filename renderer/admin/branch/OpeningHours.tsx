// Opening and closing time and the patrols between: when the records' checklists fall due.
import { App, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';
import { CLOCK, patrolList } from './checks';

interface HoursForm {
  openingTime: string;
  closingTime: string;
  patrols: string;
}

export function OpeningHours() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<HoursForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    hubFor('admin')
      .call(api.openingHours)
      .then((h) => h && form.setFieldsValue({ openingTime: h.openingTime, closingTime: h.closingTime, patrols: h.patrolTimes.join(', ') }))
      .catch((e: unknown) => setError(errorText(e)));
  }, [form, errorText]);

  async function save(v: HoursForm) {
    setBusy(true);
    setError(null);
    try {
      const saved = await hubFor('admin').call(api.setOpeningHours, { body: { openingTime: v.openingTime.trim(), closingTime: v.closingTime.trim(), patrolTimes: patrolList(v.patrols ?? '') } });
      if (saved) form.setFieldsValue({ patrols: saved.patrolTimes.join(', ') });
      void message.success(t('branchAdmin.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const time = [{ required: true, pattern: CLOCK, message: t('branchAdmin.hours.badTime') }];
  return (
    <Card title={t('branchAdmin.hours.title')} data-testid="opening-hours">
      <Form form={form} layout="inline" onFinish={(v) => void save(v)}>
        <Form.Item name="openingTime" label={t('branchAdmin.hours.opening')} rules={time}>
          <Input placeholder="09:00" style={{ width: 90 }} data-testid="opening-time" />
        </Form.Item>
        <Form.Item
          name="closingTime"
          label={t('branchAdmin.hours.closing')}
          dependencies={['openingTime']}
          rules={[
            ...time,
            ({ getFieldValue }) => ({
              validator: (_, value: string) => (!CLOCK.test(value ?? '') || value > getFieldValue('openingTime') ? Promise.resolve() : Promise.reject(new Error(t('branchAdmin.hours.closeAfterOpen')))),
            }),
          ]}
        >
          <Input placeholder="17:00" style={{ width: 90 }} data-testid="closing-time" />
        </Form.Item>
        <Form.Item
          name="patrols"
          label={t('branchAdmin.hours.patrols')}
          tooltip={t('branchAdmin.hours.patrolsHint')}
          dependencies={['openingTime', 'closingTime']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string) => {
                const list = patrolList(value ?? '');
                if (!list.every((p) => CLOCK.test(p))) return Promise.reject(new Error(t('branchAdmin.hours.badTime')));
                const ok = list.every((p) => p > getFieldValue('openingTime') && p < getFieldValue('closingTime')) && new Set(list).size === list.length;
                return ok ? Promise.resolve() : Promise.reject(new Error(t('branchAdmin.hours.patrolBetween')));
              },
            }),
          ]}
        >
          <Input placeholder="11:00, 15:00" style={{ width: 180 }} data-testid="patrol-times" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="save-opening-hours">
          {t('branchAdmin.save')}
        </Button>
      </Form>
      <ErrorLine message={error} />
      <p className="hint">{t('branchAdmin.hours.hint')}</p>
    </Card>
  );
}
