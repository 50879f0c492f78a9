// The moderation log's state: filters, pages, loading and errors. No domain rules here: the
// filtering and paging happen in Go (app.Moderation.History).
import { ref } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import { moderationHistory, type ModerationEntry } from './api'

/** Actions the log can be narrowed to, in menu order. */
export const LOG_ACTIONS = ['hide', 'unhide', 'delete', 'reject', 'block', 'mute', 'report'] as const

/** Entries per page. */
export const PAGE_SIZE = 50

export interface LogFilter {
  accountId: number
  action: string
}

/** Appends an older page to what is shown, dropping any entry already there. */
export function mergeEntries(shown: ModerationEntry[], older: ModerationEntry[]): ModerationEntry[] {
  const ids = new Set(shown.map((e) => e.id))
  return [...shown, ...older.filter((e) => !ids.has(e.id))]
}

/** The i18n key naming an entry's action. */
export function actionKey(e: Pick<ModerationEntry, 'action'>): string {
  const known = (LOG_ACTIONS as readonly string[]).includes(e.action)
  return known ? `moderation.log.actions.${e.action}` : 'moderation.log.actions.other'
}

export function useModerationLog() {
  const filter = ref<LogFilter>({ accountId: 0, action: '' })
  const entries = ref<ModerationEntry[]>([])
  const nextBeforeId = ref(0)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<AppError | null>(null)
  let generation = 0

  /** Loads the newest page for the current filter (more: the next older page). */
  async function load(more = false): Promise<void> {
    const gen = ++generation
    loading.value = true
    try {
      const page = await moderationHistory({
        accountId: filter.value.accountId,
        action: filter.value.action,
        beforeId: more ? nextBeforeId.value : 0,
        limit: PAGE_SIZE,
      })
      if (gen !== generation) return
      entries.value = more ? mergeEntries(entries.value, page.entries) : page.entries
      nextBeforeId.value = page.nextBeforeId
      error.value = null
      loaded.value = true
    } catch (e) {
      if (gen === generation) error.value = toAppError(e)
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  /** Narrows the log and loads its newest page. */
  function setFilter(f: Partial<LogFilter>): Promise<void> {
    filter.value = { ...filter.value, ...f }
    return load()
  }

  return { filter, entries, nextBeforeId, loading, loaded, error, load, setFilter }
}
