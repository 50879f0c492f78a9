// Shopify: the creator's own store (orders and discount codes for campaigns; no messages).
import type { ConnectPlatform } from './common'
import { checkServerUrl, nameField, normalizeServerUrl, trim } from './common'

/**
 * A shop address as people type or paste it: "glaze-co" or "glaze-co.myshopify.com" or an admin
 * link "https://admin.shopify.com/store/glaze-co" → "https://glaze-co.myshopify.com". A custom
 * domain or a loopback test server is kept as an https (or local http) base URL.
 */
export function normalizeShopUrl(raw: string): string {
  const s = raw.trim()
  if (s === '') return ''
  const admin = /^(?:https?:\/\/)?admin\.shopify\.com\/store\/([a-z0-9][a-z0-9-]*)/i.exec(s)
  if (admin) return `https://${admin[1]!.toLowerCase()}.myshopify.com`
  if (/^[a-z0-9][a-z0-9-]*$/i.test(s)) return `https://${s.toLowerCase()}.myshopify.com`
  const url = normalizeServerUrl(s)
  try {
    const u = new URL(url)
    if (u.hostname.endsWith('.myshopify.com')) return `https://${u.hostname.toLowerCase()}`
  } catch {
    return url
  }
  return url
}

/** An Admin API access token or app client secret: long, one line, no spaces (as the Go side checks). */
export function checkShopToken(token: string): string | null {
  return token.length >= 20 && token.length <= 512 && !/\s/.test(token) ? null : 'connectors.shopify.tokenFormat'
}

/** Admin API access scopes CreatorDesk needs: orders, and discount codes. */
export const SHOPIFY_SCOPES = ['read_orders', 'read_discounts', 'write_discounts']

export const shopify: ConnectPlatform = {
  id: 'shopify',
  tagline: 'connectors.shopify.tagline',
  fields: [
    {
      id: 'baseUrl',
      label: 'connectors.shopify.shop',
      placeholder: 'connectors.shopify.shopPlaceholder',
      help: 'connectors.shopify.shopHelp',
      required: 'connectors.shopify.shopRequired',
      url: true,
      normalize: normalizeShopUrl,
      check: checkServerUrl,
      testid: 'connect-base-url',
    },
    {
      id: 'token',
      label: 'connectors.shopify.token',
      placeholder: 'connectors.shopify.tokenPlaceholder',
      help: 'connectors.shopify.tokenHelp',
      required: 'connectors.shopify.tokenRequired',
      secret: true,
      normalize: trim,
      check: checkShopToken,
      testid: 'connect-token',
    },
    nameField('connectors.shopify.namePlaceholder'),
    {
      id: 'identifier',
      label: 'connectors.shopify.clientId',
      help: 'connectors.shopify.clientIdHelp',
      advanced: true,
      normalize: trim,
      testid: 'connect-identifier',
    },
  ],
  help: {
    title: 'connectors.shopify.helpTitle',
    steps: [
      { key: 'connectors.shopify.helpStep1' },
      { key: 'connectors.shopify.helpStep2', code: SHOPIFY_SCOPES },
      { key: 'connectors.shopify.helpStep3' },
    ],
    note: 'connectors.shopify.helpNote',
  },
  request: (v) => ({
    platform: 'shopify',
    token: v.token,
    name: v.name,
    baseUrl: v.baseUrl,
    extra: v.identifier ? { client_id: v.identifier } : ({} as Record<string, string>),
  }),
}
