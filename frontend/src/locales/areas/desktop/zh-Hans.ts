// 本机应用偏好（设置 → 关于）与新手导览的简体中文文案。
const zhHans = {
  desktop: {
    title: '本机',
    background: {
      label: '关闭窗口后继续同步',
      help: '关闭窗口只会把它隐藏，消息照常收取并提醒你。再次打开 CreatorDesk 即可找回窗口；想彻底停止，请用下方的“退出”。',
    },
    update: {
      label: '检查更新',
      help: '默认关闭。打开后，只有在你点击“立即检查”时，CreatorDesk 才会访问更新页面查询新版本。',
      noFeed: '这个版本的 CreatorDesk 构建时没有设置更新页面，因此无需检查。请从你安装它的渠道获取更新。',
      check: '立即检查',
      upToDate: '已是最新版本（{version}）。',
      available: '有新版本 {version} 可用。',
      download: '打开下载页面',
    },
    tour: '查看导览',
    quit: '退出 CreatorDesk',
  },
  tour: {
    count: '第 {n} 步，共 {total} 步',
    next: '下一步',
    back: '上一步',
    skip: '跳过导览',
    finish: '开始使用',
    steps: {
      welcome: {
        title: '欢迎来到演示工作区',
        body: '这里的内容都是虚构的，随便点都没关系，不会发给任何真实的人。这段简短导览会带你看看最常用的四个地方。',
      },
      inbox: {
        title: '所有平台，一个收件箱',
        body: '各个账号的私信和评论都汇集在这里。可以加标签、分派、稍后提醒，并先处理紧急的：计时器会显示谁等得最久。',
      },
      templates: {
        title: '快捷回复',
        body: '把最好的回答写一次，用 {\'{\'}first_name{\'}\'} 这样的占位符自动填入信息。回复时输入 / 即可选用。在“设置 → 快捷回复”里编辑。',
      },
      calendar: {
        title: '安排一周',
        body: '帖子、直播和跟进都在同一个日历上。拖动即可改期；平台允许时 CreatorDesk 会自动发布，不允许时会提醒你。',
      },
      kpis: {
        title: '看清什么有回报',
        body: '回复有多快、多少对话变成订单、哪些达人和优惠码带来收入。点击任一数字，就能看到它具体统计了哪些内容。',
      },
    },
  },
  errors: {
    desktop: {
      updateCheckOff: '检查更新已关闭，请先在“设置 → 关于”中打开。',
      noUpdateFeed: '这个版本的 CreatorDesk 没有可检查的更新页面。',
      badUpdateFeed: '更新页面返回的内容无法识别，请稍后再试。',
      updateUnreachable: '无法连接更新页面，请检查网络后重试。',
      alreadyRunning: 'CreatorDesk 已经打开，请切换到它的窗口。',
    },
  },
}

export default zhHans
