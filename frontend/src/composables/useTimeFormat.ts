// Relative ("3 min ago") and absolute date formatting in the current language, with Intl.
import { computed, onScopeDispose, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

const now = ref(Date.now())
let users = 0
let timer: ReturnType<typeof setInterval> | null = null

function retain(): void {
  users++
  if (!timer) timer = setInterval(() => (now.value = Date.now()), 30_000)
}
function release(): void {
  users = Math.max(0, users - 1)
  if (users === 0 && timer) {
    clearInterval(timer)
    timer = null
  }
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 1],
  ['minute', 60],
  ['hour', 3600],
  ['day', 86400],
]

// Building an Intl formatter costs far more than using one (a scrolling list formats several
// dates a frame), so each language and style keeps one.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>()

function dateFormat(locale: string, style: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${style}:${locale}`
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts)
    formatters.set(key, f)
  }
  return f
}

function relativeFormat(locale: string, style: 'long' | 'short'): Intl.RelativeTimeFormat {
  const key = `r:${style}:${locale}`
  let f = formatters.get(key) as Intl.RelativeTimeFormat | undefined
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style })
    formatters.set(key, f)
  }
  return f
}

/** Parses an RFC 3339 string; null for "" or garbage. */
export function parseTime(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? null : new Date(ms)
}

/** "now", "5 min ago", "yesterday"; older than a week: a short date. */
export function formatRelative(iso: string, locale: string, nowMs: number): string {
  const d = parseTime(iso)
  if (!d) return ''
  const diffS = Math.round((d.getTime() - nowMs) / 1000)
  const abs = Math.abs(diffS)
  if (abs < 45) return relativeFormat(locale, 'long').format(0, 'second')
  if (abs < 7 * 86400) {
    let unit: Intl.RelativeTimeFormatUnit = 'second'
    let size = 1
    for (const [u, s] of UNITS) if (abs >= s) [unit, size] = [u, s]
    return relativeFormat(locale, 'short').format(Math.round(diffS / size), unit)
  }
  const sameYear = d.getFullYear() === new Date(nowMs).getFullYear()
  return (sameYear ? dateFormat(locale, 'day', { month: 'short', day: 'numeric' }) : dateFormat(locale, 'date', { dateStyle: 'medium' })).format(d)
}

/** A message stamp: the time for today, else the date and time. */
export function formatStamp(iso: string, locale: string, nowMs: number): string {
  const d = parseTime(iso)
  if (!d) return ''
  const today = new Date(nowMs)
  if (d.toDateString() === today.toDateString()) {
    return dateFormat(locale, 'clock', { hour: 'numeric', minute: '2-digit' }).format(d)
  }
  return (
    d.getFullYear() === today.getFullYear()
      ? dateFormat(locale, 'dayClock', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
      : dateFormat(locale, 'dateClock', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
  ).format(d)
}

export function formatAbsolute(iso: string, locale: string): string {
  const d = parseTime(iso)
  return d ? dateFormat(locale, 'full', { dateStyle: 'medium', timeStyle: 'short' }).format(d) : ''
}

export function useTimeFormat(): {
  now: Ref<number>
  relative: (iso: string) => string
  absolute: (iso: string) => string
  clock: (iso: string) => string
} {
  const { locale } = useI18n()
  retain()
  onScopeDispose(release)
  const loc = computed(() => String(locale.value))
  return {
    now,
    relative: (iso) => formatRelative(iso, loc.value, now.value),
    absolute: (iso) => formatAbsolute(iso, loc.value),
    clock: (iso) => formatStamp(iso, loc.value, now.value),
  }
}
