// English strings of the inbox triage area (tags, team, assignment, notes, contacts, saved views, shortcuts).
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {}

export default en
