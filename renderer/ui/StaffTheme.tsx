// Ant Design for the staff screens (counter, manager): the brand colour, the CJK font and
// antd's own texts (date pickers, modals) in the screen's language.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function StaffTheme({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language.startsWith('zh') ? zhCN : enUS}
      theme={{
        token: {
          colorPrimary: '#0b4f8a',
          fontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif",
          fontSize: 16,
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
