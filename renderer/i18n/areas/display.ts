// Strings of the calling display's counters and services (issue 13): one language at a time,
// plain words a customer reads from across the lobby.
export const strings = {
  'zh-CN': {
    counterName: { withLabel: '{{id}} 号窗口 · {{label}}' },
    display: {
      counterN: '{{counter}} 号窗口',
      countersTitle: '窗口状态',
      paused: '暂停服务',
      closed: '已关闭',
      counterList: '{{list}} 号窗口',
      listSeparator: '、',
      noCounter: '暂无窗口办理',
      onlyPaused: '窗口暂停服务',
    },
  },
  en: {
    counterName: { withLabel: 'Counter {{id}} · {{label}}' },
    display: {
      counterN: 'Counter {{counter}}',
      countersTitle: 'Counters',
      paused: 'Paused',
      closed: 'Closed',
      counterList_one: 'Counter {{list}}',
      counterList_other: 'Counters {{list}}',
      listSeparator: ', ',
      noCounter: 'No counter open',
      onlyPaused: 'Counters paused',
    },
  },
};
