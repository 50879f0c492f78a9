// The inbox store pages with the cursor, keeps rows by id, and follows live events.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ConversationPage, ConversationQuery, Message, Thread } from '@/api/types'
import { CHANGE_DEBOUNCE_MS, useInboxStore } from '@/stores/inbox'
import { installWails, uninstallWails, type WailsStub } from './helpers/wails'
import { conv, msg } from './helpers/fixtures'

let pages: Record<string, ConversationPage>
let threads: Record<number, Thread>
let list: ReturnType<typeof vi.fn>
let wails: WailsStub

beforeEach(() => {
  setActivePinia(createPinia())
  pages = {}
  threads = {}
  list = vi.fn(async (q: ConversationQuery) => pages[q.cursor] ?? { items: [], nextCursor: '' })
  wails = installWails({
    Inbox: {
      ListConversations: list as never,
      GetThread: (async (id: number) => threads[id]) as never,
      GetConversations: (async (ids: number[]) => ids.flatMap((id) => (threads[id] ? [threads[id].conversation] : []))) as never,
      MarkRead: (async () => undefined) as never,
      Reply: (async (id: number, text: string) => msg(900, id, { direction: 'out', text, state: 'sent' })) as never,
    },
  })
})
afterEach(() => {
  useInboxStore().stop()
  vi.useRealTimers()
  uninstallWails()
})

describe('paging', () => {
  it('loads the first page, then appends the next one with the cursor', async () => {
    pages[''] = { items: [conv(1), conv(2)], nextCursor: 'c2' }
    pages['c2'] = { items: [conv(3), conv(4)], nextCursor: '' }
    const inbox = useInboxStore()

    await inbox.loadNextPage()
    expect(inbox.items.map((c) => c.id)).toEqual([1, 2])
    expect(inbox.hasMore).toBe(true)

    await inbox.loadNextPage()
    expect(inbox.items.map((c) => c.id)).toEqual([1, 2, 3, 4])
    expect(list.mock.calls[1]![0]).toMatchObject({ cursor: 'c2', limit: 50 })
    expect(inbox.hasMore).toBe(false)

    await inbox.loadNextPage()
    expect(list).toHaveBeenCalledTimes(2)
  })

  it('dedupes rows by id across pages, keeping the newer copy', async () => {
    pages[''] = { items: [conv(1), conv(2)], nextCursor: 'c2' }
    pages['c2'] = { items: [conv(2, { title: 'renamed' }), conv(3)], nextCursor: '' }
    const inbox = useInboxStore()
    await inbox.loadNextPage()
    await inbox.loadNextPage()
    expect(inbox.items.map((c) => c.id)).toEqual([1, 2, 3])
    expect(inbox.conversations.get(2)!.title).toBe('renamed')
  })

  it('sends the filters and starts over when they change', async () => {
    pages[''] = { items: [conv(1)], nextCursor: '' }
    const inbox = useInboxStore()
    await inbox.loadNextPage()
    await inbox.setFilters({ platform: 'telegram', unreadOnly: true })
    expect(list.mock.calls.at(-1)![0]).toEqual({
      cursor: '', limit: 50, platform: 'telegram', kind: '', status: '', unreadOnly: true,
      accountId: 0, tagId: 0, assignee: '', slaState: '', language: '', waitingMinMinutes: 0,
    })
    expect(inbox.items.map((c) => c.id)).toEqual([1])
  })

  it('ignores a page that arrives after the filters changed', async () => {
    let release!: (p: ConversationPage) => void
    list.mockImplementationOnce(() => new Promise<ConversationPage>((r) => (release = r)))
    const inbox = useInboxStore()
    const stale = inbox.loadNextPage()
    pages[''] = { items: [conv(7)], nextCursor: '' }
    await inbox.setFilters({ kind: 'comment' })
    release({ items: [conv(99)], nextCursor: 'zzz' })
    await stale
    expect(inbox.items.map((c) => c.id)).toEqual([7])
    expect(inbox.nextCursor).toBe('')
  })

  it('keeps a typed AppError when a page fails', async () => {
    list.mockRejectedValueOnce({ code: 'db_corrupt', key: 'errors.db.corrupt', args: {}, message: 'corrupt' })
    const inbox = useInboxStore()
    await inbox.loadNextPage()
    expect(inbox.listError?.key).toBe('errors.db.corrupt')
  })
})

