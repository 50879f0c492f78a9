// Words for an account's token health (Settings → Accounts), kept pure for unit tests.
import type { AccountHealth } from '@/api/accounts'

export interface TokenHealthText {
  key: string
  params?: Record<string, string | number>
  /** The plural count, when the message has plural forms. */
  count?: number
  /** Shown as a warning (expires within two weeks, or already expired). */
  warn: boolean
}

const DAY = 86_400_000

/**
 * What to say about a token: "expires in 12 days" (renewed automatically or not), "expired",
 * "does not expire", or nothing when nothing is known.
 */
export function tokenHealthText(h: AccountHealth | undefined, nowMs: number): TokenHealthText | null {
  if (!h) return null
  if (h.tokenNeverExpires) return { key: 'connectors.health.neverExpires', warn: false }
  const at = h.tokenExpiresAt ? Date.parse(h.tokenExpiresAt) : NaN
  if (Number.isNaN(at)) return h.renews ? { key: 'connectors.health.renewsAutomatically', warn: false } : null
  const days = Math.ceil((at - nowMs) / DAY)
  if (days <= 0) return { key: 'connectors.health.expired', warn: true }
  return {
    key: h.renews ? 'connectors.health.expiresInRenews' : 'connectors.health.expiresIn',
    params: { n: days },
    count: days,
    warn: days <= 14 && !h.renews,
  }
}
