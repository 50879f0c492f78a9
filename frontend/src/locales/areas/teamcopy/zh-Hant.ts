// 複製到團隊資料庫（設定 → 團隊資料庫）的繁體中文文案。
const zhHant = {
  teamcopy: {
    title: '把這台電腦上的工作區複製到團隊資料庫',
    demo: '示範工作區無法複製。請開啟你自己的工作區再使用團隊資料庫。',
    notConfigured: '這個工作區還沒有設定團隊資料庫。請先在上方連線一個，再回到這裡把對話複製過去。',
    noLocal: '這台電腦上沒有可以複製的工作區。',
    explain: {
      what: '這台電腦上工作區裡的所有內容（帳號、對話、聯絡人、備註、範本、活動和設定）都會複製到團隊資料庫，你的夥伴也看得到。',
      oneWay: '這是單向複製：只會讀取這台電腦上的工作區，它會維持原樣。',
      resume: '你可以隨時停止，再次開始時會從停下的地方繼續。重複複製不會改變任何內容。',
      check: '最後會逐一在兩邊清點並比對每個資料表。',
    },
    start: '複製到團隊資料庫',
    continue: '繼續複製',
    cancel: '停止',
    cancelled: '複製已停止。再次開始即可從停下的地方繼續。',
    progress: {
      starting: '準備中……',
      copy: '正在複製 {table}：第 {done} 筆，共 {total} 筆',
      verify: '正在核對 {table}：第 {done} 個資料表，共 {total} 個',
    },
    result: {
      done: '已複製 {rows} 筆。全部 {tables} 個資料表兩邊一致。',
      resumed: '複製已完成（最後這部分 {rows} 筆）。全部 {tables} 個資料表兩邊一致。',
      already: '這個工作區之前已經複製過。全部 {tables} 個資料表仍然一致。',
      mismatch: '{tables} 個資料表中有 {differing} 個在這台電腦和團隊資料庫之間不一致，已列在下方清單最前面。',
      when: '完成於 {time}',
    },
    table: {
      show: '顯示全部 {count} 個資料表',
      name: '資料表',
      local: '這台電腦',
      team: '團隊資料庫',
      check: '核對',
      match: '一致',
      mismatch: '不一致',
    },
  },
  errors: {
    teamcopy: {
      versionMismatch: '這台電腦上的工作區（版本 {source}）和團隊資料庫（版本 {target}）來自不同版本的 CreatorDesk。請在每台電腦上更新 CreatorDesk 後再試。',
      foreignWorkspace: '團隊資料庫裡已經有另一個工作區的對話，因此沒有複製任何內容。請為這個工作區使用一個空的團隊資料庫。',
      mismatch: '複製後，這些資料表在這台電腦和團隊資料庫之間不一致：{tables}。如果這段期間有人在團隊資料庫裡工作，這是正常的；否則請再複製一次。',
      noWorkspaceId: '這台電腦上的工作區還沒有識別碼。請先用 CreatorDesk 開啟一次，再試一次。',
      noLocalWorkspace: '這台電腦上沒有可以複製的工作區。',
      noTeamDatabase: '這個工作區還沒有設定團隊資料庫，請先連線一個。',
      demo: '示範工作區無法複製到團隊資料庫。',
    },
  },
}

export default zhHant
