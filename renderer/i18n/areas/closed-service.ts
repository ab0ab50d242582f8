// Strings of a service nobody serves now (Estimate.closed, main/hub/estimate/service-hours.ts):
// said instead of a wait in minutes on the kiosk, the customer's ticket page and the console.
export const strings = {
  'zh-CN': {
    closedService: {
      opensAt: '{{service}}窗口暂未开放，预计 {{time}} 开放',
      notOpen: '{{service}}窗口暂未开放',
      opensAtShort: '窗口暂未开放，预计 {{time}} 开放',
      notOpenShort: '窗口暂未开放',
    },
  },
  en: {
    closedService: {
      opensAt: '{{service}} counters are not open yet; expected to open at {{time}}',
      notOpen: '{{service}} counters are not open yet',
      opensAtShort: 'Not open yet; expected to open at {{time}}',
      notOpenShort: 'Not open yet',
    },
  },
};
