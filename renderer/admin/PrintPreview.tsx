// The queue ticket as the printers print it: the hub renders the same receiptline layout as
// SVG (GET /api/printing/preview), with this branch's name and first service.
import { Button, Card, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';

export function PrintPreview() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    hubFor('admin')
      .call(api.printPreview)
      .then((a) => setSvg(a?.svg ?? null))
      .catch((e: unknown) => setError(errorText(e)));
  }, [errorText]);
  useEffect(load, [load]);
  // An <img> of a data: URL, not innerHTML: the SVG never runs as part of the page (and the CSP allows data: images).
  const src = svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null;
  return (
    <Card title={t('printPreview.title')} extra={<Button onClick={load}>{t('printPreview.reload')}</Button>} data-testid="print-preview">
      <p className="hint">{t('printPreview.hint')}</p>
      <ErrorLine message={error} />
      {src ? (
        <div className="ticket-paper">
          <img src={src} alt={t('printPreview.alt')} data-testid="print-preview-image" />
        </div>
      ) : error ? null : (
        <Spin />
      )}
    </Card>
  );
}
