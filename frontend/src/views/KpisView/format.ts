// Pure helpers of the KPI view: how a figure's value and change read, which direction is good,
// and the CSV of a table. No domain rules: the numbers come from app.Kpis as they are.
import { formatMoney } from '@/views/CampaignsView/money'

/** Figures where a smaller number is better (faster answers, fewer wrong moderation actions). */
const LOWER_IS_BETTER = new Set(['first-response', 'resolution-time', 'moderation-false-positives'])

/** A figure's value in the reader's language ("—" when there is nothing to measure). */
export function formatValue(unit: string, value: number | null, currency: string, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '—'
  switch (unit) {
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
    case 'money':
      return currency ? formatMoney(Math.round(value), currency, locale) : '—'
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)
    case 'score':
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value)} / 5`
    case 'minutes':
      return formatDuration(value, locale)
    case 'hours':
      return formatDuration(value * 60, locale)
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
}

/** A duration in minutes as "45 min", "3.5 h" or "2.1 d" (Intl unit formatting, localized). */
export function formatDuration(minutes: number, locale: string): string {
  const fmt = (v: number, unit: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(v)
  if (minutes < 90) return fmt(minutes, 'minute')
  if (minutes < 48 * 60) return fmt(minutes / 60, 'hour')
  return fmt(minutes / 1440, 'day')
}

/** A relative change as "+12%" / "−8%" ("" without a previous value). */
export function formatChange(change: number | null, locale: string): string {
  if (change === null || !Number.isFinite(change)) return ''
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change)
}

/** 'good', 'bad' or 'flat' for a change of the named figure. */
export function changeTone(name: string, change: number | null): 'good' | 'bad' | 'flat' {
  if (change === null || change === 0 || !Number.isFinite(change)) return 'flat'
  const up = change > 0
  return up !== LOWER_IS_BETTER.has(name) ? 'good' : 'bad'
}

/** One CSV cell: quoted when needed, and a leading = + - @ neutralized so spreadsheets do not run it. */
function csvCell(v: string | number): string {
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A table as CSV (RFC 4180, CRLF line ends). */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** The locale key of a metric name ("first-response" → "firstResponse"). */
export function figureKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

/** Downloads text as a file (a Blob URL: no remote resource, nothing inline). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Downloads a data: URL (an ECharts PNG from getDataURL) as a file, through a Blob URL. */
export function downloadDataURL(filename: string, dataURL: string): void {
  const [head, body = ''] = dataURL.split(',', 2)
  const type = /^data:([^;,]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream'
  const bin = atob(body)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * A goal's target typed by a person, in the figure's stored unit: a change or a
 * rate is typed in percent (15 → 0.15), money in the currency's main unit
 * (12.50 → 1250 minor units, two decimals assumed), times in minutes (hours
 * figures are stored in hours), anything else as typed.
 */
export function goalTargetFromInput(mode: string, unit: string, typed: number): number {
  if (mode === 'change' || unit === 'ratio') return typed / 100
  if (unit === 'money') return Math.round(typed * 100)
  if (unit === 'hours') return typed / 60
  return typed
}

/** The inverse of goalTargetFromInput, to fill the form when editing. */
export function goalTargetToInput(mode: string, unit: string, target: number): number {
  if (mode === 'change' || unit === 'ratio') return Math.round(target * 10000) / 100
  if (unit === 'money') return target / 100
  if (unit === 'hours') return Math.round(target * 60 * 100) / 100
  return target
}
