// Strings of the admin's card for the branch's calendar of day kinds (issue 15).
export const strings = {
  'zh-CN': {
    calendarSettings: {
      title: '营业日类型（候时估算）',
      today: '今天（{{date}}）：{{kind}}',
      kind: { ordinary: '普通营业日', month_end: '月末', pension_day: '养老金发放日', holiday_eve: '节前营业日' },
      pensionDays: '养老金发放日（每月）',
      dayOfMonth: '{{day}} 日',
      weekend: '发放日遇周末',
      weekendRule: { same_day: '当天照常发放', friday_before: '提前到周五', monday_after: '顺延到周一' },
      monthEnd: '每月最后',
      days: '天算作月末',
      holidayEves: '节前营业日',
      badDate: '日期格式应为 YYYY-MM-DD，且须是真实日期：{{dates}}',
      saved: '已保存：候时估算将按新的营业日类型重新学习。',
      hint: '候时估算按营业日类型分别学习以往同类日子的到客量、办理时长和柜员休息；某类日子以往不足 3 天时，改用最近 20 个营业日。节假日每年不同，请每年录入节前营业日。',
    },
  },
  en: {
    calendarSettings: {
      title: 'Kinds of business day (wait estimates)',
      today: 'Today ({{date}}): {{kind}}',
      kind: { ordinary: 'ordinary day', month_end: 'month end', pension_day: 'pension day', holiday_eve: 'holiday eve' },
      pensionDays: 'Pension days (each month)',
      dayOfMonth: 'day {{day}}',
      weekend: 'A pension day on a weekend',
      weekendRule: { same_day: 'is paid that day', friday_before: 'moves to the Friday before', monday_after: 'moves to the Monday after' },
      monthEnd: 'The last',
      days: 'days of a month are month end',
      holidayEves: 'Holiday eves',
      badDate: 'Give real dates as YYYY-MM-DD: {{dates}}',
      saved: 'Saved: wait estimates relearn by the new kinds of day.',
      hint: 'Wait estimates learn arrivals, service times and breaks from past days of the same kind; with fewer than 3 past days of a kind they learn from the last 20 business days. Public holidays change every year: enter the holiday eves of each year.',
    },
  },
};
