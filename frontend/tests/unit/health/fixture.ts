// A complete AccountHealth for tests, with the given fields changed.
import type { AccountHealth } from '@/api/accounts'

export function healthOf(over: Partial<AccountHealth> = {}): AccountHealth {
  return {
    accountId: 1,
    platform: 'telegram',
    name: 'Glaze & Co.',
    handle: 'glazebot',
    status: 'connected',
    lastSyncAt: '',
    running: true,
    wait: '',
    heldBy: '',
    nextRunAt: '',
    headroom: null,
    tokenExpiresAt: '',
    tokenNeverExpires: false,
    renews: false,
    needsReconnect: false,
    lastError: null,
    lastErrorAt: '',
    failures: 0,
    itemsSynced: 0,
    itemsLast24h: 0,
    advice: 'none',
    adviceUntil: '',
    settings: {},
    ...over,
  }
}
