// English strings of the content calendar, publishing, live sessions, scheduled messages and the weekly checklist.
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {}

export default en
