// Team database store: where the window's workspace lives (local, a team database, or a team
// database that cannot be reached), the live link's state, and the Settings form's actions
// (test, connect, disconnect, retry). The live link's events keep `link` current; after a lost
// connection comes back the inbox on screen is refreshed without losing its place.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { on, toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/teamdb'
import type { TeamDBConfig, TeamDBConnectRequest, TeamDBProbe, TeamDBStatus, TeamLink } from '@/api/teamdb'
import type { BulkRequest } from '@/api/triage'
import { useInboxStore } from './inbox'
import { useInboxCountsStore } from './inboxCounts'
import { useTriageStore } from './triage'

/** What a change did: how many conversations changed, and those left alone because they changed meanwhile. */
export interface SeenOutcome {
  changed: number
  conflicts: AppError[]
}

/**
 * Applies an inbox action. Status and assignment changes carry what the member sees (optimistic
 * locking, so two members on two machines never silently overwrite each other); the rows come
 * back fresh either way. A single conversation that changed meanwhile rejects with the
 * translated conflict; a bulk action reports its conflicts. Other actions go through triage.
 */
export async function applySeen(req: Partial<BulkRequest> & Pick<BulkRequest, 'ids' | 'action'>): Promise<SeenOutcome> {
  if (req.action !== 'status' && req.action !== 'assign') {
    return { changed: await useTriageStore().apply(req), conflicts: [] }
  }
  const inbox = useInboxStore()
  let res: api.CheckedActionResult
  try {
    res = await api.applyChecked({
      seen: inbox.seenOf(req.ids),
      action: req.action,
      status: req.status ?? '',
      snoozeUntil: req.snoozeUntil ?? '',
      memberId: req.memberId ?? 0,
      handoff: req.handoff ?? '',
    })
  } catch (err) {
    throw toAppError(err)
  }
  inbox.applyRows(res.items)
  useInboxCountsStore().refreshSoon()
  const conflicts = res.conflicts.map((c) => toAppError(c.error))
  if (req.ids.length === 1 && conflicts.length === 1) throw conflicts[0]
  return { changed: res.changed, conflicts }
}

/** The form's starting values. */
export const emptyTeamConfig = (): TeamDBConfig => ({
  host: '',
  port: 5432,
  database: '',
  user: '',
  sslMode: 'require',
  sslRootCert: '',
  schema: '',
  label: '',
})

/** Problems the form shows before anything is sent (field -> i18n key). */
export function validateTeamForm(c: TeamDBConfig): Partial<Record<keyof TeamDBConfig, string>> {
  const out: Partial<Record<keyof TeamDBConfig, string>> = {}
  if (!c.host.trim() || /[\s/?#@]/.test(c.host.trim())) out.host = 'teamdb.form.required'
  if (!Number.isInteger(c.port) || c.port < 1 || c.port > 65535) out.port = 'teamdb.form.badPort'
  if (!c.database.trim()) out.database = 'teamdb.form.required'
  if (!c.user.trim()) out.user = 'teamdb.form.required'
  if (c.sslRootCert.trim() && c.sslMode === 'disable') out.sslRootCert = 'teamdb.form.caNeedsTLS'
  return out
}

/** "user@host:port/database" with the label first when there is one (no password, ever). */
export function teamName(c: TeamDBConfig | null): string {
  if (!c) return ''
  const where = `${c.user}@${c.host}:${c.port}/${c.database}`
  return c.label ? `${c.label} (${where})` : where
}

const SOLO: TeamDBStatus = {
  mode: 'solo',
  config: null,
  hasPassword: false,
  link: { state: '', since: '', error: '' },
  others: [],
  error: null,
}

export const useTeamDBStore = defineStore('teamdb', () => {
  const status = ref<TeamDBStatus>({ ...SOLO })
  const loaded = ref(false)
  const loadError = ref<AppError | null>(null)
  const busy = ref<'' | 'test' | 'connect' | 'disconnect' | 'retry'>('')
  const probe = ref<TeamDBProbe | null>(null)
  const actionError = ref<AppError | null>(null)

  const link = computed<TeamLink>(() => status.value.link)
  const isTeam = computed(() => status.value.mode === 'team')
  const unavailable = computed(() => status.value.mode === 'unavailable')
  const reconnecting = computed(() => isTeam.value && status.value.link.state === 'reconnecting')

  async function load(): Promise<void> {
    try {
      status.value = await api.teamStatus()
      loaded.value = true
      loadError.value = null
    } catch (err) {
      loadError.value = toAppError(err)
    }
  }

  /** Runs one form action; errors land in actionError. */
  async function act<T>(kind: typeof busy.value, fn: () => Promise<T>): Promise<T | null> {
    busy.value = kind
    actionError.value = null
    try {
      return await fn()
    } catch (err) {
      actionError.value = toAppError(err)
      return null
    } finally {
      busy.value = ''
    }
  }

  async function test(req: TeamDBConnectRequest): Promise<TeamDBProbe | null> {
    probe.value = null
    const p = await act('test', () => api.testTeam(req))
    probe.value = p
    return p
  }

  async function connect(req: TeamDBConnectRequest): Promise<boolean> {
    probe.value = null
    const st = await act('connect', () => api.connectTeam(req))
    if (st) status.value = st
    return st !== null
  }

  async function disconnect(): Promise<boolean> {
    const st = await act('disconnect', () => api.disconnectTeam())
    if (st) status.value = st
    return st !== null
  }

  async function retry(): Promise<boolean> {
    const st = await act('retry', () => api.retryTeam())
    if (st) status.value = st
    return st !== null && st.mode !== 'unavailable'
  }

  /** The live link changed: keep the status line current. */
  function onLink(l: TeamLink): void {
    status.value = { ...status.value, link: l }
  }

  /** Announcements may have been missed while the link was down: refresh what is on screen. */
  function onResync(): void {
    void useInboxStore().refreshVisible()
    void load()
  }

  let offs: Array<() => void> = []
  function start(): void {
    if (offs.length > 0) return
    offs = [on('team:link', onLink), on('team:resync', onResync), on('workspace:changed', () => void load())]
    void load()
  }
  function stop(): void {
    for (const off of offs) off()
    offs = []
  }

  return {
    status,
    loaded,
    loadError,
    busy,
    probe,
    actionError,
    link,
    isTeam,
    unavailable,
    reconnecting,
    load,
    test,
    connect,
    disconnect,
    retry,
    start,
    stop,
  }
})
