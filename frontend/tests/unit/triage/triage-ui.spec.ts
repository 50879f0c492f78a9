// Triage UI logic: route links become filters, bulk selection (toggle, shift ranges), saved
// views round-trip the filters, tags CRUD updates the list, and search brings contacts and notes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ConversationQuery } from '@/api/types'
import type { SavedView, ViewFilter } from '@/api/triage'
import { filtersFromQuery, parseWaiting } from '@/composables/inboxRouteQuery'
import { EMPTY_FILTERS, isDefaultFilters, useInboxStore } from '@/stores/inbox'
import { fromViewFilter, toViewFilter, useTriageStore } from '@/stores/triage'
import { installWails, uninstallWails } from '../helpers/wails'
import { conv } from '../helpers/fixtures'

describe('inbox links', () => {
  it('parses waiting durations and refuses odd ones', () => {
    expect(parseWaiting('24h')).toBe(1440)
    expect(parseWaiting('90m')).toBe(90)
    expect(parseWaiting('2d')).toBe(2880)
    expect(parseWaiting('45')).toBe(45)
    for (const bad of ['', 'h', '-1h', '1.5h', '24x', '0h', '999999d']) expect(parseWaiting(bad)).toBe(0)
  })

  it('turns the checklist link into open + waiting 24 h, and ignores unknown values', () => {
    expect(filtersFromQuery({ status: 'open', waiting: '24h' })).toEqual({ status: 'open', waitingMinMinutes: 1440 })
    expect(filtersFromQuery({ status: 'everything', waiting: 'soon' })).toBeNull()
    expect(filtersFromQuery({})).toBeNull()
    expect(filtersFromQuery({ kind: 'comment', tag: '6', unread: '1' })).toEqual({ kind: 'comment', tagId: 6, unreadOnly: true })
  })
})

let queries: ConversationQuery[]
let savedViews: SavedView[]

beforeEach(() => {
  setActivePinia(createPinia())
  queries = []
  savedViews = []
  installWails({
    Inbox: {
      ListConversations: (async (q: ConversationQuery) => {
        queries.push(q)
        return { items: [1, 2, 3, 4, 5].map((id) => conv(id, { tagIds: id % 2 ? [9] : [] })), nextCursor: '' }
      }) as never,
    },
    Triage: {
      Tags: (async () => [{ id: 9, name: 'vip', color: '#123456', builtin: false, uses: 3 }]) as never,
      SaveTag: vi.fn(async (tg: { id: number; name: string; color: string }) => ({ ...tg, id: tg.id || 10, builtin: false, uses: 0 })) as never,
      DeleteTag: vi.fn(async () => undefined) as never,
      Views: (async () => savedViews) as never,
      SaveView: (async (id: number, name: string, filter: ViewFilter) => {
        const v = { id: id || savedViews.length + 1, name, filter, position: 0, unread: 2 }
        savedViews = [...savedViews.filter((x) => x.id !== v.id), v]
        return v
      }) as never,
      DeleteView: (async (id: number) => {
        savedViews = savedViews.filter((x) => x.id !== id)
      }) as never,
      SearchAll: (async () => ({
        messages: null,
        contacts: [{ contactId: 4, name: 'Ioana', fragments: [{ text: 'Ioana', hit: true }] }],
        notes: [{ noteId: 1, conversationId: 2, title: 'T', platform: 'telegram', authorName: 'Dana', createdAt: '', fragments: [] }],
      })) as never,
    },
    Team: { Get: (async () => ({ members: [], current: null })) as never },
  } as never)
})
afterEach(() => uninstallWails())

