// The sources' complaint flow as a guided form, one question at a time: the customer's
// emotion → calm and listen → was it our fault → what they want → solvable on the spot, or
// is the demand reasonable and what time is promised. Multiple choice, not an essay.
import { Button, Checkbox, DatePicker, Form, Input, Radio, Space, Steps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOTIONS, WANTS } from '../../main/common/records';

export interface ComplaintFormValues {
  emotion: (typeof EMOTIONS)[number];
  calmed: boolean;
  listened: boolean;
  summary: string;
  ourFault: boolean;
  faultDetail: string;
  wants: (typeof WANTS)[number][];
  solvableOnSpot: boolean;
  reasonable: boolean;
  promisedAt?: string;
}

export function ComplaintForm({ onSubmit }: { onSubmit: (v: ComplaintFormValues) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [v, setV] = useState<Partial<ComplaintFormValues> & { promised?: Dayjs | null }>({ calmed: false, listened: false, wants: [], faultDetail: '' });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const yesNo = (value: boolean | undefined, onChange: (b: boolean) => void, name: string) => (
    <Radio.Group value={value} onChange={(e) => onChange(e.target.value as boolean)} optionType="button" buttonStyle="solid" data-testid={name}>
      <Radio.Button value={true}>{t('records.yes')}</Radio.Button>
      <Radio.Button value={false}>{t('records.no')}</Radio.Button>
    </Radio.Group>
  );
  const steps = [
    {
      title: t('records.complaints.step.emotion'),
      ok: !!v.emotion,
      body: (
        <Radio.Group value={v.emotion} onChange={(e) => set({ emotion: e.target.value })} optionType="button" buttonStyle="solid" data-testid="emotion">
          {EMOTIONS.map((e) => <Radio.Button key={e} value={e}>{t(`records.complaints.emotion.${e}`)}</Radio.Button>)}
        </Radio.Group>
      ),
    },
    {
      title: t('records.complaints.step.listen'),
      ok: !!v.summary?.trim(),
      body: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Checkbox checked={v.calmed} onChange={(e) => set({ calmed: e.target.checked })} data-testid="calmed">{t('records.complaints.calmed')}</Checkbox>
          <Checkbox checked={v.listened} onChange={(e) => set({ listened: e.target.checked })} data-testid="listened">{t('records.complaints.listened')}</Checkbox>
          <Input.TextArea rows={2} value={v.summary} onChange={(e) => set({ summary: e.target.value })} placeholder={t('records.complaints.summary')} data-testid="complaint-summary" />
        </Space>
      ),
    },
    {
      title: t('records.complaints.step.fault'),
      ok: v.ourFault !== undefined,
      body: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {yesNo(v.ourFault, (b) => set({ ourFault: b }), 'our-fault')}
          {v.ourFault ? <Input.TextArea rows={2} value={v.faultDetail} onChange={(e) => set({ faultDetail: e.target.value })} placeholder={t('records.complaints.faultDetail')} /> : null}
        </Space>
      ),
    },
    {
      title: t('records.complaints.step.wants'),
      ok: (v.wants?.length ?? 0) > 0,
      body: <Checkbox.Group<(typeof WANTS)[number]> value={v.wants} onChange={(w) => set({ wants: w })} options={WANTS.map((w) => ({ value: w, label: t(`records.complaints.want.${w}`) }))} data-testid="wants" />,
    },
    {
      title: t('records.complaints.step.solve'),
      ok: v.solvableOnSpot === true || (v.solvableOnSpot === false && v.reasonable !== undefined),
      body: (
        <Space direction="vertical">
          {yesNo(v.solvableOnSpot, (b) => set({ solvableOnSpot: b }), 'solvable')}
          {v.solvableOnSpot === false ? (
            <>
              <span>{t('records.complaints.reasonable')}</span>
              {yesNo(v.reasonable, (b) => set({ reasonable: b }), 'reasonable')}
              <span className="hint">{v.reasonable ? t('records.complaints.promiseHint') : t('records.complaints.explainHint')}</span>
              <DatePicker showTime value={v.promised ?? null} onChange={(d) => set({ promised: d })} placeholder={t('records.complaints.promised')} />
            </>
          ) : null}
        </Space>
      ),
    },
  ];
  const current = steps[step]!;
  const last = step === steps.length - 1;

  async function submit() {
    const ok = await onSubmit({
      emotion: v.emotion!,
      calmed: !!v.calmed,
      listened: !!v.listened,
      summary: v.summary!.trim(),
      ourFault: !!v.ourFault,
      faultDetail: v.faultDetail ?? '',
      wants: v.wants ?? [],
      solvableOnSpot: !!v.solvableOnSpot,
      reasonable: v.solvableOnSpot ? true : !!v.reasonable,
      ...(v.promised ? { promisedAt: v.promised.toISOString() } : {}),
    });
    if (ok) {
      setStep(0);
      setV({ calmed: false, listened: false, wants: [], faultDetail: '' });
    }
  }

  return (
    <div className="complaint-form" data-testid="complaint-form">
      <Steps size="small" current={step} items={steps.map((s) => ({ title: s.title }))} />
      <Form layout="vertical" className="complaint-step">
        <Form.Item label={current.title}>{current.body}</Form.Item>
      </Form>
      <Space>
        <Button disabled={step === 0} onClick={() => setStep(step - 1)}>{t('records.back')}</Button>
        {last ? (
          <Button type="primary" disabled={!current.ok} onClick={submit} data-testid="complaint-submit">{t('records.complaints.record')}</Button>
        ) : (
          <Button type="primary" disabled={!current.ok} onClick={() => setStep(step + 1)} data-testid="complaint-next">{t('records.next')}</Button>
        )}
      </Space>
    </div>
  );
}
