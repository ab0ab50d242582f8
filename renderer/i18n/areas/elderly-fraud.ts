// Staff strings of issue 14 points 2 and 3: the older customers waiting on the manager's
// console, the fraud_watch alert (elderly_near_turn's is in staff.ts with the other kinds), the counter's fraud-watch flag and
// the admin's elderly settings and fraud-prompt toggle.
export const strings = {
  'zh-CN': {
    elderlyPanel: {
      title: '等候中的老年客户',
      none: '现在没有老年客户在等候。',
      ticket: '号票',
      service: '业务',
      ahead: '前面',
      aheadCount: '{{count}} 人',
      nearTurn: '还有 {{count}} 人，快到了',
      issuedAt: '取号时间',
    },
    alerts: {
      kinds: {
        fraud_watch: '老年客户 {{ticket}} 要办理“{{choiceName}}”：请上前询问用途，谨防电信诈骗',
      },
    },
    fraudWatch: {
      flag: '防诈骗关注',
      hint: '老年客户在取号机选择了转账汇款、大额取款等需防诈骗的业务：请问清用途和收款人，发现可疑请大堂经理。',
      promptToggle: '防诈骗提示',
    },
    fraudIntervention: {
      title: '防诈骗处置记录',
      ticket: '号票（可不填）',
      outcome: '处置结果',
      outcomes: { dissuaded: '劝阻成功', proceeded: '客户坚持办理', police_called: '已报警' },
      bands: { under_10k: '1 万元以下', '10k_50k': '1–5 万元', '50k_200k': '5–20 万元', over_200k: '20 万元以上', unknown: '金额不详' },
      note: '经过（不要写客户姓名、证件号或账号）',
      save: '记录',
      saved: '已记录，待主管签字。',
      hint: '服务品质主管在主管台的“待签字”中用自己的 PIN 签字确认。',
      recordedBy: '{{who}} 于 {{time}} 记录',
    },
    elderlySettings: {
      title: '老年客户',
      age: '年满',
      ageUnit: '周岁及以上为老年客户',
      rank: '叫号顺序',
      ranks: { below_vip: '普通客户之前、贵宾之后', above_vip: '贵宾之前（绿色通道和预约之后）', normal: '与普通客户相同' },
      hint: '客户在取号机刷身份证，按出生日期计算年龄（{{min}}–{{max}} 岁可设）。身份证号码不保存。',
      saved: '已保存，下一次叫号起生效。',
    },
  },
  en: {
    elderlyPanel: {
      title: 'Older customers waiting',
      none: 'No older customer is waiting.',
      ticket: 'Ticket',
      service: 'Service',
      ahead: 'Ahead',
      aheadCount: '{{count}}',
      nearTurn: '{{count}} ahead: nearly their turn',
      issuedAt: 'Issued',
    },
    alerts: {
      kinds: {
        fraud_watch: 'Older customer {{ticket}} chose "{{choiceName}}": please ask what it is for and watch for a scam',
      },
    },
    fraudWatch: {
      flag: 'Fraud watch',
      hint: 'An older customer chose a transfer, a large withdrawal or another business marked for fraud watch at the kiosk: ask what it is for and who gets the money; call the lobby manager if anything is odd.',
      promptToggle: 'Fraud warning',
    },
    fraudIntervention: {
      title: 'Fraud intervention',
      ticket: 'Ticket (optional)',
      outcome: 'Outcome',
      outcomes: { dissuaded: 'Talked out of it', proceeded: 'Went ahead', police_called: 'Police called' },
      bands: { under_10k: 'Under ¥10,000', '10k_50k': '¥10,000–50,000', '50k_200k': '¥50,000–200,000', over_200k: 'Over ¥200,000', unknown: 'Amount unknown' },
      note: 'What happened (no names, ID or account numbers)',
      save: 'Record',
      saved: 'Recorded: awaiting a supervisor\'s signature.',
      hint: "The supervisor signs it with their own PIN among what awaits their signature.",
      recordedBy: 'Recorded by {{who}} at {{time}}',
    },
    elderlySettings: {
      title: 'Older customers',
      age: 'From age',
      ageUnit: 'and over: an older customer',
      rank: 'Called',
      ranks: { below_vip: 'Before normal customers, after VIPs', above_vip: 'Before VIPs (after green channel and appointments)', normal: 'As normal customers' },
      hint: 'The customer swipes their ID card at the kiosk; the age comes from the birth date ({{min}}–{{max}}). The ID number is never kept.',
      saved: 'Saved: it applies from the next call.',
    },
  },
};
