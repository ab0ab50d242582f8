// The admin imports the VIP register from the CRM's CSV export. The hub hashes card and
// phone numbers on import and keeps no clear copy; a bad line is named in a plain sentence
// and nothing of that import is written.
import { Alert, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../main/common/routes/index';
import { ApiError, hubFor } from '../hub-client';
import { useErrorText } from '../ui/error-text';
import { csvErrorText } from './csv-error-text';

export function VipImport() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  // What happened, not its sentence: switching language re-words it.
  const [result, setResult] = useState<{ ok: true; count: number } | { ok: false; error: unknown } | null>(null);

  async function submit() {
    setBusy(true);
    setResult(null);
    try {
      const answer = await hubFor('admin').call(api.vipImport, { body: { csv } });
      if (answer) setResult({ ok: true, count: answer.imported });
      setCsv(''); // the clear numbers leave the page as soon as the hub has them
    } catch (e) {
      setResult({ ok: false, error: e });
    } finally {
      setBusy(false);
    }
  }

  const failure = (e: unknown) => {
    const text = e instanceof ApiError && e.code === 'invalid_csv' ? csvErrorText(t, e.message) : errorText(e);
    // Chinese sentences run on without a space.
    return `${text}${i18n.language.startsWith('zh') ? '' : ' '}${t('vipImport.nothingImported')}`;
  };
  const resultText = result === null ? null : result.ok ? t('vipImport.done', { count: result.count }) : failure(result.error);
  return (
    <Card title={t('vipImport.title')} data-testid="vip-import">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('vipImport.format')}</Typography.Text>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setCsv);
            return false; // read in the page; nothing is uploaded until "Import"
          }}
        >
          <Button>{t('vipImport.chooseFile')}</Button>
        </Upload>
        <Input.TextArea
          name="csv"
          rows={6}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          placeholder={'title,card,phone,notes,tags\n王先生,6222020000000001,13800000001,喜欢靠窗;需要老花镜,理财'}
          style={{ fontFamily: 'ui-monospace, monospace' }}
        />
        <Button type="primary" onClick={() => void submit()} loading={busy} disabled={csv.trim() === ''} data-testid="vip-import-submit">
          {t('vipImport.submit')}
        </Button>
        {result ? <Alert type={result.ok ? 'success' : 'error'} showIcon message={resultText} data-testid="vip-import-result" /> : null}
      </Space>
    </Card>
  );
}
