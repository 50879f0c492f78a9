// zh-Hant strings of the inbox triage area (tags, team, assignment, notes, contacts, saved views, shortcuts): exactly the keys of ./en.ts.
import type en from './en'

const zhHant: typeof en = {}

export default zhHant
