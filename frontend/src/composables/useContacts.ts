// Contacts view state: a searchable, cursor-paged list, the open profile, editing, and merging
// with an undo. Every failure is kept as an AppError for the view to translate.
import { ref, shallowRef } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/triage'
import type { ContactProfile, ContactSummary, ContactUpdate } from '@/api/triage'

export const CONTACT_PAGE_SIZE = 50

export function useContacts() {
  const items = shallowRef<ContactSummary[]>([])
  const nextCursor = ref('')
  const query = ref('')
  const loading = ref(false)
  const loadedOnce = ref(false)
  const listError = ref<AppError | null>(null)
  const profile = ref<ContactProfile | null>(null)
  const profileLoading = ref(false)
  const profileError = ref<AppError | null>(null)
  let listGen = 0
  let profileGen = 0

  /** Loads the first page for a query (a new query drops what was loaded). */
  async function search(q: string): Promise<void> {
    const gen = ++listGen
    query.value = q
    items.value = []
    nextCursor.value = ''
    loadedOnce.value = false
    await fetchPage(gen, '')
  }

  async function loadMore(): Promise<void> {
    if (loading.value || !nextCursor.value) return
    await fetchPage(listGen, nextCursor.value)
  }

  async function fetchPage(gen: number, cursor: string): Promise<void> {
    loading.value = true
    try {
      const page = await api.listContacts(query.value.trim(), cursor, CONTACT_PAGE_SIZE)
      if (gen !== listGen) return
      const seen = new Set(items.value.map((c) => c.id))
      items.value = [...items.value, ...(page?.items ?? []).filter((c) => !seen.has(c.id))]
      nextCursor.value = page?.nextCursor ?? ''
      loadedOnce.value = true
      listError.value = null
    } catch (err) {
      if (gen === listGen) listError.value = toAppError(err)
    } finally {
      if (gen === listGen) loading.value = false
    }
  }

  /** Replaces a contact's list entry with the profile's fields (after an edit or a merge). */
  function patchListed(p: ContactProfile): void {
    items.value = items.value.map((c) =>
      c.id === p.id ? { id: p.id, displayName: p.displayName, firstName: p.firstName, language: p.language } : c,
    )
  }

  async function open(id: number): Promise<void> {
    const gen = ++profileGen
    profileLoading.value = true
    try {
      const p = await api.contactProfile(id)
      if (gen !== profileGen) return
      profile.value = p
      profileError.value = null
    } catch (err) {
      if (gen === profileGen) profileError.value = toAppError(err)
    } finally {
      if (gen === profileGen) profileLoading.value = false
    }
  }

  function close(): void {
    profileGen++
    profile.value = null
    profileError.value = null
  }

  /** Saves the open profile's editable fields; rejects with an AppError. */
  async function save(u: ContactUpdate): Promise<void> {
    const p = profile.value
    if (!p) return
    try {
      const next = await api.updateContact(p.id, u)
      profile.value = next
      patchListed(next)
    } catch (err) {
      throw toAppError(err)
    }
  }

  /**
   * Merges `mergedId` into the open contact; the merged one leaves the list. Resolves with the
   * new merge's id (for the undo), rejects with an AppError.
   */
  async function merge(mergedId: number): Promise<number> {
    const p = profile.value
    if (!p) return 0
    try {
      const before = new Set(p.merges.map((m) => m.id))
      const next = await api.mergeContacts(p.id, mergedId)
      profile.value = next
      patchListed(next)
      items.value = items.value.filter((c) => c.id !== mergedId)
      return next.merges.find((m) => !before.has(m.id))?.id ?? 0
    } catch (err) {
      throw toAppError(err)
    }
  }

  /** Splits a merge back; the split contact returns to the list on its next load. */
  async function undoMerge(mergeId: number): Promise<void> {
    const p = profile.value
    if (!p) return
    try {
      const next = await api.undoMerge(mergeId, p.id)
      profile.value = next
      patchListed(next)
      const gen = ++listGen
      items.value = []
      nextCursor.value = ''
      await fetchPage(gen, '')
    } catch (err) {
      throw toAppError(err)
    }
  }

  return {
    items, nextCursor, query, loading, loadedOnce, listError, profile, profileLoading, profileError,
    search, loadMore, open, close, save, merge, undoMerge,
  }
}

/** "A-1, B-2\n C-3" → ["A-1", "B-2", "C-3"] (order kept, blanks and repeats dropped). */
export function parseOrderIds(text: string): string[] {
  const out: string[] = []
  for (const part of text.split(/[,\n;]/)) {
    const v = part.trim()
    if (v && !out.includes(v)) out.push(v)
  }
  return out
}
