// English strings of SLA policies, business hours, away replies and notifications.
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {}

export default en
