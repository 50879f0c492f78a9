// The moderation log's state: filters go to Go as asked, pages merge without repeats, errors
// become translated AppErrors, and a slow answer for an old filter never overwrites a newer one.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { installWails, uninstallWails } from '../helpers/wails'
import { LOG_ACTIONS, PAGE_SIZE, actionKey, mergeEntries, useModerationLog } from '@/views/ModerationView/log'
import type { ModerationEntry, ModerationHistory, ModerationHistoryRequest } from '@/views/ModerationView/api'

afterEach(uninstallWails)

function entry(id: number, over: Partial<ModerationEntry> = {}): ModerationEntry {
  return {
    id, at: '2026-05-01T10:00:00Z', actor: 'Dana', action: 'hide', origin: 'human', failed: false, reason: '',
    messageId: 100 + id, conversationId: 7, accountId: 1, author: 'Mara', excerpt: 'Terrible.', ...over,
  }
}

function stubHistory(fn: (req: ModerationHistoryRequest) => Promise<ModerationHistory | null>) {
  const history = vi.fn(fn)
  installWails({ Moderation: { History: history } } as never)
  return history
}

describe('mergeEntries', () => {
  it('appends older entries and drops ones already shown', () => {
    const merged = mergeEntries([entry(5), entry(4)], [entry(4), entry(3)])
    expect(merged.map((e) => e.id)).toEqual([5, 4, 3])
  })
})

describe('actionKey', () => {
  it('names every action the filter offers, and anything else as another action', () => {
    for (const a of LOG_ACTIONS) expect(actionKey({ action: a })).toBe(`moderation.log.actions.${a}`)
    expect(actionKey({ action: 'pin' })).toBe('moderation.log.actions.other')
  })
})

describe('useModerationLog', () => {
  it('loads the newest page with the filter, then older pages after nextBeforeId', async () => {
    const history = stubHistory(async (req) =>
      req.beforeId === 0 ? { entries: [entry(9), entry(8)], nextBeforeId: 8 } : { entries: [entry(8), entry(2)], nextBeforeId: 0 },
    )
    const log = useModerationLog()
    await log.setFilter({ accountId: 3, action: 'block' })
    expect(history).toHaveBeenLastCalledWith({ accountId: 3, action: 'block', beforeId: 0, limit: PAGE_SIZE })
    expect(log.entries.value.map((e) => e.id)).toEqual([9, 8])
    expect(log.nextBeforeId.value).toBe(8)
    expect(log.loaded.value).toBe(true)

    await log.load(true)
    expect(history).toHaveBeenLastCalledWith({ accountId: 3, action: 'block', beforeId: 8, limit: PAGE_SIZE })
    expect(log.entries.value.map((e) => e.id)).toEqual([9, 8, 2])
    expect(log.nextBeforeId.value).toBe(0)
    expect(log.loading.value).toBe(false)
  })

  it('treats a null answer as an empty log', async () => {
    stubHistory(async () => null)
    const log = useModerationLog()
    await log.load()
    expect(log.entries.value).toEqual([])
    expect(log.loaded.value).toBe(true)
  })

  it('keeps what is shown and reports a failure as a translated error', async () => {
    let fail = false
    stubHistory(async () => {
      if (fail) throw { code: 'internal', key: 'errors.internal', args: {}, message: 'database is locked' }
      return { entries: [entry(1)], nextBeforeId: 0 }
    })
    const log = useModerationLog()
    await log.load()
    fail = true
    await log.load()
    expect(log.error.value?.key).toBe('errors.internal')
    expect(log.entries.value.map((e) => e.id)).toEqual([1])
    fail = false
    await log.load()
    expect(log.error.value).toBeNull()
  })

  it('ignores a slow answer for a filter that was changed meanwhile', async () => {
    let release: (v: ModerationHistory) => void = () => {}
    stubHistory((req) =>
      req.action === 'hide'
        ? new Promise((resolve) => { release = resolve })
        : Promise.resolve({ entries: [entry(3, { action: 'mute' })], nextBeforeId: 0 }),
    )
    const log = useModerationLog()
    const slow = log.setFilter({ action: 'hide' })
    await log.setFilter({ action: 'mute' })
    release({ entries: [entry(4)], nextBeforeId: 0 })
    await slow
    expect(log.entries.value.map((e) => e.action)).toEqual(['mute'])
    expect(log.filter.value.action).toBe('mute')
  })
})
