// Strings of the reports' ratings section (issue 14): what the counters' satisfaction pads
// collected, per teller and per service.
export const strings = {
  'zh-CN': {
    ratingsReport: {
      title: '客户评价（服务评价器）',
      teller: '柜员', service: '业务', count: '评价次数', avg: '平均分（5 分制）', satisfied: '满意占比（4–5 分）',
      total: '合计', nobody: '（窗口无人签到）', none: '暂无评价', reasons: '不满意原因',
    },
  },
  en: {
    ratingsReport: {
      title: "Customers' ratings (satisfaction pads)",
      teller: 'Teller', service: 'Service', count: 'Ratings', avg: 'Mean score (of 5)', satisfied: 'Satisfied (4–5)',
      total: 'Total', nobody: '(nobody signed in)', none: 'No ratings', reasons: 'Why customers were dissatisfied',
    },
  },
};
