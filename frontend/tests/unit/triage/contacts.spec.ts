// The contacts view state: paging with a query, editing, merging (the merged one leaves the
// list and the new merge id comes back for the undo) and undo (the list reloads).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContactProfile, ContactSummary, ContactUpdate } from '@/api/triage'
import { parseOrderIds, useContacts } from '@/composables/useContacts'
import { installWails, uninstallWails } from '../helpers/wails'

const people: ContactSummary[] = [
  { id: 1, displayName: 'Ana Pop', firstName: 'Ana', language: 'ro' },
  { id: 2, displayName: 'Ana P.', firstName: '', language: '' },
  { id: 3, displayName: '王小明', firstName: '小明', language: 'zh' },
]

function profile(id: number, over: Partial<ContactProfile> = {}): ContactProfile {
  const c = people.find((p) => p.id === id)!
  return { ...c, notes: '', orderIds: [], identities: [], conversations: [], merges: [], consent: [], consentRecorded: false, ...over }
}

let list: ReturnType<typeof vi.fn>
let merged: Set<number>

beforeEach(() => {
  merged = new Set()
  list = vi.fn(async (q: string, cursor: string, limit: number) => {
    const all = people.filter((p) => !merged.has(p.id) && p.displayName.toLowerCase().includes(q.toLowerCase()))
    const start = cursor ? Number(cursor) : 0
    const items = all.slice(start, start + Math.min(limit, 2))
    return { items, nextCursor: start + 2 < all.length ? String(start + 2) : '' }
  })
  installWails({
    Contacts: {
      List: list as never,
      Profile: (async (id: number) => profile(id)) as never,
      Update: (async (id: number, u: ContactUpdate) => ({ ...profile(id), ...u })) as never,
      Merge: (async (survivor: number, other: number) => {
        merged.add(other)
        return profile(survivor, { merges: [{ id: 77, mergedId: other, actor: 'Dana', at: '' }] })
      }) as never,
      UndoMerge: (async (_mergeId: number, survivor: number) => {
        merged.clear()
        return profile(survivor)
      }) as never,
    },
  } as never)
})
afterEach(() => uninstallWails())

describe('useContacts', () => {
  it('pages through a query and starts over when it changes', async () => {
    const c = useContacts()
    await c.search('')
    expect(c.items.value.map((x) => x.id)).toEqual([1, 2])
    await c.loadMore()
    expect(c.items.value.map((x) => x.id)).toEqual([1, 2, 3])
    expect(c.nextCursor.value).toBe('')
    await c.search('ana')
    expect(c.items.value.map((x) => x.id)).toEqual([1, 2])
    expect(list).toHaveBeenLastCalledWith('ana', '', 50)
  })

  it('edits the open profile and updates its list entry', async () => {
    const c = useContacts()
    await c.search('')
    await c.open(1)
    await c.save({ displayName: 'Ana Popescu', firstName: 'Ana', language: 'ro', notes: 'VIP', orderIds: ['A-1'] })
    expect(c.profile.value?.notes).toBe('VIP')
    expect(c.items.value[0]!.displayName).toBe('Ana Popescu')
  })

  it('merges with an undo id, and undo brings the other contact back', async () => {
    const c = useContacts()
    await c.search('')
    await c.open(1)
    expect(await c.merge(2)).toBe(77)
    expect(c.items.value.map((x) => x.id)).toEqual([1])
    await c.undoMerge(77)
    expect(c.items.value.map((x) => x.id)).toEqual([1, 2])
    expect(c.profile.value?.merges).toEqual([])
  })

  it('splits order numbers on commas, semicolons and lines', () => {
    expect(parseOrderIds(' A-1, B-2\nC-3;; A-1 ')).toEqual(['A-1', 'B-2', 'C-3'])
    expect(parseOrderIds('')).toEqual([])
  })
})
