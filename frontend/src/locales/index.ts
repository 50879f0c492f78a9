// The app's locales, keyed by BCP 47 tag: the core messages (./<locale>.ts) deep-merged with
// each area's messages (./areas/<area>/<locale>.ts). An area may add keys anywhere (its own
// top-level key, or errors.<area>.*), so two areas never edit the same file; a message defined
// twice is a bug and fails loudly here.
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

type Tree = { [key: string]: unknown }

function isTree(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Copies `add` into `into` (a fresh copy of each subtree); a message that exists already throws. */
function mergeInto(into: Tree, add: Tree, path: string, origin: string): void {
  for (const [key, value] of Object.entries(add)) {
    const at = path ? `${path}.${key}` : key
    const existing = into[key]
    if (existing === undefined) {
      into[key] = isTree(value) ? structuredClone(value) : value
    } else if (isTree(existing) && isTree(value)) {
      into[key] = { ...existing }
      mergeInto(into[key] as Tree, value, at, origin)
    } else {
      throw new Error(`locale key "${at}" is defined twice (${origin})`)
    }
  }
}

/** The core messages of locale with every area's messages of that locale merged in. */
export function mergeAreas(
  locale: AppLocale,
  base: LocaleMessages,
  areas: Record<string, { default: Record<string, unknown> }>,
): LocaleMessages {
  const out: Tree = { ...base }
  for (const [path, mod] of Object.entries(areas)) {
    const file = /\/areas\/[^/]+\/([^/]+)\.ts$/.exec(path)
    if (!file || file[1] !== locale) continue
    mergeInto(out, mod.default, '', path)
  }
  return out as LocaleMessages
}

export const messages = Object.fromEntries(
  LOCALES.map((l) => [l, mergeAreas(l, core[l], areaModules)]),
) as Record<AppLocale, LocaleMessages>

export function isAppLocale(v: string): v is AppLocale {
  return (LOCALES as readonly string[]).includes(v)
}
