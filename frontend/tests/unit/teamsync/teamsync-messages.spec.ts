// Team sync's messages as people read them: the send refusal for an account signed in on another
// member's computer names the account and where to reconnect, and "synced by" names who syncs,
// in every language; the health view's new waits (sync.WaitLeased, sync.WaitTokenElsewhere) have
// their words.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { LOCALES, messages } from '@/locales'
import { nextRunText } from '@/views/SettingsView/components/health/healthText'
import { toAppError } from '@/api/bridge'
import { healthOf } from '../health/fixture'

function i18nFor(locale: (typeof LOCALES)[number]) {
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages, missingWarn: false, fallbackWarn: false })
    .global
}

describe('team sync messages', () => {
  it.each(LOCALES)('%s: the send refusal names the account and the way to reconnect here', (locale) => {
    const { t, te } = i18nFor(locale)
    // The shape app.ToAppError gives sync.NoTokenHereError.
    const err = toAppError({ code: 'no_token_here', key: 'errors.teamdb.no_token', args: { account: 'Studio bot' }, message: 'x' })
    expect(te(err.key, locale)).toBe(true)
    const text = t(err.key, err.args)
    expect(text).toContain('Studio bot')
    expect(text).toContain('→')
    expect(text).not.toMatch(/[{}]/)
  })

  it.each(LOCALES)('%s: who syncs an account is named', (locale) => {
    const { t, te } = i18nFor(locale)
    for (const key of ['teamsync.syncedBy', 'errors.teamsync.leased']) {
      expect(te(key, locale)).toBe(true)
      const text = t(key, { holder: "Ana's laptop" })
      expect(text).toContain("Ana's laptop")
      expect(text).not.toMatch(/[{}]/)
    }
  })

  it.each(LOCALES)('%s: the health view words the two team waits', (locale) => {
    const { t, te } = i18nFor(locale)
    const now = Date.parse('2026-05-01T12:00:00Z')
    for (const wait of ['leased', 'token_elsewhere'] as const) {
      const h = { ...healthOf({ running: true, nextRunAt: '2026-05-01T12:05:00Z' }), wait } as unknown as Parameters<typeof nextRunText>[0]
      const msg = nextRunText(h, now)
      expect(msg.key).toBe(`health.next.${wait}`)
      expect(te(msg.key, locale)).toBe(true)
      expect(t(msg.key, { time: 'in 5 minutes' })).not.toMatch(/[{}]/)
    }
  })
})
