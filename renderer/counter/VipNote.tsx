// A VIP's title and special-customer notes, shown to the teller at this counter only (the
// hub refuses anyone else). The card holder's name and accounts never reach this screen.
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type AnswerOf } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';

type Customer = NonNullable<AnswerOf<typeof api.ticketCustomer>['customer']>;

export function VipNote({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<Customer | null>(null);
  useEffect(() => {
    let live = true;
    setCustomer(null);
    // No registered customer (a VIP ticket issued by priority alone) answers null or 404: show nothing.
    hubFor('counter')
      .call(api.ticketCustomer, { params: { id: ticketId } })
      .then((a) => live && setCustomer(a.customer))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ticketId]);
  if (!customer) return null;
  return (
    <Alert
      className="vip-note"
      data-testid="vip-note"
      type="warning"
      showIcon
      title={customer.title ? t('counter.vipTitle', { title: customer.title }) : t('counter.vip')}
      description={[...customer.notes, ...customer.tags].filter(Boolean).join(' · ') || null}
    />
  );
}
