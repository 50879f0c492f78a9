// ro strings of platform connectors added after the walking skeleton (Meta, WhatsApp, Shopify...): exactly the keys of ./en.ts.
import type en from './en'

const ro: typeof en = {}

export default ro
