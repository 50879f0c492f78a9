// Inbox store: the cursor-paged conversation list (kept in a Map by id), the open thread,
// sending, and search. Live updates: `inbox:changed` refreshes the affected rows and the open
// thread; `message:state` updates an outgoing message in place. Local changes the Go side does
// not announce (read, status, replies) ask the counts store to refresh the navigation badge.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, triggerRef } from 'vue'
import { on, toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/inbox'
import { searchAll, type ContactHit, type NoteHit } from '@/api/triage'
import { sendFromTemplate } from '@/api/templates'
import type { Conversation, ConversationQuery, ConversationStatus, Message, SearchHit } from '@/api/types'
import { CHANGE_DEBOUNCE_MS } from './constants'
import { useInboxCountsStore } from './inboxCounts'

export const PAGE_SIZE = 50
export const SEARCH_LIMIT = 50
export { CHANGE_DEBOUNCE_MS }
/** At most this many rows outside the first page are refreshed per change burst. */
const MAX_ROW_REFRESH = 200

export interface InboxFilters {
  platform: string
  kind: string
  status: string
  unreadOnly: boolean
  /** 0 = any tag. */
  tagId: number
  /** "" anyone, "none" unassigned, "me" who is working, or a member id. */
  assignee: string
  slaState: string
  language: string
  /** The customer's last, unanswered message waited at least this long (0 = any). */
  waitingMinMinutes: number
}

export const EMPTY_FILTERS: InboxFilters = {
  platform: '', kind: '', status: '', unreadOnly: false, tagId: 0, assignee: '', slaState: '', language: '', waitingMinMinutes: 0,
}

/** True when no filter narrows the list. */
export function isDefaultFilters(f: InboxFilters): boolean {
  return (Object.keys(EMPTY_FILTERS) as Array<keyof InboxFilters>).every((k) => !f[k])
}

/** Newest first, ties by id descending: the order the Go side pages in. */
function compareConversations(a: Conversation, b: Conversation): number {
  if (a.lastMessageAt !== b.lastMessageAt) {
    const ta = Date.parse(a.lastMessageAt) || 0
    const tb = Date.parse(b.lastMessageAt) || 0
    if (ta !== tb) return tb - ta
  }
  return b.id - a.id
}

/** Oldest first, ties by id. */
function compareMessages(a: Message, b: Message): number {
  const ta = Date.parse(a.sentAt) || 0
  const tb = Date.parse(b.sentAt) || 0
  return ta !== tb ? ta - tb : a.id - b.id
}

export const useInboxStore = defineStore('inbox', () => {
  const counts = useInboxCountsStore()

  // ---- conversation list -------------------------------------------------------------
  // A shallowRef'd Map, triggered by hand: rows are replaced whole, never mutated in place.
  const conversations = shallowRef(new Map<number, Conversation>())
  const order = ref<number[]>([])
  const nextCursor = ref('')
  const loadedOnce = ref(false)
  const loadingPage = ref(false)
  const listError = ref<AppError | null>(null)
  const filters = ref<InboxFilters>({ ...EMPTY_FILTERS })
  let generation = 0

  const items = computed<Conversation[]>(() => {
    const map = conversations.value
    const out: Conversation[] = []
    for (const id of order.value) {
      const c = map.get(id)
      if (c) out.push(c)
    }
    return out
  })
  const hasMore = computed(() => !loadedOnce.value || nextCursor.value !== '')

  function query(cursor: string, limit = PAGE_SIZE): ConversationQuery {
    const f = filters.value
    return {
      cursor, limit, platform: f.platform, kind: f.kind, status: f.status, unreadOnly: f.unreadOnly,
      accountId: 0, tagId: f.tagId, assignee: f.assignee, slaState: f.slaState, language: f.language,
      waitingMinMinutes: f.waitingMinMinutes,
    }
  }

  function matchesFilters(c: Conversation): boolean {
    const f = filters.value
    if (f.platform && c.platform !== f.platform) return false
    if (f.kind && c.kind !== f.kind) return false
    if (f.status && c.status !== f.status) return false
    if (f.unreadOnly && c.unread <= 0 && c.id !== selectedId.value) return false
    if (f.tagId && !(c.tagIds ?? []).includes(f.tagId)) return false
    if (f.assignee === 'none' && c.assignee !== '') return false
    if (f.assignee && f.assignee !== 'none' && f.assignee !== 'me' && c.assignee !== f.assignee) return false
    if (f.slaState && (c.slaState || 'none') !== f.slaState) return false
    if (f.language && c.language !== f.language) return false
    // A reply (or any newer message) moves lastMessageAt past the cutoff: nobody waits any more.
    if (f.waitingMinMinutes > 0 && (Date.parse(c.lastMessageAt) || 0) > Date.now() - f.waitingMinMinutes * 60_000) return false
    return true
  }

  /** Rows the Go side returned after a triage action: replace them and re-filter. */
  function applyRows(rows: Conversation[]): void {
    if (rows.length > 0) mergeConversations(rows, { append: false, reorder: true })
  }

  function putConversation(c: Conversation): void {
    conversations.value.set(c.id, c)
  }

  /** Adds or replaces rows; `reorder` re-sorts and drops rows that no longer match the filters. */
  function mergeConversations(list: Conversation[], opts: { append: boolean; reorder: boolean }): void {
    const present = new Set(order.value)
    const next = [...order.value]
    for (const c of list) {
      putConversation(c)
      if (!present.has(c.id)) {
        present.add(c.id)
        next.push(c.id)
      }
    }
    let ids = next
    if (opts.reorder) {
      const map = conversations.value
      ids = next.filter((id) => {
        const c = map.get(id)
        return c !== undefined && matchesFilters(c)
      })
      ids.sort((a, b) => compareConversations(map.get(a)!, map.get(b)!))
    }
    order.value = ids
    triggerRef(conversations)
  }

  /** Loads the next page (the first one if nothing is loaded yet). */
  async function loadNextPage(): Promise<void> {
    if (loadingPage.value || !hasMore.value) return
    const gen = generation
    loadingPage.value = true
    try {
      const page = await api.listConversations(query(nextCursor.value))
      if (gen !== generation) return
      mergeConversations(page.items, { append: true, reorder: false })
      nextCursor.value = page.nextCursor
      loadedOnce.value = true
      listError.value = null
    } catch (err) {
      if (gen === generation) listError.value = toAppError(err)
    } finally {
      if (gen === generation) loadingPage.value = false
    }
  }

  /** Drops the list and loads the first page again (after a filter or workspace change). */
  async function reload(): Promise<void> {
    generation++
    checked.value = new Set()
    checkAnchor = null
    conversations.value = new Map()
    order.value = []
    nextCursor.value = ''
    loadedOnce.value = false
    loadingPage.value = false
    listError.value = null
    await loadNextPage()
  }

  async function setFilters(f: Partial<InboxFilters>): Promise<void> {
    filters.value = { ...filters.value, ...f }
    await reload()
  }

  // ---- bulk selection --------------------------------------------------------------------
  /** Rows ticked for a bulk action (cleared when the list reloads). */
  const checked = ref(new Set<number>())
  /** The row a shift-range starts from (the last one ticked or unticked by itself). */
  let checkAnchor: number | null = null
  const checkedIds = computed(() => order.value.filter((id) => checked.value.has(id)))

  /** Ticks or unticks one row; it becomes the anchor of the next range. */
  function toggleChecked(id: number): void {
    const next = new Set(checked.value)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    checked.value = next
    checkAnchor = id
  }

  /** Ticks every loaded row between the anchor (or `from`) and `to`, both included. */
  function checkRange(to: number, from: number | null = checkAnchor): void {
    const ids = order.value
    const b = ids.indexOf(to)
    if (b < 0) return
    const a = from === null ? -1 : ids.indexOf(from)
    const [lo, hi] = a < 0 ? [b, b] : [Math.min(a, b), Math.max(a, b)]
    const next = new Set(checked.value)
    for (const id of ids.slice(lo, hi + 1)) next.add(id)
    checked.value = next
    if (checkAnchor === null) checkAnchor = to
  }

  function clearChecked(): void {
    checked.value = new Set()
    checkAnchor = null
  }

  // ---- open thread ---------------------------------------------------------------------
  const selectedId = ref<number | null>(null)
  const messages = ref<Message[]>([])
  const threadLoading = ref(false)
  const threadError = ref<AppError | null>(null)
  let threadGen = 0

  const selected = computed<Conversation | null>(() =>
    selectedId.value === null ? null : (conversations.value.get(selectedId.value) ?? null),
  )

  /**
   * Puts a message into the open thread. State events carry no moderation state, so unless
   * withModeration is set, a known message keeps its hidden / private-reply marks.
   */
  function upsertMessage(m: Message, withModeration = false): void {
    if (m.conversationId !== selectedId.value) return
    const list = [...messages.value]
    const i = list.findIndex((x) => x.id === m.id)
    const old = i >= 0 ? list[i] : undefined
    if (old && !withModeration) {
      m = { ...m, hidden: old.hidden, privatelyAnswered: old.privatelyAnswered, privateReplyTo: m.privateReplyTo || old.privateReplyTo }
    }
    if (i >= 0) list[i] = m
    else list.push(m)
    list.sort(compareMessages)
    messages.value = list
  }

  async function markRead(id: number): Promise<void> {
    const c = conversations.value.get(id)
    if (c && c.unread > 0) {
      putConversation({ ...c, unread: 0 })
      triggerRef(conversations)
    }
    try {
      await api.markRead(id)
      counts.refreshSoon()
    } catch (err) {
      console.warn('MarkRead failed', toAppError(err))
    }
  }

  async function loadThread(id: number): Promise<void> {
    const gen = ++threadGen
    threadLoading.value = true
    try {
      const thread = await api.getThread(id)
      if (gen !== threadGen || selectedId.value !== id) return
      putConversation(thread.conversation)
      triggerRef(conversations)
      messages.value = [...thread.messages].sort(compareMessages)
      threadError.value = null
    } catch (err) {
      if (gen === threadGen) threadError.value = toAppError(err)
    } finally {
      if (gen === threadGen) threadLoading.value = false
    }
  }

  /** Opens a conversation: loads its thread and marks it read. */
  async function openConversation(id: number): Promise<void> {
    if (selectedId.value !== id) {
      selectedId.value = id
      messages.value = []
      threadError.value = null
    }
    // Sequential: a thread fetched before MarkRead landed would bring the old unread count back.
    await loadThread(id)
    if (selectedId.value === id) await markRead(id)
  }

  function closeConversation(): void {
    selectedId.value = null
    messages.value = []
    threadGen++
  }

  // ---- sending ---------------------------------------------------------------------------
  const sending = ref(false)
  const sendError = ref<AppError | null>(null)
  const retrying = ref(new Set<number>())

  /** Sends a reply in the open conversation; resolves true when something was stored. */
  /** Sends the composer's text; templateId names the saved reply it came from (0 = typed). */
  async function sendReply(text: string, templateId = 0): Promise<boolean> {
    const id = selectedId.value
    if (id === null || sending.value) return false
    sending.value = true
    sendError.value = null
    try {
      const m = templateId > 0 ? await sendFromTemplate(id, templateId, text) : await api.reply(id, text)
      upsertMessage(m)
      counts.refreshSoon()
      // The reply changes the row (snippet, time, order); the Go side does not always say so.
      onInboxChanged({ conversationIds: [id] })
      return true
    } catch (err) {
      sendError.value = toAppError(err)
      return false
    } finally {
      sending.value = false
    }
  }

  /**
   * Sends through another path of the send gate (files, a WhatsApp template) with the same
   * bookkeeping as sendReply; resolves true when something was stored.
   */
  async function sendVia(run: (conversationId: number) => Promise<Message>): Promise<boolean> {
    const id = selectedId.value
    if (id === null || sending.value) return false
    sending.value = true
    sendError.value = null
    try {
      upsertMessage(await run(id))
      counts.refreshSoon()
      onInboxChanged({ conversationIds: [id] })
      return true
    } catch (err) {
      sendError.value = toAppError(err)
      return false
    } finally {
      sending.value = false
    }
  }

  async function retry(messageId: number): Promise<void> {
    if (retrying.value.has(messageId)) return
    retrying.value = new Set(retrying.value).add(messageId)
    try {
      upsertMessage(await api.retrySend(messageId))
      counts.refreshSoon()
    } catch (err) {
      const e = toAppError(err)
      const m = messages.value.find((x) => x.id === messageId)
      if (m) upsertMessage({ ...m, state: 'failed', error: { code: e.code, key: e.key, args: e.args, message: e.fallback } })
    } finally {
      const s = new Set(retrying.value)
      s.delete(messageId)
      retrying.value = s
    }
  }

  async function setStatus(id: number, status: ConversationStatus): Promise<void> {
    const c = await api.setConversationStatus(id, status).catch((err: unknown) => {
      throw toAppError(err)
    })
    mergeConversations([c], { append: false, reorder: true })
    counts.refreshSoon()
  }

  // ---- live updates ----------------------------------------------------------------------
  /** Refreshes the rows (and the open thread) of conversations the Go side reports changed. */
  async function refreshConversations(ids: number[]): Promise<void> {
    const gen = generation
    const changed = new Set(ids)
    let firstPage: Conversation[] = []
    try {
      firstPage = (await api.listConversations(query('', PAGE_SIZE))).items
    } catch (err) {
      console.warn('refresh failed', toAppError(err))
    }
    if (gen !== generation) return
    const seen = new Set(firstPage.map((c) => c.id))
    const fetched: Conversation[] = [...firstPage]
    const others = [...changed].filter((id) => !seen.has(id) && conversations.value.has(id)).slice(0, MAX_ROW_REFRESH)
    if (others.length > 0) {
      try {
        fetched.push(...(await api.getConversations(others)))
      } catch (err) {
        console.warn('refresh failed', toAppError(err))
      }
    }
    if (gen !== generation) return
    mergeConversations(fetched, { append: true, reorder: true })
    if (!loadedOnce.value && firstPage.length > 0) loadedOnce.value = true

    // The open conversation is being read: reload it if it changed and keep it marked read.
    const open = selectedId.value
    if (open !== null && changed.has(open)) await loadThread(open)
    if (open !== null && open === selectedId.value && (conversations.value.get(open)?.unread ?? 0) > 0) await markRead(open)
  }

  /**
   * Refreshes the loaded rows and the open thread in place (team mode: after the live link to
   * the team database was lost and came back, announcements may have been missed). The list
   * keeps its scroll position, selection and the composer's text.
   */
  async function refreshVisible(): Promise<void> {
    const ids = order.value.slice(0, MAX_ROW_REFRESH)
    if (selectedId.value !== null && !ids.includes(selectedId.value)) ids.push(selectedId.value)
    await refreshConversations(ids)
  }

  /** What the member sees of conversations now (status, assignee), sent with a change (team mode). */
  function seenOf(ids: number[]): Array<{ id: number; status: string; assignee: string | null }> {
    return ids.map((id) => {
      const c = conversations.value.get(id)
      return c ? { id, status: c.status, assignee: c.assignee ?? '' } : { id, status: '', assignee: null }
    })
  }

  const pendingChanges = new Set<number>()
  let changeTimer: ReturnType<typeof setTimeout> | null = null
  function onInboxChanged(payload: { conversationIds: number[] | null }): void {
    for (const id of payload?.conversationIds ?? []) pendingChanges.add(id)
    if (changeTimer) return
    changeTimer = setTimeout(() => {
      changeTimer = null
      const ids = [...pendingChanges]
      pendingChanges.clear()
      void refreshConversations(ids)
    }, CHANGE_DEBOUNCE_MS)
  }

  /** An outgoing message changed state: update it in the thread, then refresh its row. */
  function onMessageState(m: Message): void {
    upsertMessage(m)
    if (m?.conversationId) onInboxChanged({ conversationIds: [m.conversationId] })
  }

  // ---- search ----------------------------------------------------------------------------
  const searchQuery = ref('')
  const searchHits = ref<SearchHit[]>([])
  const searchContacts = ref<ContactHit[]>([])
  const searchNotes = ref<NoteHit[]>([])
  const searching = ref(false)
  const searchError = ref<AppError | null>(null)
  let searchGen = 0

  async function search(q: string): Promise<void> {
    const gen = ++searchGen
    searchQuery.value = q
    if (q.trim() === '') {
      searchHits.value = []
      searchContacts.value = []
      searchNotes.value = []
      searching.value = false
      searchError.value = null
      return
    }
    searching.value = true
    try {
      const res = await searchAll(q.trim(), SEARCH_LIMIT)
      if (gen !== searchGen) return
      searchHits.value = res.messages
      searchContacts.value = res.contacts
      searchNotes.value = res.notes
      searchError.value = null
    } catch (err) {
      if (gen === searchGen) {
        searchHits.value = []
        searchContacts.value = []
        searchNotes.value = []
        searchError.value = toAppError(err)
      }
    } finally {
      if (gen === searchGen) searching.value = false
    }
  }

  function clearSearch(): void {
    void search('')
  }

  // ---- lifecycle -------------------------------------------------------------------------
  let offs: Array<() => void> = []
  function start(): void {
    if (offs.length > 0) return
    offs = [on('inbox:changed', onInboxChanged), on('message:state', onMessageState)]
  }
  function stop(): void {
    for (const off of offs) off()
    offs = []
    if (changeTimer) clearTimeout(changeTimer)
    changeTimer = null
    pendingChanges.clear()
  }

  return {
    conversations,
    order,
    items,
    nextCursor,
    hasMore,
    loadedOnce,
    loadingPage,
    listError,
    filters,
    loadNextPage,
    reload,
    setFilters,
    selectedId,
    selected,
    messages,
    threadLoading,
    threadError,
    openConversation,
    closeConversation,
    sending,
    sendError,
    retrying,
    sendReply,
    sendVia,
    retry,
    setStatus,
    applyRows,
    checked,
    checkedIds,
    toggleChecked,
    checkRange,
    clearChecked,
    refreshConversations,
    refreshVisible,
    seenOf,
    upsertMessage,
    searchQuery,
    searchHits,
    searchContacts,
    searchNotes,
    searching,
    searchError,
    search,
    clearSearch,
    start,
    stop,
  }
})
