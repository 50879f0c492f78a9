// zh-Hans strings of the KPI dashboards: exactly the keys of ./en.ts.
import type en from './en'

const zhHans: typeof en = {
  kpis: {
    title: '关键指标',
    lead: '回复有多快、对话多常变成订单、哪些工作真正带来收益。每个数字都会与之前同样长度的时段对比。',
    loading: '正在计算…',
    loadError: '无法计算这些数字。',
    refresh: '刷新',
    export: '导出 CSV',
    range: {
      from: '开始',
      to: '结束',
      showing: '{from} – {to}',
      previous: '对比 {from} – {to}',
    },
    empty: {
      title: '这个时段没有可统计的数据',
      body: '没有客户来信，也没有新订单。请选择更长的时段，或者连接账号并导入订单。',
    },
    change: {
      vsPrevious: '较上一时段 {change}',
      noPrevious: '没有可对比的数据',
      previous: '上一时段：{value}',
    },
    counted: {
      conversation: '统计了 {n} 个对话',
      order: '统计了 {n} 个订单',
    },
    details: {
      p90: '90% 在 {value} 以内',
      firstResponseBusiness: '90% 在 {p90} 以内 · 工作时间内 {business}',
      hoursSaved: '按每条回复 {minutes} 分钟计，约节省 {hours} 小时',
      peak: '最繁忙：{day} {hour}:00',
    },
    figures: {
      firstResponse: {
        title: '首次回复时间',
        help: '从客户在该时段的第一条消息到你们第一次回复的中位时间。工作时间口径只计算营业时间。',
        hit: '已回复',
      },
      resolutionTime: {
        title: '解决时间',
        help: '从客户在该时段的第一条消息到对话被标记为已解决的中位时间。',
        hit: '已解决',
      },
      responseRate: {
        title: '回复率',
        help: '该时段内有客户来信的对话中，得到回复的比例。',
        hit: '已回复',
      },
      slaAttainment: {
        title: '回复目标达成率',
        help: '该时段内开始计时的回复目标中，按时回复的比例（达成对比超时）。',
        hit: '已达成',
      },
      volume: {
        title: '对话量',
        help: '该时段内客户来信的对话，可按类型、意图、平台、账号、成员和标签查看。',
        hit: '已统计',
      },
      dmConversion: {
        title: '私信转订单',
        help: '该时段内的私信对话中，在同一时段带来归因订单的比例。',
        hit: '已下单',
      },
      orderRevenue: {
        title: '收入',
        help: '该时段内以主要币种下单的收入，按达人和优惠码拆分（归因方式与“活动 › 成效”相同）。',
        hit: '来自对话',
      },
      aov: {
        title: '平均订单金额',
        help: '主要币种的收入除以订单数，按达人和优惠码拆分。',
        hit: '来自对话',
      },
      moderationFalsePositives: {
        title: '审核误判率',
        help: '经人工复核的审核操作中，被标记为错误或因申诉而撤销的比例。越低越好。',
        hit: '误判',
      },
      automationShare: {
        title: '自动发送的回复',
        help: '已发送回复中由自动化发送的比例。节省的时间按每条回复需要人工几分钟估算。',
        hit: '自动',
      },
      bestTime: {
        title: '最繁忙时段',
        help: '一周中最繁忙的那个小时里的客户消息数。以来信量代表互动程度：在高峰时发帖并保持在线。',
        hit: '已统计',
      },
    },
    split: {
      title: '{figure}：拆分方式',
      by: '拆分方式',
      count: '统计数',
      unassigned: '未分配',
      none: '未设置',
      empty: '这个时段没有可拆分的数据。',
      notSplit: '这个指标没有拆分，请直接查看明细。',
      chartLabel: '{figure} 柱状图',
      dims: {
        platform: '平台',
        account: '账号',
        member: '团队成员',
        tag: '标签',
        kind: '类型',
        intent: '意图',
        creator: '达人',
        code: '优惠码',
        slot: '星期与小时',
      },
    },
    heatmap: {
      title: '客户什么时候来信',
      zone: '时间以 {zone} 为准',
      proxy: '按星期和小时统计的来信量代表互动程度：颜色越深，越适合发帖和在线。点击格子可查看对应的对话。',
      empty: '这个时段没有客户消息。',
      series: '客户消息',
      slot: '{day} {hour}:00',
    },
    weekdays: {
      0: '周日',
      1: '周一',
      2: '周二',
      3: '周三',
      4: '周四',
      5: '周五',
      6: '周六',
    },
    drill: {
      show: '查看明细',
      titleKey: '{figure}：{key}',
      loadError: '无法加载明细。',
      empty: '没有记录。',
      open: '在收件箱中打开',
      id: '编号',
      name: '对话或订单',
      at: '时间',
      yes: '是',
      no: '否',
      conversation: '对话 #{id}',
      order: '订单 #{id}',
    },
  },
  errors: {
    kpis: {
      unknownMetric: '没有名为“{name}”的指标。',
    },
  },
}

export default zhHans
