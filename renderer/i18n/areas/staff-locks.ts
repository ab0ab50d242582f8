// Strings of the admin's list of staff IDs locked after wrong PINs, and the codes it may meet.
export const strings = {
  'zh-CN': {
    staffLocks: {
      title: '已锁定的工号',
      none: '当前没有被锁定的工号',
      staffId: '工号',
      role: '岗位',
      source: '锁定的终端地址',
      everywhere: '所有终端',
      failures: '错误 PIN 次数',
      until: '锁定至',
      unlock: '解锁',
      hint: '在一台终端上连续输错 PIN 会让该工号在这台终端上锁定几分钟（登录与签字共用），本人在自己的终端上仍可登录；多台终端合计输错过多则在所有终端锁定。确认是本人后可提前解锁（解除该工号的全部锁定）。每次解锁都记入审计。',
      roles: { admin: '系统管理员', manager: '大堂经理', supervisor: '服务品质主管', teller: '柜员' },
    },
    errors: {
      unknown_staff: '没有这个工号。',
    },
  },
  en: {
    staffLocks: {
      title: 'Locked staff IDs',
      none: 'No staff ID is locked',
      staffId: 'Staff ID',
      role: 'Role',
      source: 'Locked at address',
      everywhere: 'Every terminal',
      failures: 'Wrong PINs',
      until: 'Locked until',
      unlock: 'Unlock',
      hint: 'Repeated wrong PINs from one terminal lock a staff ID at that terminal for a few minutes (login and signing alike); the person can still sign in at their own. Too many from several terminals together lock it at every terminal. Unlock it early (all its locks) once you know it is the person themselves. Every unlock is audited.',
      roles: { admin: 'Administrator', manager: 'Lobby manager', supervisor: 'Service-quality supervisor', teller: 'Teller' },
    },
    errors: {
      unknown_staff: 'There is no such staff ID.',
    },
  },
};
