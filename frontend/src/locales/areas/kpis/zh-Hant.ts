// zh-Hant (Taiwan) strings of the KPI dashboards: exactly the keys of ./en.ts.
import type en from './en'

const zhHant: typeof en = {
  kpis: {
    title: '關鍵指標',
    lead: '回覆有多快、對話多常變成訂單、哪些工作真正帶來收益。每個數字都會和前一段同樣長度的期間比較。',
    loading: '計算中…',
    loadError: '無法計算這些數字。',
    refresh: '重新整理',
    export: '匯出 CSV',
    range: {
      from: '開始',
      to: '結束',
      showing: '{from} – {to}',
      previous: '比較 {from} – {to}',
    },
    empty: {
      title: '這段期間沒有可統計的資料',
      body: '沒有顧客來訊，也沒有新訂單。請選擇較長的期間，或連結帳號並匯入訂單。',
    },
    change: {
      vsPrevious: '較前一期間 {change}',
      noPrevious: '沒有可比較的資料',
      previous: '前一期間：{value}',
    },
    counted: {
      conversation: '統計了 {n} 則對話',
      order: '統計了 {n} 筆訂單',
    },
    details: {
      p90: '90% 在 {value} 內',
      firstResponseBusiness: '90% 在 {p90} 內 · 營業時間內 {business}',
      hoursSaved: '以每則回覆 {minutes} 分鐘計，約省下 {hours} 小時',
      peak: '最忙碌：{day} {hour}:00',
    },
    figures: {
      firstResponse: {
        title: '首次回覆時間',
        help: '從顧客在這段期間的第一則訊息到你們第一次回覆的中位數時間。營業時間版本只計算營業中的時段。',
        hit: '已回覆',
      },
      resolutionTime: {
        title: '結案時間',
        help: '從顧客在這段期間的第一則訊息到對話被標為已解決的中位數時間。',
        hit: '已解決',
      },
      responseRate: {
        title: '回覆率',
        help: '這段期間有顧客來訊的對話中，得到回覆的比例。',
        hit: '已回覆',
      },
      slaAttainment: {
        title: '回覆目標達成率',
        help: '這段期間開始計時的回覆目標中，準時回覆的比例（達成相對於逾時）。',
        hit: '已達成',
      },
      volume: {
        title: '對話量',
        help: '這段期間有顧客來訊的對話，可依類型、意圖、平台、帳號、成員和標籤檢視。',
        hit: '已統計',
      },
      dmConversion: {
        title: '私訊轉訂單',
        help: '這段期間的私訊對話中，在同一期間帶來歸因訂單的比例。',
        hit: '已下單',
      },
      orderRevenue: {
        title: '營收',
        help: '這段期間以主要幣別成立的訂單營收，依創作者和折扣碼拆分（歸因方式與「活動 › 成效」相同）。',
        hit: '來自對話',
      },
      aov: {
        title: '平均客單價',
        help: '主要幣別的營收除以訂單數，依創作者和折扣碼拆分。',
        hit: '來自對話',
      },
      moderationFalsePositives: {
        title: '審核誤判率',
        help: '經人工複核的審核動作中，被標為錯誤或因申訴而撤銷的比例。越低越好。',
        hit: '誤判',
      },
      automationShare: {
        title: '自動送出的回覆',
        help: '已送出的回覆中由自動化送出的比例。省下的時間以每則回覆需要人工幾分鐘估算。',
        hit: '自動',
      },
      bestTime: {
        title: '最忙碌時段',
        help: '一週中最忙碌那一小時的顧客訊息數。以來訊量代表互動程度：在高峰時發文並保持上線。',
        hit: '已統計',
      },
    },
    split: {
      title: '{figure}：拆分方式',
      by: '拆分方式',
      count: '統計數',
      unassigned: '未指派',
      none: '未設定',
      empty: '這段期間沒有可拆分的資料。',
      notSplit: '這個指標沒有拆分，請直接查看明細。',
      chartLabel: '{figure} 長條圖',
      dims: {
        platform: '平台',
        account: '帳號',
        member: '團隊成員',
        tag: '標籤',
        kind: '類型',
        intent: '意圖',
        creator: '創作者',
        code: '折扣碼',
        slot: '星期與時段',
      },
    },
    heatmap: {
      title: '顧客什麼時候來訊',
      zone: '時間以 {zone} 為準',
      proxy: '依星期和小時統計的來訊量代表互動程度：顏色越深，越適合發文和上線。點一下格子即可查看對應的對話。',
      empty: '這段期間沒有顧客訊息。',
      series: '顧客訊息',
      slot: '{day} {hour}:00',
    },
    weekdays: {
      0: '週日',
      1: '週一',
      2: '週二',
      3: '週三',
      4: '週四',
      5: '週五',
      6: '週六',
    },
    drill: {
      show: '查看明細',
      titleKey: '{figure}：{key}',
      loadError: '無法載入明細。',
      empty: '沒有資料。',
      open: '在收件匣中開啟',
      id: '編號',
      name: '對話或訂單',
      at: '時間',
      yes: '是',
      no: '否',
      conversation: '對話 #{id}',
      order: '訂單 #{id}',
    },
  },
  errors: {
    kpis: {
      unknownMetric: '沒有名為「{name}」的指標。',
    },
  },
}

export default zhHant