describe('live updates', () => {
  it('refreshes the affected rows on inbox:changed and moves them to the top', async () => {
    vi.useFakeTimers()
    pages[''] = { items: [conv(1), conv(2), conv(3)], nextCursor: '' }
    const inbox = useInboxStore()
    inbox.start()
    await inbox.loadNextPage()

    const newer = new Date(Date.UTC(2026, 0, 2)).toISOString()
    pages[''] = { items: [conv(3, { snippet: 'new!', unread: 1, lastMessageAt: newer }), conv(5, { lastMessageAt: newer }), conv(1), conv(2)], nextCursor: '' }
    wails.emit('inbox:changed', { conversationIds: [3, 5] })
    wails.emit('inbox:changed', { conversationIds: [3] })
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS + 10)

    expect(list).toHaveBeenCalledTimes(2) // one refresh for the burst
    expect(inbox.items.map((c) => c.id)).toEqual([5, 3, 1, 2])
    expect(inbox.conversations.get(3)).toMatchObject({ snippet: 'new!', unread: 1 })
  })

  it('refreshes a changed row beyond the first page through GetConversations', async () => {
    vi.useFakeTimers()
    pages[''] = { items: [conv(1)], nextCursor: 'c2' }
    pages['c2'] = { items: [conv(2)], nextCursor: '' }
    threads[2] = { conversation: conv(2, { status: 'resolved', title: 'edited title' }), messages: [] }
    const inbox = useInboxStore()
    inbox.start()
    await inbox.loadNextPage()
    await inbox.loadNextPage()
    wails.emit('inbox:changed', { conversationIds: [2] })
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS + 10)
    expect(inbox.conversations.get(2)!.title).toBe('edited title')
  })

  it('reloads the open thread when its conversation changed', async () => {
    vi.useFakeTimers()
    pages[''] = { items: [conv(1)], nextCursor: '' }
    threads[1] = { conversation: conv(1), messages: [msg(10, 1)] }
    const inbox = useInboxStore()
    inbox.start()
    await inbox.loadNextPage()
    await inbox.openConversation(1)
    expect(inbox.messages.map((m) => m.id)).toEqual([10])

    threads[1] = { conversation: conv(1), messages: [msg(10, 1), msg(11, 1, { text: 'hello again' })] }
    wails.emit('inbox:changed', { conversationIds: [1] })
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS + 10)
    expect(inbox.messages.map((m) => m.text)).toEqual(['message 10', 'hello again'])
  })

  it('updates an outgoing message in place on message:state', async () => {
    threads[1] = { conversation: conv(1), messages: [msg(10, 1)] }
    const inbox = useInboxStore()
    inbox.start()
    await inbox.openConversation(1)
    const queued: Message = msg(20, 1, { direction: 'out', state: 'queued', text: 'hi' })
    wails.emit('message:state', queued)
    expect(inbox.messages.map((m) => [m.id, m.state])).toEqual([
      [10, 'received'],
      [20, 'queued'],
    ])
    wails.emit('message:state', { ...queued, state: 'failed', error: { code: 'x', key: 'errors.platform.transient', args: {}, message: '' } })
    expect(inbox.messages.find((m) => m.id === 20)!.state).toBe('failed')
    expect(inbox.messages).toHaveLength(2)
    wails.emit('message:state', msg(30, 2, { direction: 'out' }))
    expect(inbox.messages).toHaveLength(2) // another conversation's message is not shown here
  })

  it('stops listening on stop()', () => {
    const inbox = useInboxStore()
    inbox.start()
    expect(wails.listenerCount('inbox:changed')).toBe(1)
    inbox.stop()
    expect(wails.listenerCount('inbox:changed')).toBe(0)
  })
})

describe('thread and reply', () => {
  it('opening a conversation loads its thread oldest first and marks it read', async () => {
    const markRead = vi.fn(async () => undefined)
    window.go!.app!.Inbox!.MarkRead = markRead
    pages[''] = { items: [conv(1, { unread: 3 })], nextCursor: '' }
    threads[1] = { conversation: conv(1, { unread: 3 }), messages: [msg(12, 1), msg(11, 1)] }
    const inbox = useInboxStore()
    await inbox.loadNextPage()
    await inbox.openConversation(1)
    expect(inbox.messages.map((m) => m.id)).toEqual([11, 12])
    expect(markRead).toHaveBeenCalledWith(1)
    expect(inbox.conversations.get(1)!.unread).toBe(0)
  })

  it('adds the stored reply once, even when message:state delivered it first', async () => {
    threads[1] = { conversation: conv(1), messages: [] }
    const inbox = useInboxStore()
    inbox.start()
    await inbox.openConversation(1)
    wails.emit('message:state', msg(900, 1, { direction: 'out', state: 'queued', text: 'hey' }))
    expect(await inbox.sendReply('hey')).toBe(true)
    expect(inbox.messages).toHaveLength(1)
    expect(inbox.messages[0]).toMatchObject({ id: 900, state: 'sent' })
  })

  it('refreshes the row after a reply, moving it to the top with the new snippet', async () => {
    vi.useFakeTimers()
    pages[''] = { items: [conv(1), conv(2)], nextCursor: '' }
    threads[2] = { conversation: conv(2), messages: [] }
    const inbox = useInboxStore()
    inbox.start()
    await inbox.loadNextPage()
    await inbox.openConversation(2)
    const fresh = conv(2, { snippet: 'hey', lastMessageAt: new Date(Date.UTC(2026, 0, 3)).toISOString() })
    pages[''] = { items: [fresh, conv(1)], nextCursor: '' }
    threads[2] = { conversation: fresh, messages: [msg(900, 2, { direction: 'out', text: 'hey', state: 'sent' })] }
    expect(await inbox.sendReply('hey')).toBe(true)
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS + 10)
    expect(inbox.items.map((c) => [c.id, c.snippet])).toEqual([
      [2, 'hey'],
      [1, 'snippet 1'],
    ])
  })

  it('keeps the AppError when Reply rejects', async () => {
    window.go!.app!.Inbox!.Reply = async () => {
      throw { code: 'send_empty', key: 'errors.send.emptyText', args: {}, message: '' }
    }
    threads[1] = { conversation: conv(1), messages: [] }
    const inbox = useInboxStore()
    await inbox.openConversation(1)
    expect(await inbox.sendReply(' ')).toBe(false)
    expect(inbox.sendError?.key).toBe('errors.send.emptyText')
  })
})
