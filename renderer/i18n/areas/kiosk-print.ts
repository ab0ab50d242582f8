// Strings of the kiosk's printing and its fault messages.
export const strings = {
  'zh-CN': {
    kioskPrint: {
      printing: '正在打印号票…',
      printed: '请取走您的号票。',
      askManager: '如果没有出票，请找大堂经理。',
      stillValid: '您的号码仍然有效。',
      scan: '可用手机扫描二维码查看排队进度。',
      qrAlt: '号票二维码',
      fault: {
        printer_paper_out: '打印机缺纸，号票未能打印。',
        printer_cover_open: '打印机盖未关好，号票未能打印。',
        printer_offline: '打印机暂时无法使用，号票未能打印。',
        printer_interrupted: '打印中断，正在重新打印。',
        printer_not_configured: '本机未连接打印机。',
        other: '号票未能打印。',
      },
    },
  },
  en: {
    kioskPrint: {
      printing: 'Printing your ticket…',
      printed: 'Please take your ticket.',
      askManager: 'If no ticket came out, please ask the lobby manager.',
      stillValid: 'Your number is still valid.',
      scan: 'Scan the QR code with your phone to follow your place.',
      qrAlt: 'QR code of your ticket',
      fault: {
        printer_paper_out: 'The printer is out of paper, so your ticket was not printed.',
        printer_cover_open: "The printer's cover is open, so your ticket was not printed.",
        printer_offline: 'The printer is not working right now, so your ticket was not printed.',
        printer_interrupted: 'Printing stopped part-way; trying again.',
        printer_not_configured: 'This kiosk has no printer.',
        other: 'Your ticket could not be printed.',
      },
    },
  },
};
