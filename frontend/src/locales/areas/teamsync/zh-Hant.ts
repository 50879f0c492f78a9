// 團隊同步（issue 9）的繁體中文文案（臺灣用語）。
const zhHant = {
  teamsync: {
    syncedBy: '由 {holder} 同步',
    takesOver: '如果那邊的應用程式停止執行，這台電腦會接手。',
    signedInElsewhere: '已在其他成員的電腦上登入',
  },
  health: {
    next: {
      leased: '另一位團隊成員的應用程式正在同步這個帳號；如果它停止執行，這台電腦會接手（{time}再次檢查）',
      token_elsewhere: '這個帳號在其他成員的電腦上登入，由那台電腦同步。若要在這裡同步或傳送，請在這台電腦上重新連線。',
    },
  },
  errors: {
    teamdb: {
      no_token: '若要在這台電腦上用 {account} 傳送訊息，請在這裡重新連線：設定 → 帳號 → 重新連線。隊友那邊的登入不受影響。',
    },
    teamsync: {
      leased: '{holder} 正在同步這個帳號。這台電腦先不同步，如果對方的應用程式停止執行，會自動接手。',
    },
  },
}

export default zhHant
