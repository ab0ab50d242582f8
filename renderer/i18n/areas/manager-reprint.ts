// Strings of the manager's reprint of a ticket whose print outcome is unknown (the printer took
// it and never confirmed). The printer faults are worded for the manager, not the customer: the
// kiosk's own (kioskPrint.fault) say "your ticket" and "trying again", which a reprint is not.
export const strings = {
  'zh-CN': {
    alerts: {
      reprint: {
        button: '重新打印',
        title: '重新打印号票 {{ticket}}？',
        body: '请先问客户是否拿到了号票：只有确实没有出票时才重新打印，否则客户会拿到两张同号的号票。',
        ok: '没有出票，重新打印',
        cancel: '取消',
        done: '已重新打印 {{ticket}}',
        doneUncertain: '已重新发送 {{ticket}}，但打印机仍未确认出票：请到打印机旁查看。',
        failed: {
          printer_paper_out: '打印机缺纸，{{ticket}} 没有重新打印：请加纸后再试。',
          printer_cover_open: '打印机盖未关好，{{ticket}} 没有重新打印：请盖好后再试。',
          printer_offline: '打印机没有响应，{{ticket}} 没有重新打印：请检查电源和网线后再试。',
          printer_interrupted: '打印中途中断，{{ticket}} 可能只打出了一部分：请查看打印机后再试。',
          printer_not_configured: '取号机和网点服务器都没有设置打印机，{{ticket}} 无法重新打印：请联系系统管理员。',
        },
      },
    },
  },
  en: {
    alerts: {
      reprint: {
        button: 'Reprint',
        title: 'Reprint ticket {{ticket}}?',
        body: 'Ask the customer first: reprint only if no ticket came out, or they will hold two tickets with the same number.',
        ok: 'None came out: reprint',
        cancel: 'Cancel',
        done: 'Reprinted {{ticket}}',
        doneUncertain: 'Sent {{ticket}} again, but the printer again did not confirm it: check the printer.',
        failed: {
          printer_paper_out: 'The printer is out of paper, so {{ticket}} was not reprinted: add paper and try again.',
          printer_cover_open: "The printer's cover is open, so {{ticket}} was not reprinted: close it and try again.",
          printer_offline: 'The printer is not answering, so {{ticket}} was not reprinted: check its power and cable, then try again.',
          printer_interrupted: 'The printer stopped part-way through {{ticket}}: check what came out, then try again.',
          printer_not_configured: 'Neither the kiosk nor the hub has a printer set up, so {{ticket}} cannot be reprinted: ask the administrator.',
        },
      },
    },
  },
};
