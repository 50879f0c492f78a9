// 繁體中文（臺灣）：附件與 WhatsApp 已核准範本。
const zhHant = {
  outbound: {
    attach: {
      button: '附加檔案',
      loading: '正在確認 {platform} 接受的檔案…',
      allowed: '{platform} 接受：',
      kindLine: '{kind}：{exts}，最大 {max}',
      kindAny: '{kind}：任何類型，最大 {max}',
      maxFiles: '每則訊息最多 {n} 個檔案，文字會和第一個檔案一起送出。',
      none: 'CreatorDesk 無法在 {platform} 上傳送檔案，回覆只能以文字送出。若要分享照片或文件，請貼上連結。',
      remove: '移除 {name}',
      chosen: '要傳送的檔案',
      readError: '無法從磁碟讀取 {name}。',
      kinds: { image: '照片', video: '影片', audio: '音訊', document: '文件' },
      refused: {
        blocked: '未加入 {name}：CreatorDesk 絕不傳送程式或指令碼檔案。',
        type: '未加入 {name}：{platform} 不接受這種類型的檔案。',
        size: '未加入 {name}：檔案大小為 {size}，{platform} 對這類檔案最多接受 {max}。',
        empty: '未加入 {name}：檔案是空的。',
        unsupported: '未加入 {name}：{platform} 無法接收來自 CreatorDesk 的檔案。',
        tooMany: '一則訊息最多只能放 {n} 個檔案，其餘檔案未加入。',
      },
    },
    template: {
      closedHint: 'WhatsApp 的 24 小時視窗已關閉。在顧客再次傳訊之前，只能傳送經 WhatsApp 核准的範本。',
      offer: '傳送已核准的範本',
      title: '傳送已核准的 WhatsApp 範本',
      pick: '範本',
      pickPlaceholder: '選擇一個範本',
      param: '第 {n} 個值',
      preview: '預覽',
      loading: '正在載入這個帳號的範本…',
      empty: '這個 WhatsApp 帳號還沒有已核准的範本。請到 WhatsApp 管理工具建立範本，核准後再試一次。',
      marketing: '行銷範本：只會傳給同意接收優惠訊息的人。',
      missing: '傳送前請填好每個值（缺少：{list}）。',
      send: '傳送範本',
      cancel: '取消',
    },
  },
  errors: {
    outbound: {
      notHere: '無法用這種方式傳送檔案或範本（不能用於私訊回覆，也不能同時傳送）。',
      attachEmpty: '其中一個檔案是空的。',
      attachNoFolder: '這個工作區沒有可保存已傳送檔案的資料夾。',
      attachTooMany: '一則訊息最多 {max} 個檔案。',
      attachUnsupported: 'CreatorDesk 無法在 {platform} 上傳送檔案。',
      attachType: '{platform} 不接受 {name}。接受的類型：{allowed}。程式和指令碼一律不會傳送。',
      attachTooLarge: '{name} 太大（{size} MB）：這裡最多 {max} MB。',
      templateUnsupported: '只能在 WhatsApp 對話中傳送範本。',
      templateUnknown: '這個帳號沒有 {language} 的範本「{name}」。請重新整理清單後選擇其他範本。',
      templateUnapproved: '範本「{name}」在 WhatsApp 上的狀態是 {status}，尚未核准，無法傳送。',
      templateParams: '這個範本需要 {want} 個值，請逐一填寫。',
    },
  },
}

export default zhHant
