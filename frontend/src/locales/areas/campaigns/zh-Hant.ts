// zh-Hant strings of creators, campaigns, codes, links, orders, attribution, UGC releases, experiments: exactly the keys of ./en.ts.
import type en from './en'

const zhHant: typeof en = {}

export default zhHant
