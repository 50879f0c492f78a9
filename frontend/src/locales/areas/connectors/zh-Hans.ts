// Simplified Chinese strings of platform connectors added after the walking skeleton.
const zhHans = {
  connectors: {
    meta: {
      tokenRequired: '请粘贴访问令牌。',
      tokenFormat: '这看起来不像 Meta 访问令牌：它是一长串字母和数字，中间没有空格。',
      baseUrl: 'API 地址',
      baseUrlPlaceholder: 'https://graph.facebook.com',
      baseUrlHelp: '留空即使用 Meta。只有连接测试服务器时才需要修改。',
      helpNote: 'Meta 只允许应用读取已授权账号的消息。如果你的应用仍处于开发模式，请先把自己添加为该应用的测试员或管理员。',
    },
    instagram: {
      tagline: '专业账号的私信和评论',
      token: 'Instagram 访问令牌',
      tokenPlaceholder: 'IGAA… 或 IGQV…',
      tokenHelp: '长期令牌。CreatorDesk 会在它过期前自动续期。',
      helpTitle: '在哪里获取 Instagram 令牌',
      helpStep1: '确认你的 Instagram 账号是商家账号或创作者账号（Instagram 应用 → 设置 → 账号类型和工具）。',
      helpStep2: '打开 developers.facebook.com，进入你的应用（或新建一个“商务”类型的应用），添加产品“Instagram” → “通过 Instagram 登录设置 API”。',
      helpStep3: '在“生成访问令牌”中添加你的 Instagram 账号，并允许以下权限：',
      helpStep4: '点击“生成令牌”，复制完整的令牌并粘贴到这里。',
    },
    facebook: {
      tagline: 'Facebook 公共主页的 Messenger 消息和评论',
      pageId: '主页编号',
      pageIdPlaceholder: '104000000000001',
      pageIdHelp: '在你的主页：关于 → 主页透明度 中可以看到主页编号。也可以直接粘贴主页链接。',
      pageIdRequired: '请输入 Facebook 主页的编号。',
      pageIdInvalid: '主页编号是至少五位的数字。',
      token: '主页访问令牌',
      tokenPlaceholder: 'EAA…',
      tokenHelp: '需要主页本身的令牌，而不是你个人的令牌。',
      namePlaceholder: '主页名称',
      helpTitle: '在哪里获取主页访问令牌',
      helpStep1: '在 developers.facebook.com 打开图谱 API 探索工具（Graph API Explorer），选择你的应用。',
      helpStep2: '在“用户或主页”中选择你的主页，并勾选以下权限：',
      helpStep3: '点击“Generate Access Token”，并在弹出的窗口中确认。',
      helpStep4: '如需不会过期的令牌，请打开访问令牌调试工具（Access Token Debugger）延长有效期，再次复制主页令牌，然后粘贴到这里。',
    },
    health: {
      neverExpires: '令牌不会过期',
      renewsAutomatically: '令牌会自动续期',
      expired: '令牌已过期',
      expiresIn: '令牌将在 {n} 天后过期',
      expiresInRenews: '令牌会自动续期，{n} 天后过期',
    },
    reconnect: {
      banner: '{platform} 已不再接受此账号的令牌，因此收不到新消息。重新连接后会从中断的地方继续。',
      action: '重新连接',
      token: '新的访问令牌',
      tokenRequired: '请粘贴新的令牌。',
      help: '会话都会保留，同步会从中断处继续。',
      submit: '重新连接',
      done: '{name} 已重新连接。',
    },
  },
  errors: {
    connectors: {
      otherAccount: '这个令牌属于另一个账号。请粘贴你正在重新连接的那个账号的令牌。',
      appCredentials: '请同时填写应用编号和应用密钥。',
    },
  },
}

export default zhHans
