// 复制到团队数据库（设置 → 团队数据库）的简体中文文案。
const zhHans = {
  teamcopy: {
    title: '把这台电脑上的工作区复制到团队数据库',
    demo: '演示工作区无法复制。请打开你自己的工作区再使用团队数据库。',
    notConfigured: '这个工作区还没有设置团队数据库。请先在上方连接一个，再回到这里把会话复制过去。',
    noLocal: '这台电脑上没有可以复制的工作区。',
    explain: {
      what: '这台电脑上工作区里的所有内容（账号、会话、联系人、备注、模板、活动和设置）都会复制到团队数据库，你的同事也能看到。',
      oneWay: '这是单向复制：只会读取这台电脑上的工作区，它会保持原样。',
      resume: '你可以随时停止，再次开始时会从停下的地方继续。重复复制不会改变任何内容。',
      check: '最后会逐个表在两边清点并比对。',
    },
    start: '复制到团队数据库',
    continue: '继续复制',
    cancel: '停止',
    cancelled: '复制已停止。再次开始即可从停下的地方继续。',
    progress: {
      starting: '正在准备……',
      copy: '正在复制 {table}：第 {done} 行，共 {total} 行',
      verify: '正在核对 {table}：第 {done} 个表，共 {total} 个',
    },
    result: {
      done: '已复制 {rows} 行。全部 {tables} 个表两边一致。',
      resumed: '复制已完成（最后这部分 {rows} 行）。全部 {tables} 个表两边一致。',
      already: '这个工作区之前已经复制过。全部 {tables} 个表仍然一致。',
      mismatch: '{tables} 个表中有 {differing} 个在这台电脑和团队数据库之间不一致，已排在下方列表最前面。',
      when: '完成于 {time}',
    },
    table: {
      show: '显示全部 {count} 个表',
      name: '表',
      local: '这台电脑',
      team: '团队数据库',
      check: '核对',
      match: '一致',
      mismatch: '不一致',
    },
  },
  errors: {
    teamcopy: {
      versionMismatch: '这台电脑上的工作区（版本 {source}）和团队数据库（版本 {target}）来自不同版本的 CreatorDesk。请在每台电脑上更新 CreatorDesk 后再试。',
      foreignWorkspace: '团队数据库里已经有另一个工作区的会话，因此没有复制任何内容。请为这个工作区使用一个空的团队数据库。',
      mismatch: '复制后，这些表在这台电脑和团队数据库之间不一致：{tables}。如果这期间有人在团队数据库里工作，这是正常的；否则请再复制一次。',
      noWorkspaceId: '这台电脑上的工作区还没有标识。请先用 CreatorDesk 打开一次，再试一次。',
      noLocalWorkspace: '这台电脑上没有可以复制的工作区。',
      noTeamDatabase: '这个工作区还没有设置团队数据库，请先连接一个。',
      demo: '演示工作区无法复制到团队数据库。',
    },
  },
}

export default zhHans
