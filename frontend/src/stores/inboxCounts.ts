// Inbox counters for the navigation: unread conversations and how many people have waited
// longer than the response target. Reloaded (debounced) on `inbox:changed`, at once on
// `workspace:changed`, and after local changes the Go side does not announce (marking a
// conversation read, changing its status, replying): the inbox store calls refreshSoon().
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { on, toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/inbox'
import type { InboxCounts } from '@/api/types'
import { CHANGE_DEBOUNCE_MS } from './constants'

/** The first-response target the Go side counts `waiting` against (1 h for now, see the contract). */
export const RESPONSE_TARGET_HOURS = 1

const ZERO: InboxCounts = { unreadMessages: 0, unreadConversations: 0, waiting: 0 }

export const useInboxCountsStore = defineStore('inboxCounts', () => {
  const counts = ref<InboxCounts>({ ...ZERO })
  const loaded = ref(false)
  const error = ref<AppError | null>(null)
  let generation = 0

  /** Loads the counters now; a load started later wins over one still in flight. */
  async function load(): Promise<void> {
    const gen = ++generation
    try {
      const c = await api.getCounts()
      if (gen !== generation) return
      counts.value = c
      loaded.value = true
      error.value = null
    } catch (err) {
      // Keep the last counts: a badge that flickers to 0 on a hiccup is worse than a stale one.
      if (gen === generation) error.value = toAppError(err)
    }
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  function cancelPending(): void {
    if (timer) clearTimeout(timer)
    timer = null
  }

  /** Reloads once after a burst of changes (at most once per CHANGE_DEBOUNCE_MS). */
  function refreshSoon(): void {
    if (timer) return
    timer = setTimeout(() => {
      timer = null
      void load()
    }, CHANGE_DEBOUNCE_MS)
  }

  /** Another workspace: its counters, at once. */
  function onWorkspaceChanged(): void {
    cancelPending()
    void load()
  }

  let offs: Array<() => void> = []
  function start(): void {
    if (offs.length > 0) return
    offs = [on('inbox:changed', refreshSoon), on('workspace:changed', onWorkspaceChanged)]
  }
  function stop(): void {
    for (const off of offs) off()
    offs = []
    cancelPending()
  }

  return { counts, loaded, error, load, refreshSoon, start, stop }
})
