// Strings of the hub certificate's fingerprint at pairing, and of ended sessions.
export const strings = {
  'zh-CN': {
    pairTls: {
      fingerprint: '证书指纹（前 8 组）',
      fingerprintHint: '抄写管理员屏幕上显示的指纹；若与本终端看到的证书不符，将拒绝配对。',
      qrAlt: '配对二维码',
      adminFingerprint: '证书指纹',
      adminFingerprintHint: '在终端上输入前 8 组，或扫描二维码；终端只接受这一证书。',
      noTls: '集线器以 HTTP 提供服务（仅限本机），无证书可核对。',
    },
    errors: {
      session_expired: '长时间未操作，登录已结束，请重新登录。',
      token_in_url: '请更新此页面：令牌不能放在地址中。',
    },
  },
  en: {
    pairTls: {
      fingerprint: 'Certificate fingerprint (first 8 groups)',
      fingerprintHint: 'Copy the fingerprint the admin screen shows; pairing is refused if this terminal sees another certificate.',
      qrAlt: 'Pairing QR code',
      adminFingerprint: 'Certificate fingerprint',
      adminFingerprintHint: 'Type its first 8 groups on the terminal, or scan the QR code; the terminal then accepts this certificate only.',
      noTls: 'The hub serves plain HTTP (this machine only): there is no certificate to compare.',
    },
    errors: {
      session_expired: 'This sign-in ended after a time unused; sign in again.',
      token_in_url: 'Reload this page: a token may not travel in an address.',
    },
  },
};
