// 团队同步（issue 9）的简体中文文案。
const zhHans = {
  teamsync: {
    syncedBy: '由 {holder} 同步',
    takesOver: '如果那边的应用停止运行，这台电脑会接手。',
    signedInElsewhere: '已在其他成员的电脑上登录',
  },
  health: {
    next: {
      leased: '另一位团队成员的应用正在同步此账号；如果它停止运行，这台电脑会接手（{time}再次检查）',
      token_elsewhere: '此账号在其他成员的电脑上登录，由那台电脑同步。如需在这里同步或发送，请在这台电脑上重新连接。',
    },
  },
  errors: {
    teamdb: {
      no_token: '要在这台电脑上用 {account} 发送消息，请在这里重新连接：设置 → 账号 → 重新连接。队友那边的登录不受影响。',
    },
    teamsync: {
      leased: '{holder} 正在同步此账号。这台电脑暂不同步，如果对方的应用停止运行，会自动接手。',
    },
  },
}

export default zhHans
