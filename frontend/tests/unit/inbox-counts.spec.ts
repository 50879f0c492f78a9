// The navigation's inbox counters: the store (Inbox.Counts, debounced on inbox:changed, at once on
// workspace:changed, after local reads) and the badge / waiting indicator on the Inbox item.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { InboxCounts } from '@/api/types'
import { i18n } from '@/i18n'
import { CHANGE_DEBOUNCE_MS } from '@/stores/constants'
import { useInboxCountsStore } from '@/stores/inboxCounts'
import { useInboxStore } from '@/stores/inbox'
import InboxNavCounts from '@/components/shell/InboxNavCounts.vue'
import { installWails, uninstallWails, type WailsStub } from './helpers/wails'
import { conv } from './helpers/fixtures'

let current: InboxCounts
let counts: ReturnType<typeof vi.fn>
let wails: WailsStub
let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'en'
  current = { unreadMessages: 5, unreadConversations: 3, waiting: 2 }
  counts = vi.fn(async () => ({ ...current }))
  wails = installWails({
    Inbox: {
      Counts: counts as never,
      MarkRead: (async () => undefined) as never,
      GetThread: (async (id: number) => ({ conversation: conv(id), messages: [] })) as never,
    },
  })
})
afterEach(() => {
  useInboxCountsStore().stop()
  useInboxStore().stop()
  vi.useRealTimers()
  uninstallWails()
})

describe('counts store', () => {
  it('loads the counters', async () => {
    const store = useInboxCountsStore()
    await store.load()
    expect(store.counts).toEqual({ unreadMessages: 5, unreadConversations: 3, waiting: 2 })
    expect(store.loaded).toBe(true)
  })

  it('reloads once per burst of inbox:changed', async () => {
    vi.useFakeTimers()
    const store = useInboxCountsStore()
    store.start()
    for (let i = 0; i < 5; i++) wails.emit('inbox:changed', { conversationIds: [i] })
    expect(counts).not.toHaveBeenCalled()
    current = { unreadMessages: 9, unreadConversations: 4, waiting: 0 }
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS + 10)
    expect(counts).toHaveBeenCalledTimes(1)
    expect(store.counts.unreadConversations).toBe(4)
  })

  it('reloads at once on workspace:changed', async () => {
    const store = useInboxCountsStore()
    store.start()
    current = { unreadMessages: 0, unreadConversations: 0, waiting: 0 }
    wails.emit('workspace:changed', { mode: 'demo' })
    await flushPromises()
    expect(counts).toHaveBeenCalledTimes(1)
    expect(store.counts.unreadConversations).toBe(0)
  })

  it('keeps the last counters when a reload fails, and ignores a stale answer', async () => {
    const store = useInboxCountsStore()
    await store.load()
    counts.mockRejectedValueOnce(new Error('boom'))
    await store.load()
    expect(store.counts.unreadConversations).toBe(3)
    expect(store.error?.key).toBe('errors.internal')

    let release!: (c: InboxCounts) => void
    counts.mockImplementationOnce(() => new Promise<InboxCounts>((r) => (release = r)))
    const slow = store.load()
    current = { unreadMessages: 1, unreadConversations: 1, waiting: 1 }
    await store.load()
    release({ unreadMessages: 99, unreadConversations: 99, waiting: 99 })
    await slow
    expect(store.counts.unreadConversations).toBe(1)
  })

  it('treats missing or odd fields as 0', async () => {
    counts.mockResolvedValueOnce({ unreadConversations: 2 } as never)
    const store = useInboxCountsStore()
    await store.load()
    expect(store.counts).toEqual({ unreadMessages: 0, unreadConversations: 2, waiting: 0 })
  })

  it('refreshes after the inbox marks a conversation read (the Go side sends no event for it)', async () => {
    vi.useFakeTimers()
    const inbox = useInboxStore()
    await inbox.openConversation(7)
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS + 10)
    expect(counts).toHaveBeenCalledTimes(1)
  })
})

describe('the Inbox item’s badge and waiting indicator', () => {
  async function mountCounts(c: InboxCounts) {
    current = c
    await useInboxCountsStore().load()
    return mount(InboxNavCounts, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
  }

  it('shows the unread conversations and the waiting count', async () => {
    const w = await mountCounts({ unreadMessages: 12, unreadConversations: 3, waiting: 2 })
    expect(w.get('[data-testid="nav-inbox-unread"]').text()).toBe('3')
    expect(w.get('[data-testid="nav-inbox-waiting"]').text()).toBe('2')
    // Screen readers get the sentence, not the bare numbers.
    expect(w.get('.sr-only').text()).toBe('3 unread conversations. 2 open conversations have waited longer than 1 hour for a reply')
  })

  it('shows nothing when all is read and nobody waits', async () => {
    const w = await mountCounts({ unreadMessages: 0, unreadConversations: 0, waiting: 0 })
    expect(w.find('[data-testid="nav-inbox-unread"]').exists()).toBe(false)
    expect(w.find('[data-testid="nav-inbox-waiting"]').exists()).toBe(false)
  })

  it('shows the waiting indicator only when someone waits', async () => {
    const w = await mountCounts({ unreadMessages: 1, unreadConversations: 1, waiting: 0 })
    expect(w.get('[data-testid="nav-inbox-unread"]').text()).toBe('1')
    expect(w.find('[data-testid="nav-inbox-waiting"]').exists()).toBe(false)
    expect(w.get('.sr-only').text()).toBe('1 unread conversation')
  })

  it('caps the badge at 99+ and follows the language', async () => {
    i18n.global.locale.value = 'ro'
    const w = await mountCounts({ unreadMessages: 400, unreadConversations: 250, waiting: 21 })
    expect(w.get('[data-testid="nav-inbox-unread"]').text()).toBe('99+')
    expect(w.get('[data-testid="nav-inbox-unread"]').attributes('title')).toBe('250 de conversații necitite')
    expect(w.get('.sr-only').text()).toContain('21 de conversații deschise așteaptă un răspuns de peste 1 oră')
  })

  it('explains the waiting count in a tooltip', async () => {
    const w = await mountCounts({ unreadMessages: 0, unreadConversations: 0, waiting: 1 })
    await w.get('[data-testid="nav-inbox-waiting"]').trigger('mouseenter')
    // (In the popover itself: the visually hidden sentence in the item says the same.)
    await vi.waitFor(() =>
      expect(document.querySelector('.n-tooltip')?.textContent ?? '').toContain('1 open conversation has waited longer than 1 hour for a reply'),
    )
  })
})
