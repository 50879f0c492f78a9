// Plural rules for vue-i18n built on Intl.PluralRules (CLDR), so that a message's
// "a | b | c" forms are chosen the way each language counts.
import type { AppLocale } from '@/locales'

/**
 * The CLDR categories each locale's messages list, in the order they are written.
 * Romanian has three: one (1), few (0, 2–19, and numbers ending in 01–19), other (20, 100...).
 * Hindi has two, with 0 counted as "one". Chinese has one form.
 */
export const PLURAL_FORMS: Record<AppLocale, readonly Intl.LDMLPluralRule[]> = {
  en: ['one', 'other'],
  'zh-Hans': ['other'],
  'zh-Hant': ['other'],
  ro: ['one', 'few', 'other'],
  hi: ['one', 'other'],
}

export type PluralRule = (choice: number, choicesLength: number) => number

/** A vue-i18n plural rule: returns the index of the form to use for `choice`. */
export function makePluralRule(locale: AppLocale): PluralRule {
  const rules = new Intl.PluralRules(locale)
  const order = PLURAL_FORMS[locale]
  return (choice, choicesLength) => {
    if (choicesLength <= 1) return 0
    const idx = order.indexOf(rules.select(Math.abs(choice)))
    const i = idx < 0 ? order.length - 1 : idx
    return Math.min(i, choicesLength - 1)
  }
}

/** The rule vue-i18n uses for Romanian: one | few | other. */
export const romanianPluralRule: PluralRule = makePluralRule('ro')

export const pluralRules: Record<AppLocale, PluralRule> = {
  en: makePluralRule('en'),
  'zh-Hans': makePluralRule('zh-Hans'),
  'zh-Hant': makePluralRule('zh-Hant'),
  ro: romanianPluralRule,
  hi: makePluralRule('hi'),
}
