// Traditional Chinese (Taiwan) strings of platform connectors added after the walking skeleton.
const zhHant = {
  connectors: {
    meta: {
      tokenRequired: '請貼上存取權杖。',
      tokenFormat: '這看起來不像 Meta 存取權杖：它是一長串英文字母和數字，中間沒有空格。',
      baseUrl: 'API 網址',
      baseUrlPlaceholder: 'https://graph.facebook.com',
      baseUrlHelp: '留空即使用 Meta。只有連接測試伺服器時才需要修改。',
      helpNote: 'Meta 只允許應用程式讀取已授權帳號的訊息。如果你的應用程式還在開發模式，請先把自己加為該應用程式的測試人員或管理員。',
    },
    instagram: {
      tagline: '專業帳號的私訊與留言',
      token: 'Instagram 存取權杖',
      tokenPlaceholder: 'IGAA… 或 IGQV…',
      tokenHelp: '長期權杖。CreatorDesk 會在到期前自動更新。',
      helpTitle: '去哪裡取得 Instagram 權杖',
      helpStep1: '確認你的 Instagram 帳號是商業帳號或創作者帳號（Instagram App → 設定 → 帳號類型和工具）。',
      helpStep2: '開啟 developers.facebook.com，進入你的應用程式（或新增一個「商家」類型的應用程式），加入產品「Instagram」→「透過 Instagram 登入設定 API」。',
      helpStep3: '在「產生存取權杖」中加入你的 Instagram 帳號，並允許以下權限：',
      helpStep4: '點選「產生權杖」，複製完整的權杖後貼到這裡。',
    },
    facebook: {
      tagline: 'Facebook 粉絲專頁的 Messenger 訊息與留言',
      pageId: '粉絲專頁編號',
      pageIdPlaceholder: '104000000000001',
      pageIdHelp: '在粉絲專頁的「關於 → 粉絲專頁資訊透明度」可以找到編號，也可以直接貼上粉絲專頁連結。',
      pageIdRequired: '請輸入 Facebook 粉絲專頁的編號。',
      pageIdInvalid: '粉絲專頁編號是至少五位數的數字。',
      token: '粉絲專頁存取權杖',
      tokenPlaceholder: 'EAA…',
      tokenHelp: '需要粉絲專頁本身的權杖，而不是你個人的權杖。',
      namePlaceholder: '粉絲專頁名稱',
      helpTitle: '去哪裡取得粉絲專頁存取權杖',
      helpStep1: '在 developers.facebook.com 開啟圖形 API 測試工具（Graph API Explorer），選擇你的應用程式。',
      helpStep2: '在「用戶或粉絲專頁」中選擇你的粉絲專頁，並勾選以下權限：',
      helpStep3: '點選「Generate Access Token」，並在跳出的視窗中確認。',
      helpStep4: '如果想要不會過期的權杖，請開啟存取權杖偵錯工具（Access Token Debugger）延長期限，再複製一次粉絲專頁權杖，然後貼到這裡。',
    },
    health: {
      neverExpires: '權杖不會過期',
      renewsAutomatically: '權杖會自動更新',
      expired: '權杖已過期',
      expiresIn: '權杖將在 {n} 天後過期',
      expiresInRenews: '權杖會自動更新，{n} 天後過期',
    },
    reconnect: {
      banner: '{platform} 已不再接受這個帳號的權杖，所以收不到新訊息。重新連線後會從中斷的地方繼續。',
      action: '重新連線',
      token: '新的存取權杖',
      tokenRequired: '請貼上新的權杖。',
      help: '對話都會保留，同步會從中斷處繼續。',
      submit: '重新連線',
      done: '{name} 已重新連線。',
    },
  },
  errors: {
    connectors: {
      otherAccount: '這個權杖屬於另一個帳號。請貼上你正在重新連線的那個帳號的權杖。',
      appCredentials: '請同時填寫應用程式編號和應用程式密鑰。',
    },
  },
}

export default zhHant
