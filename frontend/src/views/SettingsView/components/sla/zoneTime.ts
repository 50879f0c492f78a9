// Formats an RFC 3339 instant on the business calendar's wall clock, in the UI language.
export function formatInZone(iso: string, zone: string, locale: string): string {
  const ms = Date.parse(iso)
  if (!iso || Number.isNaN(ms)) return ''
  const opts: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
  try {
    return new Intl.DateTimeFormat(locale, { ...opts, timeZone: zone }).format(new Date(ms))
  } catch {
    return new Intl.DateTimeFormat(locale, opts).format(new Date(ms))
  }
}
