// 團隊資料庫（issue 9）的繁體中文文案：設定 → 團隊資料庫、即時連線、「無法連線」畫面，以及兩位成員同時修改同一則對話時的衝突提示。

const reasons = {
  unreachable: '這個伺服器和連接埠沒有回應。請檢查位址和連接埠，並確認伺服器允許這台電腦連線。',
  wrong_password: '伺服器拒絕了這組使用者名稱和密碼。',
  auth_rejected: '伺服器不允許這個使用者從這台電腦連線。請檢查存取規則（pg_hba.conf）。',
  database_missing: '伺服器上沒有這個名稱的資料庫。',
  tls_refused: '伺服器沒有提供加密（TLS）。請請服務商開啟，或僅在可信任的區域網路中選擇「關閉」。',
  tls_verify: '無法驗證伺服器憑證。請檢查 CA 憑證檔案和伺服器名稱。',
  tls_required: '伺服器只接受加密連線。請開啟加密。',
  ca_file: '無法讀取 CA 憑證檔案。請檢查路徑。',
  timeout: '伺服器沒有及時回應。請檢查位址，或稍後再試。',
  unknown: '無法連線：{detail}',
}

const byWhom = {
  assignee: '{by} 已將這則對話指派給 {assignee}。列表已顯示最新狀態。',
  self: '{by} 已經接手這則對話。列表已顯示最新狀態。',
  unassigned: '{by} 已取消這則對話的指派。列表已顯示最新狀態。',
  open: '{by} 已重新開啟這則對話。列表已顯示最新狀態。',
  pending: '{by} 已將這則對話設為待處理。列表已顯示最新狀態。',
  resolved: '{by} 已將這則對話標示為已解決。列表已顯示最新狀態。',
  snoozed: '{by} 已將這則對話延後提醒。列表已顯示最新狀態。',
}

const zhHant = {
  settings: { sections: { teamdb: '團隊資料庫' } },
  teamdb: {
    title: '團隊資料庫',
    intro: '兩台電腦共用一個收件匣。連線後會開啟團隊共用的 PostgreSQL 資料庫；這台電腦上的本機工作區維持不變。',
    status: {
      solo: '這台電腦正在使用本機工作區。',
      team: '已連線到 {name}。',
      live: '即時同步中：隊友的操作會在一秒內顯示在這裡。',
      connecting: '正在啟動即時更新…',
      reconnecting: '連線中斷，正在重新連線… 恢復後收件匣會自動補上。',
      others: '目前也在工作的有：{names}',
      nobodyElse: '目前沒有其他人在工作。',
      memberOn: '{member}（{machine}）',
      someoneOn: '一位隊友（{machine}）',
    },
    form: {
      host: '伺服器',
      hostPlaceholder: 'db.example.com',
      port: '連接埠',
      database: '資料庫',
      user: '使用者名稱',
      password: '密碼',
      passwordHelp: '儲存在這台電腦的鑰匙圈中，不會寫入任何檔案。',
      passwordSaved: '鑰匙圈中已儲存密碼。留空即可繼續使用。',
      sslMode: '加密（TLS）',
      sslModes: {
        disable: '關閉（僅限可信任的區域網路）',
        require: '開啟',
        'verify-ca': '開啟，並驗證憑證授權單位',
        'verify-full': '開啟，並驗證憑證和伺服器名稱',
      },
      caFile: 'CA 憑證檔案',
      caFilePlaceholder: '/path/to/ca.pem',
      caHelp: '只有在服務商提供自己的憑證授權單位時才需要。',
      schema: '結構描述（選填）',
      label: '名稱（選填）',
      labelPlaceholder: '工作室團隊',
      required: '必填。',
      badPort: '請使用 1 到 65535 之間的連接埠。',
      caNeedsTLS: '使用 CA 憑證需要開啟加密。',
    },
    actions: {
      test: '測試連線',
      connect: '連線',
      disconnect: '中斷連線',
      retry: '重試',
      workLocally: '在本機工作（中斷連線）',
    },
    test: {
      ok: '連線成功：PostgreSQL {version}，加密{tls}。',
      tlsOn: '已開啟',
      tlsOff: '未開啟',
    },
    connected: '這台電腦現在使用團隊資料庫。',
    disconnected: '已回到這台電腦的本機工作區。',
    confirmDisconnect: {
      title: '要中斷團隊資料庫的連線嗎？',
      body: '這台電腦會回到本機工作區。團隊資料庫維持不變，隊友可以繼續使用。',
      ok: '中斷連線',
      cancel: '取消',
    },
    unavailable: {
      title: '無法連線到團隊資料庫',
      body: 'CreatorDesk 沒有改為開啟本機工作區，以免資料混在一起。請重試，或在這台電腦上以本機工作。',
      server: '團隊資料庫：{name}',
    },
    link: {
      reconnecting: '正在重新連線到團隊資料庫…',
    },
    conflicts: {
      some: '有 {n} 則對話在這段期間已被修改，已維持原狀。',
    },
  },
  errors: {
    teamdb: {
      demo: '示範工作區無法使用團隊資料庫。請先開啟你自己的工作區。',
      backup: '團隊資料庫在其伺服器上備份（例如使用 pg_dump），而不是由 CreatorDesk 備份。本機工作區會備份到資料夾中。',
      config: {
        host: '請輸入伺服器名稱或位址。',
        port: '請使用 1 到 65535 之間的連接埠。',
        database: '請輸入資料庫名稱。',
        user: '請輸入使用者名稱。',
        sslMode: '請選擇連線的加密方式。',
        sslRootCert: '使用 CA 憑證需要開啟加密。',
        schema: '結構描述名稱只能包含英文字母、數字和底線。',
      },
      probe: reasons,
      open: reasons,
      conflict: {
        status: '有人在這段期間修改了這則對話的狀態。列表已顯示最新狀態。',
        assignee: '有人在這段期間修改了這則對話的負責人。列表已顯示最新狀態。',
      },
      conflictBy: byWhom,
      conflictAnon: {
        assignee: '這則對話在這段期間已指派給 {assignee}。列表已顯示最新狀態。',
        self: '這則對話在這段期間已指派給 {assignee}。列表已顯示最新狀態。',
        unassigned: '這則對話在這段期間已取消指派。列表已顯示最新狀態。',
        open: '這則對話在這段期間已重新開啟。列表已顯示最新狀態。',
        pending: '這則對話在這段期間已設為待處理。列表已顯示最新狀態。',
        resolved: '這則對話在這段期間已標示為已解決。列表已顯示最新狀態。',
        snoozed: '這則對話在這段期間已延後提醒。列表已顯示最新狀態。',
      },
    },
  },
}

export default zhHant
