// zh-Hans strings of SLA policies, business hours, away replies and notifications: exactly the keys of ./en.ts.
import type en from './en'

const zhHans: typeof en = {}

export default zhHans
