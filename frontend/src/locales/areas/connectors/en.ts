// English strings of platform connectors added after the walking skeleton (Meta, WhatsApp, Shopify...).
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {}

export default en