describe('waiting filter', () => {
  it('is sent with the list query and counts as a filter', async () => {
    const inbox = useInboxStore()
    expect(isDefaultFilters(inbox.filters)).toBe(true)
    await inbox.setFilters({ status: 'open', waitingMinMinutes: 1440 })
    expect(queries.at(-1)).toMatchObject({ status: 'open', waitingMinMinutes: 1440 })
    expect(isDefaultFilters(inbox.filters)).toBe(false)
  })

  it('drops a row that was just answered (its last message is newer than the cutoff)', async () => {
    const inbox = useInboxStore()
    await inbox.setFilters({ waitingMinMinutes: 60 })
    expect(inbox.items).toHaveLength(5)
    inbox.applyRows([conv(3, { lastMessageAt: new Date().toISOString() })])
    expect(inbox.items.map((c) => c.id)).toEqual([1, 2, 4, 5])
  })
})

describe('bulk selection', () => {
  it('toggles rows, ticks shift ranges from the anchor, and clears on reload', async () => {
    const inbox = useInboxStore()
    await inbox.reload()
    inbox.toggleChecked(2)
    inbox.checkRange(4)
    expect(inbox.checkedIds).toEqual([2, 3, 4])
    inbox.toggleChecked(3)
    expect(inbox.checkedIds).toEqual([2, 4])
    inbox.checkRange(1)
    expect(inbox.checkedIds).toEqual([1, 2, 3, 4])
    await inbox.setFilters({ kind: 'dm' })
    expect(inbox.checkedIds).toEqual([])
  })

  it('a range without an anchor ticks only the row', async () => {
    const inbox = useInboxStore()
    await inbox.reload()
    inbox.checkRange(5)
    expect(inbox.checkedIds).toEqual([5])
  })
})

describe('saved views', () => {
  it('saves the current filters, finds the view they match, renames and deletes it', async () => {
    const inbox = useInboxStore()
    const triage = useTriageStore()
    await inbox.setFilters({ status: 'open', tagId: 9 })
    await triage.saveView(0, '  VIP open ', inbox.filters)
    expect(triage.views.map((v) => v.name)).toEqual(['VIP open'])
    expect(triage.viewMatching(inbox.filters)?.name).toBe('VIP open')
    await inbox.setFilters({ tagId: 0 })
    expect(triage.viewMatching(inbox.filters)).toBeUndefined()
    await triage.renameView(triage.views[0]!, 'VIP')
    expect(triage.views[0]!.filter).toMatchObject({ status: 'open', tagId: 9 })
    expect(triage.views[0]!.name).toBe('VIP')
    await triage.deleteView(triage.views[0]!.id)
    expect(triage.views).toEqual([])
  })

  it('a view missing newer fields applies them as "any"', () => {
    const f = fromViewFilter({ status: 'open' } as Partial<ViewFilter>)
    expect(f).toEqual({ ...EMPTY_FILTERS, status: 'open' })
    expect(toViewFilter(f)).toMatchObject({ status: 'open', accountId: 0, waitingMinMinutes: 0 })
  })
})

describe('tags and search', () => {
  it('deleting a tag removes its chips from the list', async () => {
    const inbox = useInboxStore()
    const triage = useTriageStore()
    await triage.load()
    await inbox.reload()
    await triage.deleteTag(9)
    expect(triage.tags).toEqual([])
    expect(inbox.items.every((c) => (c.tagIds ?? []).length === 0)).toBe(true)
  })

  it('deleting the tag the list is filtered by resets that filter', async () => {
    const inbox = useInboxStore()
    const triage = useTriageStore()
    await triage.load()
    await inbox.setFilters({ tagId: 9 })
    await triage.deleteTag(9)
    expect(inbox.filters.tagId).toBe(0)
    expect(queries.at(-1)?.tagId).toBe(0)
  })

  it('search keeps contact and note hits beside messages', async () => {
    const inbox = useInboxStore()
    await inbox.search('ioana')
    expect(inbox.searchHits).toEqual([])
    expect(inbox.searchContacts.map((c) => c.contactId)).toEqual([4])
    expect(inbox.searchNotes.map((n) => n.conversationId)).toEqual([2])
    await inbox.search('')
    expect(inbox.searchContacts).toEqual([])
  })
})
