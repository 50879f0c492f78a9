import { describe, expect, it } from 'vitest'
import {
  COMING_SOON,
  CONNECT_PLATFORMS,
  checkMetaToken,
  checkPageId,
  cleanValues,
  connectPlatform,
  normalizePageId,
  validate,
} from '@/components/connect/platforms'
import { tokenHealthText } from '@/components/connect/tokenHealth'
import { healthOf } from '../health/fixture'

describe('Meta connect entries', () => {
  it('lists Instagram and Facebook as connectable, no longer coming soon', () => {
    const ids = CONNECT_PLATFORMS.map((p) => p.id)
    expect(ids).toContain('instagram')
    expect(ids).toContain('facebook')
    expect(COMING_SOON as readonly string[]).not.toContain('instagram')
    expect(COMING_SOON as readonly string[]).not.toContain('facebook')
  })

  it('builds the Facebook request with the Page id from a pasted Page link', () => {
    const fb = connectPlatform('facebook')
    const values = cleanValues(fb, { pageId: ' https://www.facebook.com/profile.php?id=104000000000001 ', token: ` ${'EAA'.padEnd(60, 'x')} ` })
    expect(values.pageId).toBe('104000000000001')
    expect(validate(fb, values)).toEqual({})
    const req = fb.request(values)
    expect(req).toMatchObject({ platform: 'facebook', extra: { page_id: '104000000000001' } })
    expect(req.token).toBe('EAA'.padEnd(60, 'x'))
  })

  it('asks for the Page id and a token', () => {
    const fb = connectPlatform('facebook')
    const problems = validate(fb, cleanValues(fb, {}))
    expect(problems.pageId).toBe('connectors.facebook.pageIdRequired')
    expect(problems.token).toBe('connectors.meta.tokenRequired')
  })

  it('checks token and Page id shapes', () => {
    expect(checkMetaToken('IGQVJdemo-only-instagram-token-for-the-local-fake')).toBeNull()
    expect(checkMetaToken('short')).toBe('connectors.meta.tokenFormat')
    expect(checkMetaToken('has a space in the middle of a long enough token value here')).toBe('connectors.meta.tokenFormat')
    expect(checkPageId('12345')).toBeNull()
    expect(checkPageId('glazeco')).toBe('connectors.facebook.pageIdInvalid')
    expect(normalizePageId('https://facebook.com/Glaze-Co-104000000000001/')).toBe('104000000000001')
  })

  it('sends Instagram without extras', () => {
    const ig = connectPlatform('instagram')
    expect(ig.request(cleanValues(ig, { token: 'x'.repeat(50) }))).toEqual({ platform: 'instagram', token: 'x'.repeat(50), name: '', baseUrl: '', extra: {} })
  })
})

describe('tokenHealthText', () => {
  const now = Date.parse('2026-05-01T12:00:00Z')
  const base = healthOf({ accountId: 1 })

  it('counts the days left, warning within two weeks when nothing renews it', () => {
    expect(tokenHealthText({ ...base, tokenExpiresAt: '2026-05-13T12:00:00Z' }, now)).toEqual({
      key: 'connectors.health.expiresIn', params: { n: 12 }, count: 12, warn: true,
    })
    expect(tokenHealthText({ ...base, renews: true, tokenExpiresAt: '2026-06-20T12:00:00Z' }, now)?.warn).toBe(false)
  })

  it('says expired, never expires, renews, or nothing', () => {
    expect(tokenHealthText({ ...base, tokenExpiresAt: '2026-04-30T12:00:00Z' }, now)?.key).toBe('connectors.health.expired')
    expect(tokenHealthText({ ...base, tokenNeverExpires: true }, now)?.key).toBe('connectors.health.neverExpires')
    expect(tokenHealthText({ ...base, renews: true }, now)?.key).toBe('connectors.health.renewsAutomatically')
    expect(tokenHealthText(base, now)).toBeNull()
    expect(tokenHealthText(undefined, now)).toBeNull()
  })
})
