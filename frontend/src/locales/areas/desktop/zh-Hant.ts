// 本機應用程式偏好（設定 → 關於）與新手導覽的繁體中文文案。
const zhHant = {
  desktop: {
    title: '本機',
    background: {
      label: '關閉視窗後繼續同步',
      help: '關閉視窗只會把它隱藏，訊息照常收取並通知你。再次開啟 CreatorDesk 就能叫回視窗；想完全停止，請使用下方的「結束」。',
    },
    update: {
      label: '檢查更新',
      help: '預設關閉。開啟後，只有在你按下「立即檢查」時，CreatorDesk 才會連到更新頁面查詢新版本。',
      noFeed: '這個版本的 CreatorDesk 建置時沒有設定更新頁面，所以不需要檢查。請從你安裝它的地方取得更新。',
      check: '立即檢查',
      upToDate: '已是最新版本（{version}）。',
      available: '有新版本 {version} 可以使用。',
      download: '開啟下載頁面',
    },
    tour: '觀看導覽',
    quit: '結束 CreatorDesk',
  },
  tour: {
    count: '第 {n} 步，共 {total} 步',
    next: '下一步',
    back: '上一步',
    skip: '略過導覽',
    finish: '開始使用',
    steps: {
      welcome: {
        title: '歡迎來到示範工作區',
        body: '這裡的內容都是虛構的，隨意點按也沒關係，不會傳給任何真實的人。這段簡短導覽會帶你認識最常用的四個地方。',
      },
      inbox: {
        title: '所有平台，一個收件匣',
        body: '各個帳號的私訊和留言都集中在這裡。可以加標籤、指派、稍後提醒，並先處理緊急的：計時器會顯示誰等最久。',
      },
      templates: {
        title: '快速回覆',
        body: '把最好的回答寫一次，用 {\'{\'}first_name{\'}\'} 這類欄位自動帶入資料。回覆時輸入 / 就能選用。在「設定 → 快速回覆」裡編輯。',
      },
      calendar: {
        title: '規劃一週',
        body: '貼文、直播和後續追蹤都在同一個行事曆上。拖曳即可改期；平台允許時 CreatorDesk 會自動發布，不允許時會提醒你。',
      },
      kpis: {
        title: '看清哪些有成效',
        body: '回覆速度多快、多少對話變成訂單、哪些創作者和折扣碼帶來營收。點一下任何數字，就能看到它實際計算了哪些項目。',
      },
    },
  },
  errors: {
    desktop: {
      updateCheckOff: '檢查更新已關閉，請先到「設定 → 關於」開啟。',
      noUpdateFeed: '這個版本的 CreatorDesk 沒有可檢查的更新頁面。',
      badUpdateFeed: '更新頁面回傳的內容無法辨識，請稍後再試。',
      updateUnreachable: '無法連到更新頁面，請檢查網路後再試一次。',
      alreadyRunning: 'CreatorDesk 已經開啟，請切換到它的視窗。',
    },
  },
}

export default zhHant
