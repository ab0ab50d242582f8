// The branch's calendar of day kinds (issue 15): pension days, month-end days and holiday eves.
// The wait estimate learns each kind from past days of that kind; the hub relearns at its next
// prediction after a save, so nothing needs a restart.
import { App, Button, Card, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_HOLIDAY_EVES, MAX_MONTH_END_DAYS, PENSION_WEEKEND_RULES, type BranchCalendar, type DayKind, type PensionWeekendRule } from '../../../main/common/calendar';
import { isCalendarDate } from '../../../main/common/dates';
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';

const DAYS_OF_MONTH = Array.from({ length: 31 }, (_, i) => i + 1);

export function CalendarSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [saved, setSaved] = useState<BranchCalendar | null>(null);
  const [today, setToday] = useState<{ date: string; kind: DayKind } | null>(null);
  const [pensionDays, setPensionDays] = useState<number[]>([]);
  const [pensionOnWeekend, setPensionOnWeekend] = useState<PensionWeekendRule>('same_day');
  const [monthEndDays, setMonthEndDays] = useState<number | null>(0);
  const [holidayEves, setHolidayEves] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (answer: BranchCalendar & { today: { date: string; kind: DayKind } }) => {
    const { today: day, ...calendar } = answer;
    setSaved(calendar);
    setToday(day);
    setPensionDays(calendar.pensionDays);
    setPensionOnWeekend(calendar.pensionOnWeekend);
    setMonthEndDays(calendar.monthEndDays);
    setHolidayEves(calendar.holidayEves);
  };

  useEffect(() => {
    hubFor('admin')
      .call(api.calendarSettings)
      .then((answer) => {
        if (answer) show(answer);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [errorText]);

  const badEves = holidayEves.filter((d) => !isCalendarDate(d));
  const validMonthEnd = monthEndDays !== null && Number.isInteger(monthEndDays) && monthEndDays >= 0 && monthEndDays <= MAX_MONTH_END_DAYS;
  const valid = validMonthEnd && badEves.length === 0 && holidayEves.length <= MAX_HOLIDAY_EVES;
  const wanted: BranchCalendar | null = valid ? { pensionDays: [...pensionDays].sort((a, b) => a - b), pensionOnWeekend, monthEndDays: monthEndDays!, holidayEves: [...new Set(holidayEves)].sort() } : null;
  const changed = saved !== null && wanted !== null && JSON.stringify(wanted) !== JSON.stringify(saved);

  async function save() {
    if (!wanted) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await hubFor('admin').call(api.setCalendarSettings, { body: wanted });
      if (answer) show(answer);
      void message.success(t('calendarSettings.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('calendarSettings.title')} data-testid="calendar-settings">
      {today && (
        <p data-testid="calendar-today">
          {t('calendarSettings.today', { date: today.date, kind: t(`calendarSettings.kind.${today.kind}`) })}
        </p>
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap align="center">
          <label htmlFor="calendar-pension-days">{t('calendarSettings.pensionDays')}</label>
          <Select
            id="calendar-pension-days"
            data-testid="calendar-pension-days"
            mode="multiple"
            value={pensionDays}
            onChange={setPensionDays}
            options={DAYS_OF_MONTH.map((d) => ({ value: d, label: t('calendarSettings.dayOfMonth', { day: d }) }))}
            disabled={saved === null}
            style={{ minWidth: 200 }}
          />
          <label htmlFor="calendar-weekend">{t('calendarSettings.weekend')}</label>
          <Select
            id="calendar-weekend"
            data-testid="calendar-weekend"
            value={pensionOnWeekend}
            onChange={setPensionOnWeekend}
            options={PENSION_WEEKEND_RULES.map((r) => ({ value: r, label: t(`calendarSettings.weekendRule.${r}`) }))}
            disabled={saved === null}
            style={{ minWidth: 200 }}
          />
        </Space>
        <Space wrap align="center">
          <label htmlFor="calendar-month-end">{t('calendarSettings.monthEnd')}</label>
          <InputNumber
            id="calendar-month-end"
            data-testid="calendar-month-end"
            value={monthEndDays}
            onChange={(v) => setMonthEndDays(typeof v === 'number' ? v : null)}
            min={0}
            max={MAX_MONTH_END_DAYS}
            precision={0}
            disabled={saved === null}
            status={validMonthEnd ? undefined : 'error'}
            style={{ width: 80 }}
          />
          <span>{t('calendarSettings.days')}</span>
        </Space>
        <Space wrap align="center">
          <label htmlFor="calendar-holiday-eves">{t('calendarSettings.holidayEves')}</label>
          <Select
            id="calendar-holiday-eves"
            data-testid="calendar-holiday-eves"
            mode="tags"
            value={holidayEves}
            onChange={(v: string[]) => setHolidayEves(v.map((d) => d.trim()))}
            tokenSeparators={[',', ' ', '，']}
            placeholder="2026-09-30"
            disabled={saved === null}
            status={badEves.length > 0 ? 'error' : undefined}
            open={false}
            style={{ minWidth: 320 }}
          />
        </Space>
        {badEves.length > 0 && <ErrorLine message={t('calendarSettings.badDate', { dates: badEves.join(', ') })} />}
        <Button type="primary" onClick={() => void save()} disabled={!changed} loading={busy} data-testid="save-calendar">
          {t('branchAdmin.save')}
        </Button>
      </Space>
      <ErrorLine message={error} />
      <p className="hint">{t('calendarSettings.hint')}</p>
    </Card>
  );
}
