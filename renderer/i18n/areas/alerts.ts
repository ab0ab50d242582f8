// Strings of the manager console's ordered alerts (urgent first, routine ones grouped, repeats
// counted, a chime), the urgent badge, the paired tablet's read-only view and the way back
// from the records to the console (issue 13).
export const strings = {
  'zh-CN': {
    alerts: {
      urgentBadge: '紧急 {{count}}',
      urgentBadgeTitle: '{{count}} 位客户在取号机等候大堂经理',
      urgentSection: '紧急',
      routineSection: '提醒',
      times: '共 {{count}} 次',
      groupMore: '另有 {{count}} 条同类提醒：',
      ackAll: '全部知道了',
      choicePart: '（{{name}}）',
      reasons: { elderly: '老年客户', disability: '残障客户', pregnancy: '孕妇', urgent: '有急事' },
      soundOn: '点按开启提醒声音',
    },
    tablet: {
      readOnly: '本平板未登录：只能查看队列、窗口和提醒。',
      signInToAct: '登录后操作',
      signInTitle: '大堂经理登录后即可操作',
    },
    recordsNav: {
      back: '返回工作台',
    },
  },
  en: {
    alerts: {
      urgentBadge: 'Urgent {{count}}',
      urgentBadgeTitle: '{{count}} customers at a kiosk waiting for the manager',
      urgentSection: 'Urgent',
      routineSection: 'Alerts',
      times: '{{count}} times',
      groupMore: '{{count}} more like this:',
      ackAll: 'Acknowledge all',
      choicePart: ' ({{name}})',
      reasons: { elderly: 'older customer', disability: 'disability', pregnancy: 'pregnancy', urgent: 'urgent matter' },
      soundOn: 'Tap to turn on alert sounds',
    },
    tablet: {
      readOnly: 'Nobody is signed in on this tablet: queues, counters and alerts only.',
      signInToAct: 'Sign in to act',
      signInTitle: 'Sign in as lobby manager to act',
    },
    recordsNav: {
      back: 'Back to the console',
    },
  },
};
