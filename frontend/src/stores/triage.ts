// Triage store: tags (with colours), the team and who is working, and the actions
// that change conversations (tag, assign, status, snooze, bulk), which hand the new
// rows to the inbox store so the list updates without a reload.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/triage'
import type { BulkRequest, SavedView, TeamMember, TeamState, TriageTag, ViewFilter } from '@/api/triage'
import { useInboxStore, type InboxFilters } from './inbox'
import { useInboxCountsStore } from './inboxCounts'

export const useTriageStore = defineStore('triage', () => {
  const tags = ref<TriageTag[]>([])
  const team = ref<TeamState>({ members: [], current: null })
  const loadError = ref<AppError | null>(null)
  const views = ref<SavedView[]>([])

  const tagById = computed(() => new Map(tags.value.map((t) => [t.id, t])))
  const memberById = computed(() => new Map(team.value.members.map((m) => [m.id, m])))
  const activeMembers = computed(() => team.value.members.filter((m) => m.active))

  async function load(): Promise<void> {
    try {
      const [t, tm] = await Promise.all([api.listTags(), api.getTeam()])
      tags.value = t
      team.value = { members: tm?.members ?? [], current: tm?.current ?? null }
      loadError.value = null
    } catch (err) {
      loadError.value = toAppError(err)
    }
  }

  /** The member a conversation's assignee text names (undefined: unassigned or unknown). */
  function assigneeOf(assignee: string): TeamMember | undefined {
    const id = Number(assignee)
    return assignee && Number.isFinite(id) ? memberById.value.get(id) : undefined
  }

  /** Applies one action to conversations; rejects with an AppError. */
  async function apply(req: Partial<BulkRequest> & Pick<BulkRequest, 'ids' | 'action'>): Promise<number> {
    try {
      const res = await api.bulk(req)
      useInboxStore().applyRows(res?.items ?? [])
      useInboxCountsStore().refreshSoon()
      return res?.changed ?? 0
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function claim(id: number): Promise<void> {
    try {
      const res = await api.claim(id)
      useInboxStore().applyRows(res?.items ?? [])
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function saveMember(m: TeamMember): Promise<void> {
    try {
      team.value = await api.saveMember(m)
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function setWorking(id: number): Promise<void> {
    try {
      team.value = await api.setCurrentMember(id)
    } catch (err) {
      throw toAppError(err)
    }
  }

  /** Runs a call and rejects with an AppError. */
  async function run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      throw toAppError(err)
    }
  }

  // ---- tags --------------------------------------------------------------------------------
  /** Creates (id 0) or renames/recolours a tag; keeps the list sorted as the Go side returns it. */
  async function saveTag(tag: Pick<TriageTag, 'id' | 'name' | 'color'>): Promise<TriageTag> {
    const saved = await run(() => api.saveTag({ builtin: false, uses: 0, ...tag }))
    tags.value = await run(() => api.listTags())
    return saved
  }

  /** Deletes a custom tag; rows carrying it lose the chip, and a list filtered by it is reset. */
  async function deleteTag(id: number): Promise<void> {
    await run(() => api.deleteTag(id))
    tags.value = tags.value.filter((t) => t.id !== id)
    const inbox = useInboxStore()
    if (inbox.filters.tagId === id) await inbox.setFilters({ tagId: 0 })
    else {
      const touched = inbox.items.filter((c) => (c.tagIds ?? []).includes(id))
      inbox.applyRows(touched.map((c) => ({ ...c, tagIds: (c.tagIds ?? []).filter((x) => x !== id) })))
    }
  }

  // ---- saved views -------------------------------------------------------------------------
  async function loadViews(): Promise<void> {
    views.value = await run(() => api.listViews())
  }

  /** Saves the inbox's current filters as a view (id 0: a new one) and reloads the list with counts. */
  async function saveView(id: number, name: string, f: InboxFilters): Promise<SavedView> {
    const saved = await run(() => api.saveView(id, name.trim(), toViewFilter(f)))
    await loadViews()
    return saved
  }

  /** Renames a view, keeping its filter. */
  async function renameView(v: SavedView, name: string): Promise<void> {
    await run(() => api.saveView(v.id, name.trim(), v.filter))
    await loadViews()
  }

  async function deleteView(id: number): Promise<void> {
    await run(() => api.deleteView(id))
    views.value = views.value.filter((v) => v.id !== id)
  }

  /** The saved view whose filter is exactly the inbox's current one (undefined: none). */
  function viewMatching(f: InboxFilters): SavedView | undefined {
    const want = toViewFilter(f)
    return views.value.find((v) => sameFilter(v.filter, want))
  }

  return {
    tags, team, loadError, views, tagById, memberById, activeMembers, load, assigneeOf, apply, claim, saveMember, setWorking,
    saveTag, deleteTag, loadViews, saveView, renameView, deleteView, viewMatching,
  }
})

/** The saved-view form of the inbox filters (the account filter is not part of the inbox's). */
export function toViewFilter(f: InboxFilters): ViewFilter {
  return { ...api.emptyFilter(), ...f, accountId: 0 }
}

/** The inbox filters a saved view applies (fields a view lacks count as "any"). */
export function fromViewFilter(v: Partial<ViewFilter>): InboxFilters {
  const e = api.emptyFilter()
  return {
    platform: v.platform ?? e.platform,
    kind: v.kind ?? e.kind,
    status: v.status ?? e.status,
    unreadOnly: v.unreadOnly ?? e.unreadOnly,
    tagId: v.tagId ?? e.tagId,
    assignee: v.assignee ?? e.assignee,
    slaState: v.slaState ?? e.slaState,
    language: v.language ?? e.language,
    waitingMinMinutes: v.waitingMinMinutes ?? e.waitingMinMinutes,
  }
}

function sameFilter(a: Partial<ViewFilter>, b: ViewFilter): boolean {
  const fa = toViewFilter(fromViewFilter(a))
  return (Object.keys(b) as Array<keyof ViewFilter>).every((k) => fa[k] === b[k])
}
