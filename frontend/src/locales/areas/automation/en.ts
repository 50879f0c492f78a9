// English strings of automation, classifier, drafts, governance (consent, audit, retention, requests, appeals).
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {}

export default en
