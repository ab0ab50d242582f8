// One import, as the admin does it: choose the file (.csv or .xlsx, as the CRM or Excel saved
// it), see the first rows as they will be imported and every problem by its line, in plain
// words; then import. A file with problems imports nothing unless "only the valid rows" is
// ticked. Nothing is sent until a file is chosen, and nothing written until "Import".
import { Alert, Button, Card, Checkbox, List, Space, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES, type ImportProblem, type ImportSource } from '../../main/common/imports';
import { useErrorText } from '../ui/error-text';
import { problemText, sourceText } from './import-text';

export interface Preview<S> {
  source: ImportSource;
  rows: number;
  sample: S[];
  problems: ImportProblem[];
  badLines: number;
  ignored: string[];
}
export type ImportBody = { file: string; onlyValid?: boolean };

/** The file's bytes as base64, in slices (a spread of 2 MB of arguments overflows the stack). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A problem of the whole file: importing "only the valid rows" cannot step over it. */
const wholeFile = (p: ImportProblem) => p.code === 'missing_column' || p.code === 'unclosed_quote';

interface Props<S, R> {
  testId: string;
  title: string;
  format: ReactNode;
  columns: ColumnsType<S>;
  preview: (body: ImportBody) => Promise<Preview<S> | null>;
  run: (body: ImportBody) => Promise<R | null>;
  done: (result: R) => ReactNode;
}

export function ImportPanel<S extends { line: number }, R>({ testId, title, format, columns, preview, run, done }: Props<S, R>) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [shown, setShown] = useState<Preview<S> | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const [busy, setBusy] = useState(false);
  // What happened, not its sentence: switching language re-words it.
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<R | null>(null);

  async function choose(chosen: File) {
    setError(null);
    setResult(null);
    setShown(null);
    setFile(null);
    setOnlyValid(false);
    if (chosen.size > IMPORT_MAX_BYTES) {
      setError(new Error(t('imports.tooLarge')));
      return;
    }
    setBusy(true);
    try {
      const data = await base64Of(chosen);
      setShown(await preview({ file: data }));
      setFile({ name: chosen.name, data });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await run({ file: file.data, onlyValid });
      setResult(answer);
      // The customers' numbers leave the page as soon as the hub has them.
      setFile(null);
      setShown(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const problems = shown?.problems ?? [];
  const blocked = problems.some(wholeFile);
  const canImport = !!shown && shown.rows > 0 && !blocked && (problems.length === 0 || onlyValid);
  return (
    <Card title={title} data-testid={testId}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{format}</Typography.Text>
        <Space wrap>
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(f) => {
              void choose(f);
              return false; // read in the page and previewed; written only on "Import"
            }}
          >
            <Button disabled={busy} data-testid={`${testId}-choose`}>
              {t('imports.chooseFile')}
            </Button>
          </Upload>
          {file ? <Typography.Text data-testid={`${testId}-file`}>{file.name}</Typography.Text> : null}
        </Space>
        {shown ? (
          <>
            <Typography.Text data-testid={`${testId}-summary`}>
              {sourceText(t, shown.source)}
              {t('imports.summary', { rows: shown.rows, bad: shown.badLines })}
              {shown.ignored.length > 0 ? t('imports.ignored', { names: shown.ignored.join(t('imports.listSeparator')) }) : ''}
            </Typography.Text>
            {shown.sample.length > 0 ? (
              <>
                <Typography.Text strong>{t('imports.firstRows')}</Typography.Text>
                <Table<S> size="small" rowKey="line" pagination={false} columns={columns} dataSource={shown.sample} data-testid={`${testId}-sample`} scroll={{ x: true }} />
              </>
            ) : null}
            {problems.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('imports.problemsTitle', { count: shown.badLines })}
                description={
                  <List size="small" data-testid={`${testId}-problems`} dataSource={problems} renderItem={(p) => <List.Item>{problemText(t, p)}</List.Item>} />
                }
              />
            ) : null}
            {problems.length > 0 && !blocked && shown.rows > 0 ? (
              <Checkbox checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} data-testid={`${testId}-only-valid`}>
                {t('imports.onlyValid', { rows: shown.rows, bad: shown.badLines })}
              </Checkbox>
            ) : null}
            <Button type="primary" disabled={!canImport} loading={busy} onClick={() => void submit()} data-testid={`${testId}-submit`}>
              {t('imports.submit', { rows: shown.rows })}
            </Button>
          </>
        ) : null}
        {error ? <Alert type="error" showIcon title={`${errorText(error)} ${t('imports.nothingImported')}`} data-testid={`${testId}-error`} /> : null}
        {result !== null ? <div data-testid={`${testId}-result`}>{done(result)}</div> : null}
      </Space>
    </Card>
  );
}
