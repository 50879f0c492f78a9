// Caption length as each platform counts it, recurrence presets, and the FullCalendar locale of an app locale.
import type { LocaleInput } from '@fullcalendar/core'
import zhCn from '@fullcalendar/core/locales/zh-cn'
import zhTw from '@fullcalendar/core/locales/zh-tw'
import ro from '@fullcalendar/core/locales/ro'
import hi from '@fullcalendar/core/locales/hi'
import type { CaptionLimit } from '@/api/calendar'

/** Counts text in a limit's unit: graphemes (what a reader sees), UTF-16 units or code points. */
export function captionLength(text: string, unit: string): number {
  if (unit === 'utf16') return text.length
  if (unit === 'graphemes' && typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    let n = 0
    for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++
    return n
  }
  return [...text].length
}

/** The caption counter of a platform: used, max and whether it is over (max 0 = no known limit). */
export function captionCount(text: string, platform: string, limits: CaptionLimit[]): { used: number; max: number; over: boolean } {
  const limit = limits.find((l) => l.platform === platform)
  if (!limit) return { used: [...text].length, max: 0, over: false }
  const used = captionLength(text, limit.unit)
  return { used, max: limit.max, over: used > limit.max }
}

/** The recurrence choices of the editor, as RRULE text ("" = once). */
export const RECURRENCE_PRESETS = ['', 'FREQ=DAILY', 'FREQ=WEEKLY', 'FREQ=WEEKLY;INTERVAL=2', 'FREQ=MONTHLY'] as const

/** The i18n key (calendar.recurrence.*) of each preset. */
export const PRESET_KEYS: Record<(typeof RECURRENCE_PRESETS)[number], string> = {
  '': 'none',
  'FREQ=DAILY': 'daily',
  'FREQ=WEEKLY': 'weekly',
  'FREQ=WEEKLY;INTERVAL=2': 'biweekly',
  'FREQ=MONTHLY': 'monthly',
}

/** The preset an RRULE matches, or "custom". */
export function recurrencePreset(rrule: string): string {
  return (RECURRENCE_PRESETS as readonly string[]).includes(rrule) ? rrule : 'custom'
}

/** FullCalendar's own locale for an app locale (English is built in). */
export function fullCalendarLocale(locale: string): LocaleInput | string {
  switch (locale) {
    case 'zh-Hans':
      return zhCn
    case 'zh-Hant':
      return zhTw
    case 'ro':
      return ro
    case 'hi':
      return hi
    default:
      return 'en'
  }
}

/** The browser's IANA time zone ("UTC" when unknown). */
export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}
