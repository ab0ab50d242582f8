// Strings of the admin's kiosk section: printers, VIP register import, print preview.
export const strings = {
  'zh-CN': {
    printers: {
      title: '取号机与打印机',
      kiosk: '取号机',
      printer: '打印机',
      health: '状态',
      assign: '指定打印机',
      save: '保存',
      remove: '取消指定',
      viaHub: '使用主机打印机',
      noKiosks: '尚未登记取号机',
      hubPrinter: '主机打印机',
      ok: '正常',
      unknown: '尚未检测',
      condition: { paper_low: '纸将用完', paper_out: '缺纸', cover_open: '机盖打开', offline: '离线' },
    },
    printPreview: {
      title: '号票打印预览',
      hint: '与打印机打印的版式相同（示例号码）。',
      reload: '刷新',
      alt: '号票打印预览',
    },
  },
  en: {
    printers: {
      title: 'Kiosks and printers',
      kiosk: 'Kiosk',
      printer: 'Printer',
      health: 'Status',
      assign: 'Assign a printer',
      save: 'Save',
      remove: 'Unassign',
      viaHub: "Uses the hub's printer",
      noKiosks: 'No kiosk registered yet',
      hubPrinter: "Hub's printer",
      ok: 'OK',
      unknown: 'Not checked yet',
      condition: { paper_low: 'Paper low', paper_out: 'Out of paper', cover_open: 'Cover open', offline: 'Offline' },
    },
    printPreview: {
      title: 'Ticket print preview',
      hint: 'The same layout the printers print (a sample number).',
      reload: 'Refresh',
      alt: 'Print preview of a queue ticket',
    },
  },
};
