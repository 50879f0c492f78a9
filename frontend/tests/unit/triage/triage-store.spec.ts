// The triage store applies actions through app.Triage and hands the new rows to the inbox list,
// which drops rows that stop matching its filters.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ConversationQuery } from '@/api/types'
import type { BulkRequest } from '@/api/triage'
import { useInboxStore } from '@/stores/inbox'
import { useTriageStore } from '@/stores/triage'
import { installWails, uninstallWails } from '../helpers/wails'
import { conv } from '../helpers/fixtures'

let bulk: ReturnType<typeof vi.fn>
let queries: ConversationQuery[]

beforeEach(() => {
  setActivePinia(createPinia())
  queries = []
  bulk = vi.fn(async (req: BulkRequest) => ({
    changed: req.ids.length,
    items: req.ids.map((id) => conv(id, { tagIds: req.action === 'tag' ? [req.tagId] : [], assignee: String(req.memberId || '') })),
  }))
  installWails({
    Inbox: {
      ListConversations: (async (q: ConversationQuery) => {
        queries.push(q)
        return { items: [conv(1, { tagIds: [6] }), conv(2, { tagIds: [6] })], nextCursor: '' }
      }) as never,
    },
    Triage: {
      Bulk: bulk as never,
      Tags: (async () => [{ id: 6, name: 'order issue', color: '#e8590c', builtin: true, uses: 2 }]) as never,
    },
    Team: {
      Get: (async () => ({ members: [{ id: 3, name: 'Ion', role: 'agent', color: '#2f9e44', active: true }], current: null })) as never,
    },
  } as never)
})
afterEach(() => uninstallWails())

describe('triage store', () => {
  it('sends the filters to the list query', async () => {
    const inbox = useInboxStore()
    await inbox.setFilters({ tagId: 6, assignee: 'me', slaState: 'breached' })
    expect(queries.at(-1)).toMatchObject({ tagId: 6, assignee: 'me', slaState: 'breached', language: '' })
  })

  it('untagging drops the row from a list filtered by that tag', async () => {
    const inbox = useInboxStore()
    const triage = useTriageStore()
    await triage.load()
    await inbox.setFilters({ tagId: 6 })
    expect(inbox.items.map((c) => c.id)).toEqual([1, 2])
    await triage.apply({ ids: [2], action: 'untag', tagId: 6 })
    expect(bulk).toHaveBeenCalledWith(expect.objectContaining({ ids: [2], action: 'untag', tagId: 6, handoff: '' }))
    expect(inbox.items.map((c) => c.id)).toEqual([1])
  })

  it('names the assignee of a row from the team', async () => {
    const triage = useTriageStore()
    await triage.load()
    expect(triage.assigneeOf('3')?.name).toBe('Ion')
    expect(triage.assigneeOf('')).toBeUndefined()
  })
})
