// zh-Hant strings of the content calendar, publishing, live sessions, scheduled messages and the weekly checklist: exactly the keys of ./en.ts.
import type en from './en'

const zhHant: typeof en = {}

export default zhHant
