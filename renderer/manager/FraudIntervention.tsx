// 防诈骗处置 (issue 14.3): after going to a customer the fraud watch flagged (or any customer
// the manager stopped from a scam), the manager records what happened: the outcome, the
// amount as a band (never the sum or an account), a note. A supervisor then signs it with
// their PIN among the records awaiting signature.
import { Button, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AMOUNT_BANDS, FRAUD_OUTCOMES, type AmountBand as Band, type FraudOutcome as Outcome } from '../../main/common/fraud';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';

/** `watched`: the ticket numbers of the open fraud_watch alerts, offered first. */
export function FraudIntervention({ watched }: { watched: string[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [ticket, setTicket] = useState('');
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [band, setBand] = useState<Band>('unknown');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function save() {
    if (!outcome) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = ticket.trim().toUpperCase();
      await hubFor('manager').call(api.recordIntervention, { body: { ...(trimmed ? { ticket: trimmed } : {}), outcome, amountBand: band, note: note.trim() } });
      setSaved(true);
      setTicket('');
      setOutcome(undefined);
      setBand('unknown');
      setNote('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('fraudIntervention.title')} data-testid="fraud-intervention">
      <div className="intervention-form">
        <Space wrap>
          <Select
            showSearch
            allowClear
            style={{ width: 160 }}
            placeholder={t('fraudIntervention.ticket')}
            value={ticket || undefined}
            onChange={(v: string | undefined) => setTicket(v ?? '')}
            onSearch={setTicket}
            options={watched.map((n) => ({ value: n, label: n }))}
            data-testid="intervention-ticket"
          />
          <Select
            style={{ width: 200 }}
            placeholder={t('fraudIntervention.outcome')}
            value={outcome}
            onChange={(v: Outcome) => setOutcome(v)}
            options={FRAUD_OUTCOMES.map((o) => ({ value: o, label: t(`fraudIntervention.outcomes.${o}`) }))}
            data-testid="intervention-outcome"
          />
          <Select
            style={{ width: 200 }}
            value={band}
            onChange={(v: Band) => setBand(v)}
            options={AMOUNT_BANDS.map((b) => ({ value: b, label: t(`fraudIntervention.bands.${b}`) }))}
            data-testid="intervention-band"
          />
        </Space>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('fraudIntervention.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="intervention-note" />
        <Space>
          <Button type="primary" disabled={!outcome} loading={busy} onClick={() => void save()} data-testid="intervention-save">
            {t('fraudIntervention.save')}
          </Button>
          {saved ? <span className="note">{t('fraudIntervention.saved')}</span> : null}
        </Space>
      </div>
      <ErrorLine message={error} />
      <p className="hint">{t('fraudIntervention.hint')}</p>
    </Card>
  );
}
