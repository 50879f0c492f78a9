// 简体中文：附件与 WhatsApp 已批准模板。
const zhHans = {
  outbound: {
    attach: {
      button: '添加附件',
      loading: '正在确认 {platform} 支持的文件…',
      allowed: '{platform} 支持：',
      kindLine: '{kind}：{exts}，最大 {max}',
      kindAny: '{kind}：任意类型，最大 {max}',
      maxFiles: '每条消息最多 {n} 个文件，文字随第一个文件一起发送。',
      none: 'CreatorDesk 无法在 {platform} 上发送文件，回复只能以文字发出。如需分享图片或文档，请粘贴链接。',
      remove: '移除 {name}',
      chosen: '待发送的文件',
      readError: '无法从磁盘读取 {name}。',
      kinds: { image: '图片', video: '视频', audio: '音频', document: '文档' },
      refused: {
        blocked: '未添加 {name}：CreatorDesk 从不发送程序或脚本文件。',
        type: '未添加 {name}：{platform} 不接受这种类型的文件。',
        size: '未添加 {name}：文件大小为 {size}，{platform} 对此类文件最多接受 {max}。',
        empty: '未添加 {name}：文件是空的。',
        unsupported: '未添加 {name}：{platform} 无法接收来自 CreatorDesk 的文件。',
        tooMany: '一条消息最多只能放 {n} 个文件，其余文件未添加。',
      },
    },
    template: {
      closedHint: 'WhatsApp 的 24 小时窗口已关闭。在客户再次发消息之前，只能发送经 WhatsApp 批准的模板。',
      offer: '发送已批准的模板',
      title: '发送已批准的 WhatsApp 模板',
      pick: '模板',
      pickPlaceholder: '选择一个模板',
      param: '第 {n} 个值',
      preview: '预览',
      loading: '正在加载该账号的模板…',
      empty: '该 WhatsApp 账号还没有已批准的模板。请在 WhatsApp Manager 中创建模板，待批准后再试。',
      marketing: '营销模板：只会发送给同意接收优惠信息的人。',
      missing: '发送前请填写所有值（缺少：{list}）。',
      send: '发送模板',
      cancel: '取消',
    },
  },
  errors: {
    outbound: {
      notHere: '无法以这种方式发送文件或模板（不能用于私信回复，也不能同时发送）。',
      attachEmpty: '其中一个文件是空的。',
      attachNoFolder: '此工作区没有用于保存已发送文件的数据文件夹。',
      attachTooMany: '一条消息最多 {max} 个文件。',
      attachUnsupported: 'CreatorDesk 无法在 {platform} 上发送文件。',
      attachType: '{platform} 不接受 {name}。支持的类型：{allowed}。程序和脚本一律不会发送。',
      attachTooLarge: '{name} 太大（{size} MB）：这里最多 {max} MB。',
      templateUnsupported: '只能在 WhatsApp 对话中发送模板。',
      templateUnknown: '该账号没有 {language} 的模板“{name}”。请刷新列表后选择其他模板。',
      templateUnapproved: '模板“{name}”在 WhatsApp 上的状态为 {status}，尚未批准，无法发送。',
      templateParams: '此模板需要 {want} 个值，请逐一填写。',
    },
  },
}

export default zhHans
