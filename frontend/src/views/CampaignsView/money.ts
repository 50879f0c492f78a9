// Money in minor units (cents) as the Go side stores it, shown and typed in the current language.
// The minor-unit digits match backend/campaigns/money.Decimals.

const ZERO = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF', 'PYG'])
const THREE = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD'])

/** How many minor-unit digits a currency has (2 unless listed). */
export function decimals(currency: string): number {
  const c = currency.toUpperCase()
  if (ZERO.has(c)) return 0
  if (THREE.has(c)) return 3
  return 2
}

/** "€48.50" for (4850, "EUR"); a currency Intl does not know is written after the number. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const d = decimals(currency)
  const value = minor / 10 ** d
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: d, maximumFractionDigits: d }).format(value)
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(value)} ${currency}`.trim()
  }
}

/** Major units (what people type: 250.5) to minor units of the currency (25050). */
export function toMinor(major: number | null | undefined, currency: string): number {
  if (major == null || !Number.isFinite(major)) return 0
  return Math.round(major * 10 ** decimals(currency))
}

/** Minor units to major units for an input field. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** decimals(currency)
}

/** A ratio (0.125) as a percentage in the current language ("12.5%"). */
export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio)
}
