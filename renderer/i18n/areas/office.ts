// Strings of the head office's screen at /office (issue 16): the branches at a glance, the
// cross-branch reports and one branch's drill-down; the hq_admin's staff panel, a regional manager's view.
export const strings = {
  'zh-CN': {
    office: {
      title: '总行 · 网点总览',
      signIn: { staffId: '工号', pin: '密码', submit: '登录', signOut: '退出', demo: '演示密码，仅供演示' },
      tabs: { branches: '网点一览', reports: '跨网点报表', staff: '总行员工' },
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
      role: { hq_admin: '总行管理员', regional_manager: '区域经理' },
      regionalNote: '您是区域经理：这里只显示分配给您的网点。',
      staff: {
        addRegional: '添加区域经理', staffId: '工号', name: '姓名', role: '角色', branches: '负责网点', allBranches: '全部网点', state: '状态',
        disabled: '已停用', pinPending: '待设置 PIN', demoPin: '演示 PIN', editBranches: '修改网点', editTitle: '修改 {{staffId}} 负责的网点',
        enable: '启用', disable: '停用', disableConfirm: '停用 {{staffId}}？其登录将立即失效。', resetPin: '重置 PIN',
        resetConfirm: '为 {{staffId}} 重置 PIN？其登录将立即失效，并生成新的一次性 PIN。', pickBranches: '请选择至少一个网点', save: '保存', cancel: '取消',
      },
      errors: {
        not_your_branch: '该网点不在您负责的范围内。', staff_exists: '该工号已被使用，请换一个。', last_admin: '这是最后一位可登录的总行管理员，不能停用或改为其他角色。',
        branches_for_role: '区域经理至少需要一个网点；总行管理员不需指定网点。', unknown_branch: '所选网点不存在。',
      },
    },
  },
  en: {
    office: {
      title: 'Head office · Branches',
      signIn: { staffId: 'Staff ID', pin: 'PIN', submit: 'Sign in', signOut: 'Sign out', demo: 'Demo PIN: for demonstration only' },
      tabs: { branches: 'Branches', reports: 'Cross-branch reports', staff: 'Office staff' },
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
      role: { hq_admin: 'HQ admin', regional_manager: 'Regional manager' },
      regionalNote: 'You are a regional manager: only the branches assigned to you are shown.',
      staff: {
        addRegional: 'Add a regional manager', staffId: 'Staff ID', name: 'Name', role: 'Role', branches: 'Branches', allBranches: 'All branches', state: 'State',
        disabled: 'Disabled', pinPending: 'PIN to set', demoPin: 'Demo PIN', editBranches: 'Edit branches', editTitle: 'Branches of {{staffId}}',
        enable: 'Enable', disable: 'Disable', disableConfirm: 'Disable {{staffId}}? They are signed out at once.', resetPin: 'Reset PIN',
        resetConfirm: 'Reset the PIN of {{staffId}}? They are signed out at once and get a new one-time PIN.', pickBranches: 'Pick at least one branch', save: 'Save', cancel: 'Cancel',
      },
      errors: {
        not_your_branch: 'This branch is not one of yours.', staff_exists: 'This staff ID is taken: choose another.', last_admin: 'This is the last HQ admin who can sign in: they can be neither disabled nor given another role.',
        branches_for_role: 'A regional manager needs at least one branch; an HQ admin takes none.', unknown_branch: 'A branch picked does not exist.',
      },
    },
  },
};
