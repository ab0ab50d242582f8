// Branch configuration at head office (issue 16 point 4): the newest published version of each
// kind, and for every branch the version its hub reported holding, or the version it refused
// and why, at a glance. An hq_admin publishes a new version from a JSON file.
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIG_KINDS, type ConfigKind, type ConfigStatusAnswer } from '../../main/common/office/config-wire';
import { officeApi, officeErrorText } from './office-client';
import { useLoad } from './use-load';

type BranchStatus = ConfigStatusAnswer['branches'][number];
type KindState = BranchStatus['kinds'][number];

function StateCell({ state, newest }: { state: KindState | undefined; newest: number | null }) {
  const { t, i18n } = useTranslation();
  if (!state) return null;
  if (state.refused) {
    return (
      <Space orientation="vertical" size={0} data-testid={`config-refused-${state.kind}`}>
        <Tag color="red">{t('officeConfig.refused', { version: state.refused.version })}</Tag>
        {/* Why, in the screen's language where the code is known; the hub's own sentence below names the item. */}
        {i18n.exists(`officeConfig.codes.${state.refused.code}`) ? <span>{t(`officeConfig.codes.${state.refused.code}`)}</span> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {state.refused.reason}
        </Typography.Text>
      </Space>
    );
  }
  if (state.applied === null) return newest === null ? <span>—</span> : <Tag color="gold">{t('officeConfig.never')}</Tag>;
  if (newest !== null && state.applied < newest) return <Tag color="gold">{t('officeConfig.behind', { version: state.applied })}</Tag>;
  return (
    <Tag color="green" data-testid={`config-current-${state.kind}`}>
      {t('officeConfig.version', { version: state.applied })} · {t('officeConfig.current')}
    </Tag>
  );
}

function PublishForm({ token, onPublished }: { token: string; onPublished: () => void }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<ConfigKind>('services');
  const [document, setDocument] = useState<{ name: string; body: unknown; entries: number } | null>(null);
  // Kept as keys, not text, so a language switch re-renders it; an office error is shown as sent.
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'info'; keys: [string, Record<string, unknown>?][] } | { type: 'error'; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  const messageText = (m: NonNullable<typeof message>) =>
    'error' in m
      ? officeErrorText(t, (k) => i18n.exists(k), m.error)
      : m.keys.map(([key, params]) => t(key, { ...params, ...(params?.kind ? { kind: t(`officeConfig.kind.${String(params.kind)}`) } : {}) })).join('; ');

  async function read(file: File | undefined) {
    setMessage(null);
    setDocument(null);
    if (!file) return;
    try {
      const body = JSON.parse(await file.text()) as Record<string, unknown>;
      const list = Object.values(body ?? {}).find(Array.isArray) as unknown[] | undefined;
      setDocument({ name: file.name, body, entries: list?.length ?? 0 });
    } catch {
      setMessage({ type: 'error', keys: [['officeConfig.publish.badFile']] });
    }
  }

  async function publish() {
    if (!document) return;
    setBusy(true);
    try {
      const r = await officeApi.publishConfig(token, kind, document.body);
      const said: [string, Record<string, unknown>][] = [r.changed ? ['officeConfig.publish.done', { kind, version: r.version }] : ['officeConfig.publish.same', { version: r.version }]];
      if (r.dropped) said.push(['officeConfig.publish.dropped', { n: r.dropped }]);
      setMessage({ type: r.changed ? 'success' : 'info', keys: said });
      onPublished();
    } catch (e) {
      setMessage({ type: 'error', error: e });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="config-publish">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('officeConfig.publish.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('officeConfig.publish.help')}</Typography.Text>
      <Space wrap>
        <Select<ConfigKind>
          aria-label={t('officeConfig.publish.kind')}
          value={kind}
          onChange={setKind}
          style={{ width: 200 }}
          options={CONFIG_KINDS.map((k) => ({ value: k, label: t(`officeConfig.kind.${k}`) }))}
          data-testid="config-kind"
        />
        <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer' }}>
          {document ? document.name : t('officeConfig.publish.file')}
          <input type="file" accept=".json,application/json" style={{ display: 'none' }} onChange={(e) => void read(e.target.files?.[0])} data-testid="config-file" />
        </label>
        {document ? <span data-testid="config-entries">{t('officeConfig.publish.entries', { n: document.entries })}</span> : null}
        <Button type="primary" disabled={!document} loading={busy} onClick={() => void publish()} data-testid="config-submit">
          {t('officeConfig.publish.submit')}
        </Button>
      </Space>
      {message ? <Alert type={message.type} showIcon title={messageText(message)} data-testid="config-message" /> : null}
    </Space>
  );
}

export function ConfigPanel({ token, canPublish }: { token: string; canPublish: boolean }) {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useLoad(() => officeApi.configStatus(token), [token]);
  const newest = (kind: ConfigKind) => data?.published.find((p) => p.kind === kind) ?? null;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="office-config-panel">
      <Button onClick={reload} data-testid="config-refresh">
        {t('office.refresh')}
      </Button>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Space wrap size="large" align="start" data-testid="config-published">
        {CONFIG_KINDS.map((k) => {
          const p = newest(k);
          return (
            <Space key={k} orientation="vertical" size={0} style={{ alignSelf: 'flex-start' }}>
              <Typography.Text strong>{t(`officeConfig.kind.${k}`)}</Typography.Text>
              <span>{p ? t('officeConfig.version', { version: p.version }) : t('officeConfig.notPublished')}</span>
              {p ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('officeConfig.publishedBy', { when: when(p.publishedAt), who: p.publishedBy })}
                </Typography.Text>
              ) : null}
            </Space>
          );
        })}
      </Space>
      <Table<BranchStatus>
        data-testid="config-branches"
        rowKey="branchId"
        size="middle"
        pagination={false}
        dataSource={data?.branches ?? []}
        loading={data === null && error === null}
        locale={{ emptyText: t('office.noBranches') }}
        columns={[
          { key: 'name', title: t('officeConfig.branch'), dataIndex: 'name' },
          ...CONFIG_KINDS.map((k) => ({
            key: k,
            title: t(`officeConfig.kind.${k}`),
            render: (_: unknown, b: BranchStatus) => <StateCell state={b.kinds.find((s) => s.kind === k)} newest={newest(k)?.version ?? null} />,
          })),
        ]}
      />
      <Typography.Text type="secondary">{t('officeConfig.legend')}</Typography.Text>
      {canPublish ? <PublishForm token={token} onPublished={reload} /> : null}
    </Space>
  );
}
