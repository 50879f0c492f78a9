// Reply experiment helpers: a rate with its interval in words, and which variant leads.
import type { RateInterval, VariantResult } from '@/api/campaignsReleases'

/** "12.5% (8.1–18.0%)"; "—" without sends. */
export function formatInterval(r: RateInterval, sends: number, locale: string): string {
  if (sends === 0) return '—'
  const pct = (v: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v)
  return `${pct(r.rate)} (${pct(r.low)}–${pct(r.high)})`
}

/**
 * The variant with the best reply rate whose interval lies entirely above every other
 * variant's interval (a clear leader); null while the intervals overlap.
 */
export function clearLeader(rows: VariantResult[]): VariantResult | null {
  const ranked = rows.filter((r) => r.sends > 0).sort((a, b) => b.replyRate.rate - a.replyRate.rate)
  if (ranked.length < 2) return null
  const [best, ...rest] = ranked
  return rest.every((r) => best!.replyRate.low > r.replyRate.high) ? best! : null
}
