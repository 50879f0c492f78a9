// Shopify in the connect flow: the shop address is cleaned to https://<shop>.myshopify.com and
// the request carries the token (and a Dev Dashboard client id when given).
import { describe, expect, it } from 'vitest'
import { checkShopToken, cleanValues, COMING_SOON, CONNECT_PLATFORMS, normalizeShopUrl, shopify, validate } from '@/components/connect/platforms'

describe('shopify connect', () => {
  it('is connectable and no longer "coming soon"', () => {
    expect(CONNECT_PLATFORMS.map((p) => p.id)).toContain('shopify')
    expect(COMING_SOON as readonly string[]).not.toContain('shopify')
  })

  it.each([
    ['glaze-co', 'https://glaze-co.myshopify.com'],
    ['Glaze-Co.myshopify.com', 'https://glaze-co.myshopify.com'],
    ['https://glaze-co.myshopify.com/admin/orders', 'https://glaze-co.myshopify.com'],
    ['https://admin.shopify.com/store/glaze-co/orders', 'https://glaze-co.myshopify.com'],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123'],
    ['', ''],
  ])('cleans %s', (raw, want) => {
    expect(normalizeShopUrl(raw)).toBe(want)
  })

  it('checks the token shape like the Go side', () => {
    expect(checkShopToken('shpat_0123456789abcdef0123')).toBeNull()
    expect(checkShopToken('short')).toBe('connectors.shopify.tokenFormat')
    expect(checkShopToken('shpat_0123456789 abcdef0123')).toBe('connectors.shopify.tokenFormat')
  })

  it('asks for the shop and the token, then builds the request', () => {
    const empty = cleanValues(shopify, {})
    expect(validate(shopify, empty)).toEqual({ baseUrl: 'connectors.shopify.shopRequired', token: 'connectors.shopify.tokenRequired' })
    const v = cleanValues(shopify, { baseUrl: 'glaze-co', token: ' shpat_0123456789abcdef0123 ', name: 'Glaze' })
    expect(validate(shopify, v)).toEqual({})
    expect(shopify.request(v)).toEqual({ platform: 'shopify', token: 'shpat_0123456789abcdef0123', name: 'Glaze', baseUrl: 'https://glaze-co.myshopify.com', extra: {} })
    expect(shopify.request({ ...v, identifier: 'abc123' }).extra).toEqual({ client_id: 'abc123' })
  })
})
