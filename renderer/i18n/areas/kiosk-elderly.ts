// Strings of the kiosk's older customers' flow (老年人, issue 14.2) and its anti-fraud prompt
// (issue 14.3): big plain words, short sentences, Chinese first. Customer-facing.
export const strings = {
  'zh-CN': {
    elderly: {
      entry: '老年人',
      entryHint: '刷身份证',
      swipeTitle: '请刷身份证',
      swipeHint: '请把身份证放在读卡器上。',
      chooseTitle: '请选择您要办理的业务',
      help: '请大堂经理帮我',
      welcome: '已为您登记。快到您时，大堂经理会来提醒您。',
    },
    fraud: {
      warning: '有人让您把钱转到“安全账户”吗？这是诈骗。',
      advice: '公安、法院和银行都不会让您转账到“安全账户”。',
      goOn: '我知道了',
    },
    errors: {
      invalid_id_number: '没有读到有效的身份证号码。请再刷一次身份证，或请大堂经理帮您。',
    },
  },
  en: {
    elderly: {
      entry: 'Older customers',
      entryHint: 'Swipe your ID card',
      swipeTitle: 'Please swipe your ID card',
      swipeHint: 'Place your ID card on the reader.',
      chooseTitle: 'What would you like to do?',
      help: 'Ask the lobby manager for help',
      welcome: 'You are checked in. The lobby manager will come to you when your turn is near.',
    },
    fraud: {
      warning: 'Has someone asked you to move money to a "safe account"? That is a scam.',
      advice: 'The police, the courts and banks never ask you to move money to a "safe account".',
      goOn: 'I understand',
    },
    errors: {
      invalid_id_number: 'The ID card could not be read. Please swipe it again, or ask the lobby manager to help you.',
    },
  },
};
