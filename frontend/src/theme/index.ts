// naive-ui theme overrides for light and dark, and the resolution of the theme setting.
import { darkTheme, type GlobalThemeOverrides, type GlobalTheme } from 'naive-ui'
import type { ThemeSetting } from '@/api/types'

/** System UI first, then Noto families so CJK and Devanagari text always has a face. */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK TC", ' +
  '"Noto Sans Devanagari", "PingFang SC", "Microsoft YaHei", "Nirmala UI", "Helvetica Neue", Arial, sans-serif, ' +
  '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"'

export const MONO_FAMILY = 'ui-monospace, "SFMono-Regular", "JetBrains Mono", "Noto Sans Mono", Menlo, Consolas, monospace'

const shared: GlobalThemeOverrides['common'] = {
  fontFamily: FONT_FAMILY,
  fontFamilyMono: MONO_FAMILY,
  fontSize: '14px',
  fontSizeMedium: '14px',
  fontSizeSmall: '13px',
  fontSizeTiny: '12px',
  fontSizeLarge: '15px',
  lineHeight: '1.55',
  borderRadius: '8px',
  borderRadiusSmall: '6px',
}

export const lightOverrides: GlobalThemeOverrides = {
  common: {
    ...shared,
    primaryColor: '#4f5bd5',
    primaryColorHover: '#6470e0',
    primaryColorPressed: '#3e49b8',
    primaryColorSuppl: '#6470e0',
    bodyColor: '#f6f7fb',
    cardColor: '#ffffff',
    modalColor: '#ffffff',
    popoverColor: '#ffffff',
    borderColor: '#e3e5ee',
    dividerColor: '#eceef4',
    textColorBase: '#1d2030',
    textColor1: '#1d2030',
    textColor2: '#3b3f52',
    textColor3: '#6b7086',
    hoverColor: 'rgba(79, 91, 213, 0.06)',
  },
  Layout: { siderColor: '#eef0f7', color: '#f6f7fb' },
  Menu: {
    itemColorActive: 'rgba(79, 91, 213, 0.12)',
    itemColorActiveHover: 'rgba(79, 91, 213, 0.16)',
    itemHeight: '40px',
  },
  Card: { borderRadius: '12px' },
}

export const darkOverrides: GlobalThemeOverrides = {
  common: {
    ...shared,
    primaryColor: '#8c95f7',
    primaryColorHover: '#a3aaf9',
    primaryColorPressed: '#737de8',
    primaryColorSuppl: '#a3aaf9',
    bodyColor: '#15161c',
    cardColor: '#1d1f27',
    modalColor: '#1f2129',
    popoverColor: '#252731',
    borderColor: '#2e313d',
    dividerColor: '#2a2c37',
    textColorBase: '#e7e8ef',
    textColor1: '#e7e8ef',
    textColor2: '#c9cbd6',
    textColor3: '#9295a6',
    hoverColor: 'rgba(140, 149, 247, 0.08)',
  },
  Layout: { siderColor: '#111217', color: '#15161c' },
  Menu: {
    itemColorActive: 'rgba(140, 149, 247, 0.16)',
    itemColorActiveHover: 'rgba(140, 149, 247, 0.2)',
    itemHeight: '40px',
  },
  Card: { borderRadius: '12px', color: '#1d1f27' },
}

export type ResolvedTheme = 'light' | 'dark'

/** The theme to show: the setting, or the OS preference when the setting is "system". */
export function resolveTheme(setting: ThemeSetting, os: 'light' | 'dark' | null | undefined): ResolvedTheme {
  if (setting === 'light' || setting === 'dark') return setting
  return os === 'dark' ? 'dark' : 'light'
}

export function naiveTheme(resolved: ResolvedTheme): GlobalTheme | null {
  return resolved === 'dark' ? darkTheme : null
}

export function themeOverrides(resolved: ResolvedTheme): GlobalThemeOverrides {
  return resolved === 'dark' ? darkOverrides : lightOverrides
}
