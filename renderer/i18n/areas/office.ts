// Strings of the head office's screen at /office (issue 16): the branches at a glance, the
// cross-branch reports and one branch's drill-down.
export const strings = {
  'zh-CN': {
    office: {
      title: '总行 · 网点总览',
      signIn: { staffId: '工号', pin: '密码', submit: '登录', signOut: '退出', demo: '演示密码，仅供演示' },
      tabs: { branches: '网点一览', reports: '跨网点报表' },
      refresh: '刷新',
      col: {
        name: '网点', status: '状态', waiting: '等候人数', longest: '最长等候（分钟）', counters: '开放窗口', alerts: '未处理提醒',
        checklist: '开门检查', lastSeen: '最近同步', issued: '取号', served: '已办结', noShow: '过号', within15: '15 分钟内叫号', within30: '30 分钟内叫号',
        satisfaction: '满意度（均分/次数）', complaints: '投诉按时答复', opinions: '意见按时答复', interventions: '反诈干预（已签/共）',
      },
      status: { active: '正常', enrolling: '待接入', chain_broken: '链已断裂' },
      checklist: { signed: '已签（开门前）', late: '已签（开门后）', unsigned: '未签', none: '—' },
      never: '从未',
      noBranches: '尚无网点。用 POST /api/office/branches 创建网点，再在网点执行 atrium enroll。',
      report: { daily: '日报', monthly: '月报', chart: '各网点 15/30 分钟内叫号占比（%）', period: '期间', empty: '该期间无数据' },
      drill: { title: '网点详情', live: '当前', today: '今日报表', month: '本月报表', close: '关闭' },
    },
  },
  en: {
    office: {
      title: 'Head office · Branches',
      signIn: { staffId: 'Staff ID', pin: 'PIN', submit: 'Sign in', signOut: 'Sign out', demo: 'Demo PIN: for demonstration only' },
      tabs: { branches: 'Branches', reports: 'Cross-branch reports' },
      refresh: 'Refresh',
      col: {
        name: 'Branch', status: 'Status', waiting: 'Waiting', longest: 'Longest wait (min)', counters: 'Counters open', alerts: 'Open alerts',
        checklist: 'Opening checklist', lastSeen: 'Last seen', issued: 'Issued', served: 'Served', noShow: 'No-show', within15: 'Called within 15 min', within30: 'Called within 30 min',
        satisfaction: 'Satisfaction (mean/count)', complaints: 'Complaints answered in time', opinions: 'Opinions answered in time', interventions: 'Fraud interventions (signed/all)',
      },
      status: { active: 'Active', enrolling: 'Enrolling', chain_broken: 'Chain broken' },
      checklist: { signed: 'Signed (before opening)', late: 'Signed (after opening)', unsigned: 'Not signed', none: '—' },
      never: 'Never',
      noBranches: 'No branches yet. Create one with POST /api/office/branches, then run atrium enroll at the branch.',
      report: { daily: 'Daily', monthly: 'Monthly', chart: 'Share called within 15/30 minutes per branch (%)', period: 'Period', empty: 'Nothing in this period' },
      drill: { title: 'Branch', live: 'Now', today: "Today's report", month: "This month's report", close: 'Close' },
    },
  },
};
