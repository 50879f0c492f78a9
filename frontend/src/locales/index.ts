// The app's locales, keyed by BCP 47 tag.
import en from './en'
import zhHans from './zh-Hans'
import zhHant from './zh-Hant'
import ro from './ro'
import hi from './hi'
import type { LocaleMessages } from './en'

export type { LocaleMessages }

export const LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'ro', 'hi'] as const
export type AppLocale = (typeof LOCALES)[number]

export const messages: Record<AppLocale, LocaleMessages> = {
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ro,
  hi,
}

export function isAppLocale(v: string): v is AppLocale {
  return (LOCALES as readonly string[]).includes(v)
}
