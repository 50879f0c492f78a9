// English strings of creators, campaigns, codes, links, orders, attribution, UGC releases, experiments.
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {}

export default en
