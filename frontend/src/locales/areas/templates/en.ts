// English strings of saved replies (templates, folders, tokens).
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {}

export default en
