// What the Account health view says about an account, kept pure for unit tests: each function
// returns i18n keys with their parameters; times stay RFC 3339 strings for the view to format
// relatively. The rules (what to advise, when to wait) are decided in Go; this only words them.
import type { AccountHealth, Headroom } from '@/api/accounts'

/** A message to show: an i18n key, its named parameters and, for plural messages, the count. */
export interface HealthText {
  key: string
  params?: Record<string, string | number>
  count?: number
  /** An RFC 3339 time the view formats relatively and passes as the `time` parameter. */
  time?: string
}

/** How full a platform budget is, for the progress bar. */
export interface HeadroomBar {
  /** 0–100, rounded; at most 100. */
  percent: number
  /** naive-ui progress status: calm below 80 %, a warning from 80 %, an error once used up. */
  status: 'success' | 'warning' | 'error'
  label: HealthText
}

/** The share of the budget used, with the words under the bar; null when nothing is known. */
export function headroomBar(h: Headroom | null): HeadroomBar | null {
  if (!h || h.limit <= 0) return null
  const percent = Math.min(100, Math.max(0, Math.round((h.used / h.limit) * 100)))
  const status = h.used >= h.limit ? 'error' : percent >= 80 ? 'warning' : 'success'
  // Meta states usage as a percentage out of 100: "62 of 100 used" would read oddly.
  const label: HealthText =
    h.limit === 100 && h.kind === 'rate'
      ? { key: 'health.headroom.percentUsed', params: { pct: percent } }
      : { key: 'health.headroom.used', params: { used: h.used, limit: h.limit } }
  return { percent, status, label }
}

/** The title of the budget: a daily quota or a rate limit. */
export function headroomTitle(h: Headroom): string {
  return h.kind === 'quota' ? 'health.headroom.quota' : 'health.headroom.rate'
}

/** Below this, a routine wait reads "in a few seconds" rather than a time. */
const SOON_MS = 60_000

/** When the sync next asks the platform, and why it waits until then. */
export function nextRunText(h: AccountHealth, nowMs: number): HealthText {
  if (h.status === 'imported') return { key: 'health.next.archive' }
  if (!h.running) return { key: 'health.next.notRunning' }
  if (h.wait === 'leased' && h.heldBy) return { key: 'teamsync.syncedBy', params: { holder: h.heldBy } }
  if (h.wait === 'listening') return { key: 'health.next.listening' }
  if (!h.nextRunAt || h.wait === '') return { key: 'health.next.now' }
  const routine = h.wait === 'idle' || h.wait === 'pacing'
  if (routine && Date.parse(h.nextRunAt) - nowMs < SOON_MS) return { key: 'health.next.soon' }
  return { key: `health.next.${h.wait}`, time: h.nextRunAt }
}

/** What to do next, or null when nothing is needed. */
export function adviceText(h: AccountHealth): HealthText | null {
  if (!h.advice || h.advice === 'none') return null
  const t: HealthText = { key: `health.advice.${h.advice}`, params: { platform: h.platform } }
  if (h.adviceUntil) t.time = h.adviceUntil
  return t
}

/** Whether the advice is a problem to fix (shown as a warning) rather than information. */
export function adviceIsWarning(h: AccountHealth): boolean {
  return !['none', 'wait', 'retrying'].includes(h.advice)
}

/** Items synced: the total and the last 24 hours, formatted with the locale's digits. */
export function itemsText(h: AccountHealth, locale: string): HealthText {
  const nf = new Intl.NumberFormat(locale)
  return {
    key: 'health.items.value',
    params: { total: nf.format(h.itemsSynced), day: nf.format(h.itemsLast24h) },
  }
}

/** The run of failures since the last success, or null when the last attempt worked. */
export function failuresText(h: AccountHealth): HealthText | null {
  if (h.failures <= 0) return null
  return { key: 'health.error.failures', params: { n: h.failures }, count: h.failures, time: h.lastErrorAt || undefined }
}

/** Health cards in the order a person should look at them: problems first, then by name. */
export function sortForAttention(list: AccountHealth[]): AccountHealth[] {
  const weight = (h: AccountHealth) => (h.needsReconnect ? 0 : h.status === 'error' ? 1 : adviceIsWarning(h) ? 2 : 3)
  return [...list].sort((a, b) => weight(a) - weight(b) || a.accountId - b.accountId)
}
