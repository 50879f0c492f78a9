// Triage store: tags (with colours), the team and who is working, and the actions
// that change conversations (tag, assign, status, snooze, bulk), which hand the new
// rows to the inbox store so the list updates without a reload.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/triage'
import type { BulkRequest, TeamMember, TeamState, TriageTag } from '@/api/triage'
import { useInboxStore } from './inbox'
import { useInboxCountsStore } from './inboxCounts'

export const useTriageStore = defineStore('triage', () => {
  const tags = ref<TriageTag[]>([])
  const team = ref<TeamState>({ members: [], current: null })
  const loadError = ref<AppError | null>(null)

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

  return { tags, team, loadError, tagById, memberById, activeMembers, load, assigneeOf, apply, claim, saveMember, setWorking }
})
