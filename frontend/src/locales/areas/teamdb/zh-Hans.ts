// 团队数据库（issue 9）的简体中文文案：设置 → 团队数据库、实时连接、“无法连接”页面，以及两位成员同时修改同一会话时的冲突提示。

const reasons = {
  unreachable: '这个服务器和端口没有响应。请检查地址和端口，并确认服务器允许这台电脑连接。',
  wrong_password: '服务器拒绝了这个用户名和密码。',
  auth_rejected: '服务器不允许这个用户从这台电脑连接。请检查访问规则（pg_hba.conf）。',
  database_missing: '服务器上没有这个名称的数据库。',
  tls_refused: '服务器没有提供加密（TLS）。请让服务商开启，或仅在可信的本地网络中选择“关闭”。',
  tls_verify: '无法验证服务器证书。请检查 CA 证书文件和服务器名称。',
  tls_required: '服务器只接受加密连接。请开启加密。',
  ca_file: '无法读取 CA 证书文件。请检查路径。',
  timeout: '服务器没有及时响应。请检查地址，或稍后再试。',
  unknown: '无法连接：{detail}',
}

const byWhom = {
  assignee: '{by} 已将这个会话分配给 {assignee}。列表已显示最新状态。',
  self: '{by} 已经接手了这个会话。列表已显示最新状态。',
  unassigned: '{by} 已取消这个会话的分配。列表已显示最新状态。',
  open: '{by} 已重新打开这个会话。列表已显示最新状态。',
  pending: '{by} 已将这个会话设为待处理。列表已显示最新状态。',
  resolved: '{by} 已将这个会话标记为已解决。列表已显示最新状态。',
  snoozed: '{by} 已将这个会话暂停提醒。列表已显示最新状态。',
}

const zhHans = {
  settings: { sections: { teamdb: '团队数据库' } },
  teamdb: {
    title: '团队数据库',
    intro: '两台电脑共用一个收件箱。连接后会打开团队共享的 PostgreSQL 数据库；这台电脑上的本地工作区保持不变。',
    status: {
      solo: '这台电脑正在使用本地工作区。',
      team: '已连接到 {name}。',
      live: '实时同步中：队友的操作会在一秒内显示在这里。',
      connecting: '正在开启实时更新…',
      reconnecting: '连接中断，正在重新连接… 恢复后收件箱会自动补上。',
      others: '正在工作的还有：{names}',
      nobodyElse: '目前没有其他人在工作。',
      memberOn: '{member}（{machine}）',
      someoneOn: '一位队友（{machine}）',
    },
    form: {
      host: '服务器',
      hostPlaceholder: 'db.example.com',
      port: '端口',
      database: '数据库',
      user: '用户名',
      password: '密码',
      passwordHelp: '保存在这台电脑的钥匙串中，不会写入任何文件。',
      passwordSaved: '钥匙串中已保存密码。留空即可继续使用。',
      sslMode: '加密（TLS）',
      sslModes: {
        disable: '关闭（仅限可信的本地网络）',
        require: '开启',
        'verify-ca': '开启，并验证证书颁发机构',
        'verify-full': '开启，并验证证书和服务器名称',
      },
      caFile: 'CA 证书文件',
      caFilePlaceholder: '/path/to/ca.pem',
      caHelp: '仅当服务商提供了自己的证书颁发机构时才需要。',
      schema: '模式（可选）',
      label: '名称（可选）',
      labelPlaceholder: '工作室团队',
      required: '必填。',
      badPort: '请使用 1 到 65535 之间的端口。',
      caNeedsTLS: '使用 CA 证书需要开启加密。',
    },
    actions: {
      test: '测试连接',
      connect: '连接',
      disconnect: '断开连接',
      retry: '重试',
      workLocally: '在本地工作（断开连接）',
    },
    test: {
      ok: '连接成功：PostgreSQL {version}，加密{tls}。',
      tlsOn: '已开启',
      tlsOff: '未开启',
    },
    connected: '这台电脑现在使用团队数据库。',
    disconnected: '已回到这台电脑的本地工作区。',
    confirmDisconnect: {
      title: '要断开团队数据库吗？',
      body: '这台电脑将回到本地工作区。团队数据库保持不变，队友可以继续使用。',
      ok: '断开连接',
      cancel: '取消',
    },
    unavailable: {
      title: '无法连接团队数据库',
      body: 'CreatorDesk 没有改为打开本地工作区，以免数据混在一起。请重试，或在这台电脑上本地工作。',
      server: '团队数据库：{name}',
    },
    link: {
      reconnecting: '正在重新连接团队数据库…',
    },
    conflicts: {
      some: '有 {n} 个会话在此期间已被修改，已保持原样。',
    },
  },
  errors: {
    teamdb: {
      demo: '演示工作区不能使用团队数据库。请先打开你自己的工作区。',
      backup: '团队数据库在其服务器上备份（例如使用 pg_dump），而不是由 CreatorDesk 备份。本地工作区会备份到数据文件夹中。',
      config: {
        host: '请输入服务器名称或地址。',
        port: '请使用 1 到 65535 之间的端口。',
        database: '请输入数据库名称。',
        user: '请输入用户名。',
        sslMode: '请选择连接的加密方式。',
        sslRootCert: '使用 CA 证书需要开启加密。',
        schema: '模式名称只能包含字母、数字和下划线。',
      },
      probe: reasons,
      open: reasons,
      conflict: {
        status: '有人在此期间修改了这个会话的状态。列表已显示最新状态。',
        assignee: '有人在此期间修改了这个会话的负责人。列表已显示最新状态。',
      },
      conflictBy: byWhom,
      conflictAnon: {
        assignee: '这个会话在此期间已分配给 {assignee}。列表已显示最新状态。',
        self: '这个会话在此期间已分配给 {assignee}。列表已显示最新状态。',
        unassigned: '这个会话在此期间已取消分配。列表已显示最新状态。',
        open: '这个会话在此期间已重新打开。列表已显示最新状态。',
        pending: '这个会话在此期间已设为待处理。列表已显示最新状态。',
        resolved: '这个会话在此期间已标记为已解决。列表已显示最新状态。',
        snoozed: '这个会话在此期间已暂停提醒。列表已显示最新状态。',
      },
    },
  },
}

export default zhHans
