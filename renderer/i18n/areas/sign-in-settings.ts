// Strings of the admin's card for how long a staff sign-in may go unused before it ends.
export const strings = {
  'zh-CN': {
    signInSettings: {
      title: '员工登录空闲退出',
      label: '无操作多久后退出登录',
      minutes: '分钟',
      save: '保存',
      saved: '已保存：员工登录无操作 {{minutes}} 分钟后退出。',
      range: '请填写 5 到 720 之间的整数分钟数。',
      hint: '保存后立即对所有已登录的柜员、大堂经理和主管生效，超时需重新登录；取号机和叫号屏不会被退出。',
    },
  },
  en: {
    signInSettings: {
      title: 'Staff sign-out when idle',
      label: 'Sign staff out after this long unused',
      minutes: 'min',
      save: 'Save',
      saved: 'Saved: a staff sign-in now ends after {{minutes}} minutes unused.',
      range: 'Enter a whole number of minutes from 5 to 720.',
      hint: 'Applies at once to every signed-in teller, manager and supervisor, who must then sign in again; kiosks and displays are never signed out.',
    },
  },
};
