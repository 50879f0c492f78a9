// ro strings of SLA policies, business hours, away replies and notifications: exactly the keys of ./en.ts.
import type en from './en'

const ro: typeof en = {}

export default ro
