// vue-i18n setup: Composition API only, messages from src/locales, CLDR plural rules.
import { createI18n } from 'vue-i18n'
import { messages, type AppLocale, type LocaleMessages } from '@/locales'
import { pluralRules } from './plural'

export const i18n = createI18n<[LocaleMessages], AppLocale, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages,
  pluralRules,
  missingWarn: false,
  fallbackWarn: false,
  // Translations are rendered as text by Vue (never v-html), so parameters are not HTML-escaped.
  escapeParameter: false,
})

/** Switches the UI language and the document's lang attribute. */
export function applyLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}
