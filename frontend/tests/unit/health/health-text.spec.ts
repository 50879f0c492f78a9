import { describe, expect, it } from 'vitest'
import {
  adviceIsWarning,
  adviceText,
  failuresText,
  headroomBar,
  headroomTitle,
  itemsText,
  nextRunText,
  sortForAttention,
} from '@/views/SettingsView/components/health/healthText'
import { healthOf } from './fixture'

describe('headroomBar', () => {
  it('is absent when the platform reported no limit', () => {
    expect(headroomBar(null)).toBeNull()
    expect(headroomBar({ kind: 'rate', used: 3, limit: 0, resetsAt: '' })).toBeNull()
  })

  it('words a daily quota as units used of the budget, calm below 80 %', () => {
    const bar = headroomBar({ kind: 'quota', used: 2500, limit: 10000, resetsAt: '2026-05-02T07:00:00Z' })
    expect(bar).toEqual({ percent: 25, status: 'success', label: { key: 'health.headroom.used', params: { used: 2500, limit: 10000 } } })
    expect(headroomTitle({ kind: 'quota', used: 0, limit: 1, resetsAt: '' })).toBe('health.headroom.quota')
  })

  it('words Meta’s percentage as a percentage, warns from 80 % and turns red once used up', () => {
    expect(headroomBar({ kind: 'rate', used: 85, limit: 100, resetsAt: '' })).toMatchObject({
      percent: 85, status: 'warning', label: { key: 'health.headroom.percentUsed', params: { pct: 85 } },
    })
    expect(headroomBar({ kind: 'rate', used: 300, limit: 300, resetsAt: '' })?.status).toBe('error')
    expect(headroomBar({ kind: 'rate', used: 130, limit: 100, resetsAt: '' })?.percent).toBe(100)
    expect(headroomTitle({ kind: 'rate', used: 0, limit: 1, resetsAt: '' })).toBe('health.headroom.rate')
  })
})

describe('nextRunText', () => {
  const now = Date.parse('2026-05-01T12:00:00Z')

  it('says why the sync waits and until when', () => {
    const at = '2026-05-01T12:05:00Z'
    expect(nextRunText(healthOf({ wait: 'rate_limited', nextRunAt: at }), now)).toEqual({ key: 'health.next.rate_limited', time: at })
    expect(nextRunText(healthOf({ wait: 'pacing', nextRunAt: at }), now)).toEqual({ key: 'health.next.pacing', time: at })
    expect(nextRunText(healthOf({ wait: 'listening' }), now).key).toBe('health.next.listening')
    expect(nextRunText(healthOf({ wait: '' }), now).key).toBe('health.next.now')
  })

  it('names the teammate whose app syncs the account', () => {
    expect(nextRunText(healthOf({ wait: 'leased', heldBy: "Ana's laptop", nextRunAt: '2026-05-01T12:05:00Z' }), now)).toEqual({
      key: 'teamsync.syncedBy',
      params: { holder: "Ana's laptop" },
    })
  })

  it('words a routine wait of seconds as soon, but keeps the time a platform asked for', () => {
    const at = '2026-05-01T12:00:20Z'
    expect(nextRunText(healthOf({ wait: 'pacing', nextRunAt: at }), now).key).toBe('health.next.soon')
    expect(nextRunText(healthOf({ wait: 'idle', nextRunAt: at }), now).key).toBe('health.next.soon')
    expect(nextRunText(healthOf({ wait: 'rate_limited', nextRunAt: at }), now).key).toBe('health.next.rate_limited')
  })

  it('tells an archive and an account without a loop apart', () => {
    expect(nextRunText(healthOf({ status: 'imported', running: false }), now).key).toBe('health.next.archive')
    expect(nextRunText(healthOf({ running: false }), now).key).toBe('health.next.notRunning')
  })
})

describe('adviceText', () => {
  it('is silent when nothing is needed', () => {
    expect(adviceText(healthOf())).toBeNull()
  })

  it('names the step with the platform and the time it refers to', () => {
    expect(adviceText(healthOf({ advice: 'reconnect', platform: 'instagram', needsReconnect: true }))).toEqual({
      key: 'health.advice.reconnect', params: { platform: 'instagram' },
    })
    expect(adviceText(healthOf({ advice: 'wait', adviceUntil: '2026-05-01T12:05:00Z' }))?.time).toBe('2026-05-01T12:05:00Z')
  })

  it('shows problems as warnings and waiting as information', () => {
    expect(adviceIsWarning(healthOf({ advice: 'reconnect' }))).toBe(true)
    expect(adviceIsWarning(healthOf({ advice: 'check_address' }))).toBe(true)
    expect(adviceIsWarning(healthOf({ advice: 'wait' }))).toBe(false)
    expect(adviceIsWarning(healthOf({ advice: 'retrying' }))).toBe(false)
  })
})

describe('itemsText and failuresText', () => {
  it('formats the totals with the locale’s digits', () => {
    expect(itemsText(healthOf({ itemsSynced: 12345, itemsLast24h: 67 }), 'en').params).toEqual({ total: '12,345', day: '67' })
    expect(itemsText(healthOf({ itemsSynced: 12345, itemsLast24h: 67 }), 'hi').params?.total).toBe('12,345')
    expect(itemsText(healthOf({ itemsSynced: 1234567, itemsLast24h: 0 }), 'hi').params?.total).toBe('12,34,567')
  })

  it('counts a run of failures, and nothing after a success', () => {
    expect(failuresText(healthOf({ failures: 0, lastErrorAt: '2026-05-01T10:00:00Z' }))).toBeNull()
    expect(failuresText(healthOf({ failures: 3, lastErrorAt: '2026-05-01T10:00:00Z' }))).toEqual({
      key: 'health.error.failures', params: { n: 3 }, count: 3, time: '2026-05-01T10:00:00Z',
    })
  })
})

describe('sortForAttention', () => {
  it('puts accounts that need a person first, then keeps the connect order', () => {
    const list = [
      healthOf({ accountId: 1 }),
      healthOf({ accountId: 2, status: 'error', advice: 'retrying' }),
      healthOf({ accountId: 3, status: 'needs_reconnect', needsReconnect: true, advice: 'reconnect' }),
      healthOf({ accountId: 4, advice: 'reconnect_soon' }),
      healthOf({ accountId: 5 }),
    ]
    expect(sortForAttention(list).map((h) => h.accountId)).toEqual([3, 2, 4, 1, 5])
  })
})
