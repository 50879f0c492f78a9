// The app's locales, keyed by BCP 47 tag: the core messages (./<locale>.ts) merged with each
// area's messages (./areas/<area>/<locale>.ts). Areas own distinct top-level keys, so two
// areas never edit the same file; a key defined twice is a bug and fails loudly here.
import en from './en'
import zhHans from './zh-Hans'
import zhHant from './zh-Hant'
import ro from './ro'
import hi from './hi'
import type { LocaleMessages } from './en'

export type { LocaleMessages }

export const LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'ro', 'hi'] as const
export type AppLocale = (typeof LOCALES)[number]

const core: Record<AppLocale, LocaleMessages> = {
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ro,
  hi,
}

const areaModules = import.meta.glob<{ default: Record<string, unknown> }>('./areas/*/*.ts', { eager: true })

/** The core messages of locale with every area's top-level keys added. */
export function mergeAreas(
  locale: AppLocale,
  base: LocaleMessages,
  areas: Record<string, { default: Record<string, unknown> }>,
): LocaleMessages {
  const out: Record<string, unknown> = { ...base }
  for (const [path, mod] of Object.entries(areas)) {
    const file = /\/areas\/[^/]+\/([^/]+)\.ts$/.exec(path)
    if (!file || file[1] !== locale) continue
    for (const [key, value] of Object.entries(mod.default)) {
      if (key in out) throw new Error(`locale key "${key}" is defined twice (${path})`)
      out[key] = value
    }
  }
  return out as LocaleMessages
}

export const messages = Object.fromEntries(
  LOCALES.map((l) => [l, mergeAreas(l, core[l], areaModules)]),
) as Record<AppLocale, LocaleMessages>

export function isAppLocale(v: string): v is AppLocale {
  return (LOCALES as readonly string[]).includes(v)
}
