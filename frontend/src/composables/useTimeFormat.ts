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
  if (abs < 45) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second')
  if (abs < 7 * 86400) {
    let unit: Intl.RelativeTimeFormatUnit = 'second'
    let size = 1
    for (const [u, s] of UNITS) if (abs >= s) [unit, size] = [u, s]
    const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })
    return rtf.format(Math.round(diffS / size), unit)
  }
  const sameYear = d.getFullYear() === new Date(nowMs).getFullYear()
  return new Intl.DateTimeFormat(locale, sameYear ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' }).format(d)
}

/** A message stamp: the time for today, else the date and time. */
export function formatStamp(iso: string, locale: string, nowMs: number): string {
  const d = parseTime(iso)
  if (!d) return ''
  const today = new Date(nowMs)
  if (d.toDateString() === today.toDateString()) {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(d)
  }
  const opts: Intl.DateTimeFormatOptions =
    d.getFullYear() === today.getFullYear()
      ? { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
      : { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
  return new Intl.DateTimeFormat(locale, opts).format(d)
}

export function formatAbsolute(iso: string, locale: string): string {
  const d = parseTime(iso)
  return d ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d) : ''
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
