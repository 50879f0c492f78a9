// Campaign days and date ranges. Campaign dates travel as UTC midnights (the Go side reads
// "YYYY-MM-DD" as a UTC day), so they are shown in UTC to keep the day people chose.

/** "2026-03-01T00:00:00Z" → "2026-03-01"; "" stays "". */
export function dayOf(iso: string): string {
  return iso ? iso.slice(0, 10) : ''
}

/** A day as the current language writes it ("1 Mar 2026"). */
export function formatDay(iso: string, locale: string): string {
  if (!iso) return ''
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
}

/** A local calendar day as "YYYY-MM-DD". */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** The last `days` days up to today, as a from/to pair of days (to includes its whole day). */
export function lastDays(days: number, now: Date): { from: string; to: string } {
  const from = new Date(now)
  from.setDate(from.getDate() - (days - 1))
  return { from: localDay(from), to: localDay(now) }
}
