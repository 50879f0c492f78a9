// zh-Hant strings of creators, campaigns, codes, links, orders, attribution, UGC releases, experiments: exactly the keys of ./en.ts.
import type en from './en'

const zhHant: typeof en = {
  campaigns: {
    attribution: {
      creditedCode: '歸因於 {creator}：結帳時使用了其折扣碼 {code}。',
      creditedLastClick: '歸因於 {creator} 的連結：這是下單前最後一次點擊的連結。',
      creditedFirstTouch: '歸因於 {creator} 的連結：顧客最初是透過它來到商店。',
      creditedConversation: '歸因於 {creator}：我們在私訊中提供了其折扣碼或連結。',
      viaConversation: '下單前，折扣碼或連結已在私訊對話中提供。',
      conversationOnly: '與一段私訊對話有關，但不對應任何創作者的折扣碼或連結。',
      assistCode: '同時使用了 {creator} 的折扣碼（助攻）。',
      assistLink: '顧客稍早點擊過 {creator} 的連結（助攻）。',
      assistConversation: '曾在私訊中提供 {creator} 的折扣碼或連結（助攻）。',
      unknownCode: '未歸因：折扣碼 {code} 不屬於任何創作者。',
      none: '未歸因：沒有創作者折扣碼、追蹤連結或對話與這筆訂單相符。',
    },
    importProblems: {
      missing_id: '訂單編號是空的。',
      missing_date: '日期是空的。',
      bad_date: '「{value}」不是有效的日期。',
      missing_total: '總額是空的。',
      bad_amount: '「{value}」不是有效的金額。',
      no_currency: '缺少幣別。請新增幣別欄位，或選擇預設幣別。',
      duplicate: '訂單「{value}」出現了不只一次。',
      column_count: '這一列的欄位數與標題列不同。',
    },
  },
  errors: {
    campaigns: {
      required: '請填寫：{field}。',
      duplicate: '這個{field}已經存在。',
      invalid: '這個{field}無效。',
      endsBeforeStart: '結束日期早於開始日期。',
      codeFormat: '折扣碼由 2 到 40 個英文字母、數字、連字號或底線組成，不能有空格。',
      url: '請輸入以 https:// 開頭的完整網址。',
      noShop: '請先連結 Shopify 商店（設定 → 帳號）。',
      badRows: '有 {count} 列無法匯入。請在檔案中修正，或選擇略過這些列。這次沒有匯入任何資料。',
      importFile: {
        empty: '檔案是空的。',
        no_header: '檔案沒有標題列。',
        not_text: '這不是文字格式的 CSV 檔。請重新匯出為 CSV（UTF-8）。',
        too_large: '檔案太大，無法匯入。',
        bad_quotes: '第 {line} 列附近有引號欄位沒有正確結束。',
        unknown_format: '無法辨識這些欄位。請選擇每個欄位的內容。',
        missing_columns: '請為以下項目選擇欄位：{columns}。',
      },
    },
  },
}

export default zhHant
