// The day's appointments on the manager console: book one (service, time, optional phone),
// see the day's list (the phone never shown: only whether one was given), cancel one, print its
// confirmation slip on the hub's printer or a chosen one. Alt+N goes to a new booking.
import { Alert, Button, Card, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiAppointment } from '../../main/common/routes/appointments';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import type { LobbyView } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { clockTime, localName } from '../ui/format';
import { isoOfLocal, suggestedTime } from './booking-time';

const STATUS_COLOR = { booked: 'blue', checked_in: 'green', cancelled: 'default' } as const;
const HUB_PRINTER = 'hub';

export function AppointmentsPanel({ lobby }: { lobby: LobbyView }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const hub = hubFor('manager');
  const [list, setList] = useState<ApiAppointment[]>([]);
  const [service, setService] = useState<string | undefined>(lobby.queues[0]?.service);
  const [time, setTime] = useState(() => suggestedTime(Date.now()));
  const [phone, setPhone] = useState('');
  const [printers, setPrinters] = useState<string[]>([]);
  const [printer, setPrinter] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [message, setMessage] = useState<(() => string) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timeRef = useRef<HTMLInputElement | null>(null);
  const serviceName = (code: string) => {
    const q = lobby.queues.find((x) => x.service === code);
    return q ? localName(q, i18n.language) : code;
  };

  const refresh = useCallback(() => {
    hubFor('manager')
      .call(api.listAppointments)
      .then((a) => setList(a.appointments))
      .catch(() => undefined);
  }, []);
  // A booking or a cancellation (from here or another console) arrives on the feed: read again.
  useEffect(refresh, [refresh, lobby.seq]);

  useEffect(() => {
    hubFor('manager')
      .call(api.printers)
      .then((a) => {
        const devices = a.printers.map((p) => p.device);
        setPrinters(devices);
        setPrinter((p) => p ?? (devices.includes(HUB_PRINTER) ? HUB_PRINTER : (devices[0] ?? null)));
      })
      .catch(() => setPrinters([]));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        timeRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function act(fn: () => Promise<(() => string) | null>) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const next = await fn();
      // A thunk, so the sentence follows a language switch; given to React as a value, not an updater.
      setMessage(() => next);
      refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const phoneOk = phone.trim() === '' || /^\+?[\d\s-]{7,20}$/.test(phone.trim());
  const at = isoOfLocal(time);

  const book = () =>
    act(async () => {
      if (!service) throw new Error(t('appointments.pickService'));
      if (!at) throw new Error(t('appointments.pickTime'));
      if (!phoneOk) throw new Error(t('appointments.badPhone'));
      const answer = await hub.call(api.bookAppointment, { body: { service, at, ...(phone.trim() && { phone: phone.trim() }) } });
      setPhone('');
      return () => i18n.t('appointments.booked', { code: answer.code });
    });

  const print = (code: string) =>
    act(async () => {
      await hub.call(api.printAppointment, { params: { code }, body: { printer: printer === HUB_PRINTER ? null : printer } });
      return () => i18n.t('appointments.printed', { code });
    });

  const cancel = (code: string) =>
    act(async () => {
      await hub.call(api.cancelAppointment, { params: { code } });
      setCancelling(null);
      return () => i18n.t('appointments.cancelled', { code });
    });

  return (
    <Card size="small" title={t('appointments.title')} data-testid="appointments-panel" extra={<span className="hint">{t('appointments.shortcut')}</span>}>
      <form
        className="booking-form"
        data-testid="booking-form"
        onSubmit={(e) => {
          e.preventDefault();
          void book();
        }}
      >
        <Space wrap>
          <Select
            aria-label={t('appointments.service')}
            data-testid="booking-service"
            style={{ minWidth: 140 }}
            value={service}
            onChange={setService}
            options={lobby.queues.map((q) => ({ value: q.service, label: localName(q, i18n.language) }))}
          />
          <input
            ref={timeRef}
            type="datetime-local"
            className="ant-input"
            aria-label={t('appointments.time')}
            data-testid="booking-time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
          <Input
            aria-label={t('appointments.phone')}
            placeholder={t('appointments.phone')}
            title={t('appointments.phoneHint')}
            data-testid="booking-phone"
            style={{ width: 170 }}
            status={phoneOk ? undefined : 'error'}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            inputMode="tel"
            autoComplete="off"
          />
          <Button type="primary" htmlType="submit" disabled={busy} data-testid="booking-submit">
            {t('appointments.submit')}
          </Button>
        </Space>
      </form>
      {message && (
        <div className="appointments-message" data-testid="appointments-message">
          <Alert type="success" showIcon title={message()} />
        </div>
      )}
      <ErrorLine message={error} />
      <Table<ApiAppointment>
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={list}
        data-testid="appointment-list"
        locale={{ emptyText: t('appointments.empty') }}
        rowClassName={(a) => `appointment-row appointment-${a.status}`}
        columns={[
          { title: t('appointments.time'), dataIndex: 'at', render: (v: string) => clockTime(v, i18n.language), width: 70 },
          { title: t('appointments.code'), dataIndex: 'code', render: (v: string) => <code data-testid="appointment-code">{v}</code> },
          { title: t('appointments.service'), dataIndex: 'service', render: serviceName },
          { title: '', dataIndex: 'status', render: (s: ApiAppointment['status']) => <Tag color={STATUS_COLOR[s]}>{t(`appointments.status.${s}`)}</Tag> },
          { title: '', dataIndex: 'phone', render: (p: boolean) => (p ? t('appointments.hasPhone') : t('appointments.noPhone')) },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, a: ApiAppointment) => (
              <Space size="small">
                <Button
                  size="small"
                  disabled={busy || printers.length === 0}
                  title={printers.length === 0 ? t('appointments.noPrinter') : undefined}
                  onClick={() => void print(a.code)}
                  data-testid="appointment-print"
                >
                  {t('appointments.print')}
                </Button>
                {a.status === 'booked' && (
                  <Button size="small" danger disabled={busy} onClick={() => setCancelling(a.code)} data-testid="appointment-cancel">
                    {t('appointments.cancel')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {printers.length > 1 && (
        <Space className="appointments-printer">
          {t('appointments.printer')}
          <Select
            size="small"
            style={{ minWidth: 180 }}
            value={printer ?? undefined}
            onChange={setPrinter}
            options={printers.map((d) => ({ value: d, label: d === HUB_PRINTER ? t('appointments.hubPrinter') : d }))}
          />
        </Space>
      )}
      <Modal
        open={cancelling !== null}
        title={t('appointments.cancelConfirm', { code: cancelling ?? '' })}
        okText={t('appointments.cancel')}
        okButtonProps={{ danger: true }}
        cancelText={t('appointments.keep')}
        confirmLoading={busy}
        onOk={() => cancelling && void cancel(cancelling)}
        onCancel={() => setCancelling(null)}
      >
        <p>{t('appointments.cancelConfirmBody')}</p>
      </Modal>
    </Card>
  );
}
