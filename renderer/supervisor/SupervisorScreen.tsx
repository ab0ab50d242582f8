// The service-quality supervisor: what awaits their signature (checklists the manager
// completed, opinion-book replies, resolved complaints, fraud interventions), each signed with their own PIN;
// the lobby summary; and the records and reports.
import { Button, Card, Empty, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { recordsApi, timeOf } from '../records/records-api';
import { SignButton } from '../records/SignButton';
import { useLoader } from '../records/use-loader';
import { ErrorLine } from '../ui/ErrorLine';
import { LobbySummary } from '../ui/LobbySummary';
import { ScreenFrame } from '../ui/ScreenFrame';
import { StaffTheme } from '../ui/StaffTheme';

export function SupervisorScreen() {
  return (
    <StaffTheme>
      <Gate screen="supervisor" staffRoles={['supervisor']} pairable={false}>
        <Supervisor />
      </Gate>
    </StaffTheme>
  );
}

function Supervisor() {
  const { t } = useTranslation();
  const { lobby, connection } = useLobby('supervisor');
  const records = (
    <Link to="/records" data-testid="records-link">
      <Button ghost>{t('records.openRecords')}</Button>
    </Link>
  );
  return (
    <ScreenFrame screen="supervisor" connection={connection} lobby={lobby} canSignOut extra={records}>
      <AwaitingSignature seq={lobby?.seq ?? 0} />
      <h2>{t('supervisor.summary')}</h2>
      <LobbySummary lobby={lobby} />
    </ScreenFrame>
  );
}

function AwaitingSignature({ seq }: { seq: number }) {
  const { t, i18n } = useTranslation();
  const api = recordsApi('supervisor');
  // Reloaded with the live feed's seq: a checklist completed on the manager's tablet shows up here at once.
  const { data, error, attempt } = useLoader(() => api.signoffs(), [seq]);
  const en = i18n.language === 'en';
  const count = (data?.checklists.length ?? 0) + (data?.opinions.length ?? 0) + (data?.complaints.length ?? 0) + (data?.interventions.length ?? 0);
  return (
    <Card title={t('records.awaiting.title', { count })} className="awaiting" data-testid="awaiting" style={{ marginBottom: 16 }}>
      <ErrorLine message={error} />
      {count === 0 ? <Empty description={t('records.awaiting.none')} /> : null}
      {data?.checklists.length ? <List
        dataSource={data.checklists}
        renderItem={(c) => {
          const faults = c.items.filter((i) => i.result === 'fault');
          return (
            <List.Item data-testid={`await-checklist-${c.kind}`} actions={[<SignButton key="s" what={t(`records.checklists.kind.${c.kind}`)} onSign={(pin) => attempt(() => api.signChecklist(c.id, pin))} testId={`sign-checklist-${c.kind}`} />]}>
              <List.Item.Meta
                title={<Space>{t(`records.checklists.kind.${c.kind}`)}<Tag>{c.date}</Tag>{c.amends ? <Tag color="gold">{t('records.checklists.amendment')}</Tag> : null}</Space>}
                description={
                  <>
                    {t('records.awaiting.completedBy', { who: c.completedBy, time: timeOf(c.completedAt, i18n.language) })}
                    {faults.length ? <div className="hint">{t('records.awaiting.faults', { items: faults.map((f) => `${en ? f.en : f.zh}${f.note ? `（${f.note}）` : ''}`).join('；') })}</div> : null}
                    <div className="hint">{t('records.awaiting.items', { n: c.items.length, pass: c.items.filter((i) => i.result === 'pass').length, na: c.items.filter((i) => i.result === 'na').length })}</div>
                  </>
                }
              />
            </List.Item>
          );
        }}
      /> : null}
      {data?.opinions.length ? <List
        dataSource={data.opinions}
        renderItem={(o) => (
          <List.Item data-testid="await-opinion" actions={[<SignButton key="s" what={o.text} onSign={(pin) => attempt(() => api.signOpinion(o.id, pin))} testId="sign-opinion" />]}>
            <List.Item.Meta title={<Space>{t('records.tabs.opinions')}<Tag>{o.date}</Tag>{o.hasPhone ? <Tag color="orange">{t('records.opinions.withPhone')}</Tag> : null}</Space>} description={<>{o.text}<div className="hint">{t('records.awaiting.reply', { reply: o.reply, who: o.repliedBy, time: timeOf(o.repliedAt, i18n.language) })}</div></>} />
          </List.Item>
        )}
      /> : null}
      {data?.complaints.length ? <List
        dataSource={data.complaints}
        renderItem={(c) => (
          <List.Item data-testid="await-complaint" actions={[<SignButton key="s" what={c.summary} onSign={(pin) => attempt(() => api.signComplaint(c.id, pin))} testId="sign-complaint" />]}>
            <List.Item.Meta
              title={<Space>{t('records.tabs.complaints')}<Tag>{c.date}</Tag>{c.resolvedAt !== null && c.resolvedAt <= c.dueAt ? <Tag color="green">{t('records.complaints.inTime')}</Tag> : <Tag color="red">{t('records.complaints.late')}</Tag>}</Space>}
              description={<>{c.summary}<div className="hint">{t('records.awaiting.resolution', { resolution: c.resolution, who: c.resolvedBy, time: timeOf(c.resolvedAt, i18n.language) })}</div></>}
            />
          </List.Item>
        )}
      /> : null}
      {data?.interventions.length ? <List
        dataSource={data.interventions}
        renderItem={(x) => {
          const what = `${t('fraudIntervention.title')}${x.ticket ? ` ${x.ticket}` : ''}: ${t(`fraudIntervention.outcomes.${x.outcome}`)}`;
          return (
            <List.Item data-testid="await-intervention" actions={[<SignButton key="s" what={what} onSign={(pin) => attempt(() => api.signIntervention(x.id, pin))} testId="sign-intervention" />]}>
              <List.Item.Meta
                title={<Space>{t('fraudIntervention.title')}<Tag>{x.date}</Tag>{x.ticket ? <Tag>{x.ticket}</Tag> : null}<Tag color={x.outcome === 'proceeded' ? 'red' : 'green'}>{t(`fraudIntervention.outcomes.${x.outcome}`)}</Tag><Tag>{t(`fraudIntervention.bands.${x.amountBand}`)}</Tag></Space>}
                description={<>{x.note}<div className="hint">{t('fraudIntervention.recordedBy', { who: x.recordedBy ?? '', time: timeOf(x.recordedAt, i18n.language) })}</div></>}
              />
            </List.Item>
          );
        }}
      /> : null}
    </Card>
  );
}
