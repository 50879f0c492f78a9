// Chooses the app locale from the browser's language list when Settings.language is "".
import type { AppLocale } from '@/locales'

/** Maps one BCP 47 tag to a supported locale, or null. */
export function matchLocale(tag: string): AppLocale | null {
  const t = tag.trim().toLowerCase().replace(/_/g, '-')
  if (t === '') return null
  const [lang, ...rest] = t.split('-')
  switch (lang) {
    case 'zh':
      // Script wins over region: zh-Hant-*, then the traditional regions.
      if (rest.includes('hant')) return 'zh-Hant'
      if (rest.includes('hans')) return 'zh-Hans'
      if (rest.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-Hant'
      return 'zh-Hans'
    case 'ro':
      return 'ro'
    case 'hi':
      return 'hi'
    case 'en':
      return 'en'
    default:
      return null
  }
}

/** The first supported locale in `languages` (navigator.languages order), else English. */
export function detectLocale(languages: readonly string[] | undefined): AppLocale {
  for (const tag of languages ?? []) {
    const m = matchLocale(tag)
    if (m) return m
  }
  return 'en'
}

/** The browser's preferred languages, most preferred first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  if (navigator.languages && navigator.languages.length > 0) return navigator.languages
  return navigator.language ? [navigator.language] : []
}
