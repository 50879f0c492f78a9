// What the connect form asks for, per platform: its fields (label, placeholder, checks), its
// help, and how the typed values become an Accounts.Connect request. ConnectForm.vue renders
// any of these; adding a platform is adding an entry here (and its strings in src/locales).
// Every label, placeholder and message is an i18n key.
// The platforms live in defs/ (one file per platform family); this module lists them in the
// picker's order and turns typed values into checked ones.
export * from './defs/common'
export * from './defs/social'
export * from './defs/meta'
export * from './defs/shopify'
export * from './defs/tiktok'
export * from './defs/youtube'
import type { ConnectFieldId, ConnectPlatform, ConnectValues } from './defs/common'
import { bluesky, mastodon, telegram } from './defs/social'
import { facebook, instagram, whatsapp } from './defs/meta'
import { shopify } from './defs/shopify'
import { tiktok } from './defs/tiktok'
import { youtube } from './defs/youtube'

/** The platforms that can be connected, in the picker's order. */
export const CONNECT_PLATFORMS: readonly ConnectPlatform[] = [telegram, mastodon, bluesky, instagram, facebook, shopify, whatsapp, tiktok, youtube]

export function connectPlatform(id: string): ConnectPlatform {
  return CONNECT_PLATFORMS.find((p) => p.id === id) ?? telegram
}

/** Cleans every field's value; missing fields are "". */
export function cleanValues(platform: ConnectPlatform, raw: Partial<ConnectValues>): ConnectValues {
  const out: ConnectValues = { token: '', identifier: '', name: '', baseUrl: '', pageId: '' }
  for (const f of platform.fields) {
    const v = raw[f.id] ?? ''
    out[f.id] = f.normalize ? f.normalize(v) : v
  }
  return out
}

/** The i18n key of each field's problem (empty when required, or its check), for cleaned values. */
export function validate(platform: ConnectPlatform, values: ConnectValues): Partial<Record<ConnectFieldId, string>> {
  const problems: Partial<Record<ConnectFieldId, string>> = {}
  for (const f of platform.fields) {
    const v = values[f.id]
    if (v === '') {
      if (f.required) problems[f.id] = f.required
      continue
    }
    const p = f.check?.(v)
    if (p) problems[f.id] = p
  }
  return problems
}
