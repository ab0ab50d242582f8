// The branch's names in Chinese and English: the display's title, the kiosk's and the ticket's.
import { App, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';

interface Names {
  nameZh: string;
  nameEn: string;
}

export function BranchNames() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Names>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    hubFor('admin')
      .call(api.branchNames)
      .then((names) => names && form.setFieldsValue(names))
      .catch((e: unknown) => setError(errorText(e)));
  }, [form, errorText]);

  async function save(names: Names) {
    setBusy(true);
    setError(null);
    try {
      await hubFor('admin').call(api.setBranchNames, { body: { nameZh: names.nameZh.trim(), nameEn: names.nameEn.trim() } });
      void message.success(t('branchAdmin.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const required = [{ required: true, whitespace: true, message: t('branchAdmin.services.needName') }];
  return (
    <Card title={t('branchAdmin.names.title')} data-testid="branch-names">
      <Form form={form} layout="inline" onFinish={(v) => void save(v)}>
        <Form.Item name="nameZh" label={t('branchAdmin.names.nameZh')} rules={required}>
          <Input maxLength={24} data-testid="branch-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('branchAdmin.names.nameEn')} rules={required}>
          <Input maxLength={48} data-testid="branch-name-en" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="save-branch-names">
          {t('branchAdmin.save')}
        </Button>
      </Form>
      <ErrorLine message={error} />
      <p className="hint">{t('branchAdmin.names.hint')}</p>
    </Card>
  );
}
