// The admin's checklist template editor: the items of the opening, patrol and closing
// checklists in Chinese and English, which are devices (a fault opens a repair record).
// Saving makes a new version; checklists already started keep the version they used.
import { Button, Card, Checkbox, Input, Radio, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistTemplate, TemplateItem } from '../../main/common/records';
import { recordsApi } from '../records/records-api';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { StaffTheme } from '../ui/StaffTheme';

/** Ant Design's theme and locale around the editor (the admin screen itself is plain). */
export function ChecklistTemplateEditor() {
  return (
    <StaffTheme>
      <TemplateEditor />
    </StaffTheme>
  );
}

function TemplateEditor() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const api = recordsApi('admin');
  const [templates, setTemplates] = useState<ChecklistTemplate[]>([]);
  const [kind, setKind] = useState<'opening' | 'patrol' | 'closing'>('opening');
  const [items, setItems] = useState<TemplateItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = templates.find((x) => x.kind === kind);

  useEffect(() => {
    api.templates().then((r) => setTemplates(r.templates), (e) => setError(errorText(e)));
  }, []);
  useEffect(() => setItems(current ? current.items.map((i) => ({ ...i })) : []), [current]);

  const patch = (n: number, p: Partial<TemplateItem>) => setItems((xs) => xs.map((x, i) => (i === n ? { ...x, ...p } : x)));
  async function save() {
    setError(null);
    setSaved(null);
    try {
      const { template } = await api.saveTemplate(kind, items.map((i) => ({ ...i, id: i.id || `item_${Math.random().toString(36).slice(2, 8)}` })));
      setTemplates((ts) => ts.map((x) => (x.kind === kind ? template : x)));
      setSaved(t('records.templates.saved', { v: template.version }));
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <Card title={t('records.templates.title')} data-testid="template-editor" className="template-editor">
      <Space wrap>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button" buttonStyle="solid">
          {(['opening', 'patrol', 'closing'] as const).map((k) => <Radio.Button key={k} value={k}>{t(`records.checklists.kind.${k}`)}</Radio.Button>)}
        </Radio.Group>
        {current ? <span className="hint">{t('records.checklists.version', { v: current.version })}</span> : null}
      </Space>
      <Table<TemplateItem>
        rowKey={(_, n) => String(n)}
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          { title: '中文', render: (_, item, n) => <Input size="small" value={item.zh} onChange={(e) => patch(n, { zh: e.target.value })} /> },
          { title: 'English', render: (_, item, n) => <Input size="small" value={item.en} onChange={(e) => patch(n, { en: e.target.value })} /> },
          { title: t('records.templates.device'), width: 80, render: (_, item, n) => <Checkbox checked={!!item.device} onChange={(e) => patch(n, { device: e.target.checked })} /> },
          { title: '', width: 70, render: (_, _item, n) => <Button size="small" danger onClick={() => setItems((xs) => xs.filter((_x, i) => i !== n))}>{t('records.templates.remove')}</Button> },
        ]}
      />
      <Space className="card-actions" style={{ marginTop: 8 }}>
        <Button onClick={() => setItems((xs) => [...xs, { id: '', zh: '', en: '' }])}>{t('records.templates.addItem')}</Button>
        <Button type="primary" onClick={save} data-testid="template-save">{t('records.templates.save')}</Button>
      </Space>
      {saved ? <p className="ok-line">{saved}</p> : null}
      <ErrorLine message={error} />
    </Card>
  );
}
