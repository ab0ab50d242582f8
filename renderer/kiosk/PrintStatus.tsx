// Under the big number: "printing…", "take your ticket", or, when the printer fails, a plain
// sentence and the ticket's QR code so the customer can follow it on the phone instead. When
// the printer took the ticket but never confirmed it, whom to ask if no ticket came out.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTicketPrint } from './use-ticket-print';

export function PrintStatus({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const state = useTicketPrint(ticketId);
  const [qr, setQr] = useState<string | null>(null);
  const failed = state.kind === 'failed';
  useEffect(() => {
    if (!failed) return;
    const url = `${window.location.origin}/t/${encodeURIComponent(ticketId)}`;
    void QRCode.toDataURL(url, { margin: 1, width: 240 }).then(setQr);
  }, [failed, ticketId]);
  if (state.kind === 'printing') return <p className="hint" data-testid="print-status" data-state="printing">{t('kioskPrint.printing')}</p>;
  if (state.kind === 'printed' && state.uncertain) {
    return (
      <div className="kiosk-print-uncertain" data-testid="print-status" data-state="uncertain">
        <p className="kiosk-print-ok">{t('kioskPrint.printed')}</p>
        <p className="kiosk-ask-manager" data-testid="ask-manager">{t('kioskPrint.askManager')}</p>
      </div>
    );
  }
  if (state.kind === 'printed') return <p className="kiosk-print-ok" data-testid="print-status" data-state="printed">{t('kioskPrint.printed')}</p>;
  const reason = t(`kioskPrint.fault.${state.code}`, { defaultValue: t('kioskPrint.fault.other') });
  return (
    <div className="kiosk-print-failed" data-testid="print-status" data-state="failed" data-code={state.code}>
      <p className="error-line">{reason}</p>
      <p className="kiosk-still-valid">{t('kioskPrint.stillValid')}</p>
      {qr ? <img src={qr} alt={t('kioskPrint.qrAlt')} width={240} height={240} data-testid="ticket-qr" /> : null}
      <p className="hint">{t('kioskPrint.scan')}</p>
    </div>
  );
}
