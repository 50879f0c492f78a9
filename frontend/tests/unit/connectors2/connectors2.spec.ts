// The WhatsApp Cloud API and TikTok connect entries (checks, the request each sends to
// Accounts.Connect) and the "what this platform does not allow" notes shown on the connect form.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import {
  COMING_SOON,
  CONNECT_PLATFORMS,
  checkGraphId,
  checkTikTokBusinessId,
  checkTikTokToken,
  cleanValues,
  tiktok,
  tiktokToken,
  validate,
  whatsapp,
} from '@/components/connect/platforms'
import PlatformLimits from '@/components/connect/limits/PlatformLimits.vue'
import { PLATFORM_LIMITS, limitsFor } from '@/components/connect/limits/limits'
import { LOCALES, messages } from '@/locales'
import { i18n } from '@/i18n'

const metaToken = 'EAAG'.padEnd(80, 'x')

function has(locale: string, key: string): boolean {
  let node: unknown = (messages as Record<string, unknown>)[locale]
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return typeof node === 'string' && node.length > 0
}

describe('WhatsApp and TikTok are connectable', () => {
  it('are in the picker and no longer coming soon', () => {
    const ids = CONNECT_PLATFORMS.map((p) => p.id)
    expect(ids).toContain('whatsapp')
    expect(ids).toContain('tiktok')
    expect(COMING_SOON as readonly string[]).not.toContain('whatsapp')
    expect(COMING_SOON as readonly string[]).not.toContain('tiktok')
  })
})

describe('WhatsApp entry', () => {
  it('asks for the phone number id and the token', () => {
    const problems = validate(whatsapp, cleanValues(whatsapp, {}))
    expect(problems.identifier).toBe('connectors2.whatsapp.phoneNumberIdRequired')
    expect(problems.token).toBe('connectors.meta.tokenRequired')
    expect(problems.pageId).toBeUndefined() // the account id is optional
  })

  it('sends the ids as settings and the token as the secret', () => {
    const values = cleanValues(whatsapp, { identifier: ' 106540352242922 ', token: ` ${metaToken} `, pageId: '102290129340398' })
    expect(validate(whatsapp, values)).toEqual({})
    expect(whatsapp.request(values)).toEqual({
      platform: 'whatsapp',
      token: metaToken,
      name: '',
      baseUrl: '',
      extra: { phone_number_id: '106540352242922', waba_id: '102290129340398' },
    })
    const noWaba = whatsapp.request(cleanValues(whatsapp, { identifier: '106540352242922', token: metaToken }))
    expect(noWaba.extra).toEqual({ phone_number_id: '106540352242922' })
  })

  it('refuses a phone number instead of its id', () => {
    expect(checkGraphId('+40 721 000 111')).toBe('connectors2.whatsapp.idInvalid')
    expect(checkGraphId('1234')).toBe('connectors2.whatsapp.idInvalid')
    expect(checkGraphId('106540352242922')).toBeNull()
  })
})

describe('TikTok entry', () => {
  it('keeps both tokens together when a refresh token is given', () => {
    const values = cleanValues(tiktok, { identifier: ' -000glazeco ', token: 'act.abcdefghijklmnop', pageId: 'rft.abcdefghijklmnop' })
    expect(validate(tiktok, values)).toEqual({})
    const req = tiktok.request(values)
    expect(req.extra).toEqual({ business_id: '-000glazeco' })
    expect(JSON.parse(req.token)).toEqual({ access_token: 'act.abcdefghijklmnop', refresh_token: 'rft.abcdefghijklmnop' })
    expect(tiktokToken('act.abcdefghijklmnop', '')).toBe('act.abcdefghijklmnop')
  })

  it('checks the business id and token shapes', () => {
    expect(checkTikTokBusinessId('has space')).toBe('connectors2.tiktok.businessIdInvalid')
    expect(checkTikTokToken('act.with a space inside')).toBe('connectors2.tiktok.tokenFormat')
    expect(checkTikTokToken('short')).toBe('connectors2.tiktok.tokenFormat')
    const problems = validate(tiktok, cleanValues(tiktok, {}))
    expect(problems.identifier).toBe('connectors2.tiktok.businessIdRequired')
    expect(problems.token).toBe('connectors2.tiktok.tokenRequired')
    expect(problems.pageId).toBeUndefined()
  })
})

describe('platform limits', () => {
  it('exist for WhatsApp and TikTok only, with every text in all five languages', () => {
    expect(limitsFor('telegram')).toEqual([])
    expect(Object.keys(PLATFORM_LIMITS).sort()).toEqual(['tiktok', 'whatsapp'])
    for (const locale of LOCALES) {
      expect(has(locale, 'connectors2.limits.title'), locale).toBe(true)
      for (const items of Object.values(PLATFORM_LIMITS)) for (const item of items) expect(has(locale, item.key), `${locale} ${item.key}`).toBe(true)
      for (const p of [whatsapp, tiktok]) {
        const keys = [p.tagline, p.help.title, p.help.note!, ...p.help.steps.map((s) => s.key)]
        for (const f of p.fields) keys.push(...[f.label, f.placeholder, f.help, f.required].filter((k): k is string => !!k))
        for (const k of keys) expect(has(locale, k), `${locale} ${k}`).toBe(true)
      }
    }
  })

  it('says plainly that WhatsApp messages cannot be fetched, and how to import history', () => {
    const w = mount(PlatformLimits, { props: { platform: 'whatsapp' }, global: { plugins: [i18n] } })
    const box = w.get('[data-testid="platform-limits"]')
    expect(box.text()).toContain('What WhatsApp does not allow')
    expect(box.text()).toContain('Incoming messages cannot be fetched')
    expect(box.get('code').text()).toBe('creatordesk import whatsapp FILE')
    expect(w.findAll('[data-testid="platform-limit"]')).toHaveLength(3)
  })

  it('renders nothing for a platform without gaps', () => {
    const w = mount(PlatformLimits, { props: { platform: 'mastodon' }, global: { plugins: [i18n] } })
    expect(w.find('[data-testid="platform-limits"]').exists()).toBe(false)
  })
})
