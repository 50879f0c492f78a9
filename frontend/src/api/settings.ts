// Typed wrappers over app.Settings.
import { call } from './bridge'
import type { LanguageSetting, Settings, ThemeSetting } from './types'

export function getSettings(): Promise<Settings> {
  return call('Settings', 'Get')
}

export function setLanguage(lang: LanguageSetting): Promise<Settings> {
  return call('Settings', 'SetLanguage', lang)
}

export function setTheme(theme: ThemeSetting): Promise<Settings> {
  return call('Settings', 'SetTheme', theme)
}
