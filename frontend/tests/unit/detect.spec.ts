// Settings.language "" picks the locale from navigator.languages.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { browserLanguages, detectLocale, matchLocale } from '@/i18n/detect'

afterEach(() => vi.restoreAllMocks())

describe('language detection', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['ro', 'ro'],
    ['ro-RO', 'ro'],
    ['ro-MD', 'ro'],
    ['hi', 'hi'],
    ['hi-IN', 'hi'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
  ])('%s → %s', (tag, want) => {
    expect(matchLocale(tag)).toBe(want)
    expect(detectLocale([tag])).toBe(want)
  })

  it('takes the first supported language in order of preference', () => {
    expect(detectLocale(['fr-FR', 'de', 'hi-IN', 'en'])).toBe('hi')
    expect(detectLocale(['ro', 'zh-TW'])).toBe('ro')
  })

  it('falls back to English', () => {
    expect(detectLocale(['fr', 'ja-JP'])).toBe('en')
    expect(detectLocale([])).toBe('en')
    expect(detectLocale(undefined)).toBe('en')
  })

  it('reads navigator.languages', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-HK', 'en'])
    expect(detectLocale(browserLanguages())).toBe('zh-Hant')
  })
})
