// zh-Hans strings of creators, campaigns, codes, links, orders, attribution, UGC releases, experiments: exactly the keys of ./en.ts.
import type en from './en'

const zhHans: typeof en = {
  campaigns: {
    attribution: {
      creditedCode: '归因于 {creator}：结账时使用了其优惠码 {code}。',
      creditedLastClick: '归因于 {creator} 的链接：这是下单前最后一次点击的链接。',
      creditedFirstTouch: '归因于 {creator} 的链接：顾客最初通过它来到店铺。',
      creditedConversation: '归因于 {creator}：我们在私信中发出了其优惠码或链接。',
      viaConversation: '下单前，优惠码或链接已在私信对话中发出。',
      conversationOnly: '与一段私信对话相关，但不对应任何达人的优惠码或链接。',
      assistCode: '同时使用了 {creator} 的优惠码（助攻）。',
      assistLink: '顾客早前点击过 {creator} 的链接（助攻）。',
      assistConversation: '曾在私信中发出 {creator} 的优惠码或链接（助攻）。',
      unknownCode: '未归因：优惠码 {code} 不属于任何达人。',
      none: '未归因：没有达人优惠码、追踪链接或对话与此订单匹配。',
    },
    importProblems: {
      missing_id: '订单号为空。',
      missing_date: '日期为空。',
      bad_date: '“{value}”不是有效日期。',
      missing_total: '总额为空。',
      bad_amount: '“{value}”不是有效金额。',
      no_currency: '缺少币种。请添加币种列，或选择默认币种。',
      duplicate: '订单“{value}”出现了不止一次。',
      column_count: '此行的列数与表头不一致。',
    },
  },
  errors: {
    campaigns: {
      required: '请填写：{field}。',
      duplicate: '该{field}已存在。',
      invalid: '该{field}无效。',
      endsBeforeStart: '结束日期早于开始日期。',
      codeFormat: '优惠码由 2 到 40 个字母、数字、短横线或下划线组成，不能有空格。',
      url: '请输入以 https:// 开头的完整网址。',
      noShop: '请先连接 Shopify 店铺（设置 → 账号）。',
      badRows: '有 {count} 行无法导入。请在文件中修正，或选择跳过这些行。本次未导入任何内容。',
      importFile: {
        empty: '文件为空。',
        no_header: '文件缺少表头行。',
        not_text: '这不是文本 CSV 文件。请重新导出为 CSV（UTF-8）。',
        too_large: '文件太大，无法导入。',
        bad_quotes: '第 {line} 行附近有引号字段没有正确闭合。',
        unknown_format: '无法识别这些列。请选择每一列对应的内容。',
        missing_columns: '请为以下字段选择列：{columns}。',
      },
    },
  },
}

export default zhHans
