// Strings of the near-your-turn reminder (issue 17.3): the customer's phone page, and the one
// line on the kiosk's issued ticket that tells the customer the phone page can remind them.
export const strings = {
  'zh-CN': {
    nearTurn: {
      turnOn: '提醒我：前面还有 {{count}} 位时',
      turnOnHint: '会响铃、振动，手机允许时弹出通知',
      on: '已开启：前面还有 {{count}} 位时提醒您',
      onHint: '请保持此页面打开，手机不要静音',
      turnOff: '关闭提醒',
      bannerNear: '快到您了！前面还有 {{ahead}} 位',
      bannerNearZero: '快到您了！下一位就是您',
      bannerCalled: '到您了！请到 {{counter}} 号窗口',
      bannerHint: '请留意叫号屏和广播',
      ok: '知道了',
      notifyTitle: '{{number}} 快到您了',
      notifyNear: '前面还有 {{ahead}} 位，请回到等候区',
      notifyCalled: '请到 {{counter}} 号窗口',
      kioskLine: '扫码后手机可在前面还有 {{count}} 位时提醒您',
    },
  },
  en: {
    nearTurn: {
      turnOn: 'Remind me when {{count}} are ahead',
      turnOnHint: 'Sound, vibration, and a notification where your phone allows',
      on: 'Reminder on: at {{count}} ahead',
      onHint: 'Keep this page open and your phone off silent',
      turnOff: 'Turn the reminder off',
      bannerNear: 'Nearly your turn! {{ahead}} ahead of you',
      bannerNearZero: 'Nearly your turn! You are next',
      bannerCalled: 'Your turn! Please go to counter {{counter}}',
      bannerHint: 'Watch the display and listen for your number',
      ok: 'OK',
      notifyTitle: '{{number}}: nearly your turn',
      notifyNear: '{{ahead}} ahead of you: please come back to the waiting area',
      notifyCalled: 'Please go to counter {{counter}}',
      kioskLine: 'Scan the code: your phone can remind you when {{count}} are ahead',
    },
  },
};
