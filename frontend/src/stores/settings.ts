// Settings store: UI language and theme, persisted by the Go side.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/settings'
import type { LanguageSetting, Settings, ThemeSetting } from '@/api/types'
import { applyLocale } from '@/i18n'
import { browserLanguages, detectLocale } from '@/i18n/detect'
import { isAppLocale, type AppLocale } from '@/locales'

const DEFAULTS: Settings = { language: '', theme: 'system' }

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...DEFAULTS })
  const loaded = ref(false)
  const error = ref<AppError | null>(null)

  /** The locale in effect: the chosen one, or the best match for the browser's languages. */
  const locale = computed<AppLocale>(() => {
    const lang = settings.value.language
    return lang !== '' && isAppLocale(lang) ? lang : detectLocale(browserLanguages())
  })

  function normalize(s: Settings | null | undefined): Settings {
    const language = s?.language && isAppLocale(s.language) ? s.language : ''
    const theme = s?.theme === 'light' || s?.theme === 'dark' ? s.theme : 'system'
    return { language, theme }
  }

  async function load(): Promise<void> {
    try {
      settings.value = normalize(await api.getSettings())
      error.value = null
    } catch (err) {
      error.value = toAppError(err)
    } finally {
      loaded.value = true
      applyLocale(locale.value)
    }
  }

  /** Applies at once and persists; reverts and rethrows if the Go side refuses. */
  async function setLanguage(language: LanguageSetting): Promise<void> {
    const before = settings.value
    settings.value = { ...before, language }
    applyLocale(locale.value)
    try {
      settings.value = normalize(await api.setLanguage(language))
      applyLocale(locale.value)
    } catch (err) {
      settings.value = before
      applyLocale(locale.value)
      throw toAppError(err)
    }
  }

  async function setTheme(theme: ThemeSetting): Promise<void> {
    const before = settings.value
    settings.value = { ...before, theme }
    try {
      settings.value = normalize(await api.setTheme(theme))
    } catch (err) {
      settings.value = before
      throw toAppError(err)
    }
  }

  return { settings, loaded, error, locale, load, setLanguage, setTheme }
})
