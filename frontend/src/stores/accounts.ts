// Accounts store: connected platform accounts, their sync status and the connect flow.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { on, toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/accounts'
import type { Account, ConnectRequest } from '@/api/types'
import type { AccountHealth } from '@/api/accounts'

/** What the small indicator in the navigation shows. */
export type AccountSummary =
  | { kind: 'none'; n: 0 }
  | { kind: 'ok' | 'syncing' | 'attention'; n: number }

export const useAccountsStore = defineStore('accounts', () => {
  const byId = ref(new Map<number, Account>())
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  const list = computed(() => [...byId.value.values()].sort((a, b) => a.id - b.id))
  /** Health per account id (token expiry, sync state, limits, advice); missing until loaded. */
  const health = ref(new Map<number, AccountHealth>())
  /** Why the last health load failed (the Account health view shows it); null when it worked. */
  const healthError = ref<AppError | null>(null)
  const healthLoaded = ref(false)
  /** The account whose reconnect form is open (0: none). */
  const reconnecting = ref(0)

  const summary = computed<AccountSummary>(() => {
    const active = list.value.filter((a) => a.status !== 'disconnected')
    if (active.length === 0) return { kind: 'none', n: 0 }
    const attention = active.filter((a) => a.status === 'error' || a.status === 'needs_reconnect').length
    if (attention > 0) return { kind: 'attention', n: attention }
    const syncing = active.filter((a) => a.status === 'syncing').length
    if (syncing > 0) return { kind: 'syncing', n: syncing }
    return { kind: 'ok', n: active.length }
  })

  function upsert(a: Account): void {
    byId.value.set(a.id, a)
  }

  async function load(): Promise<void> {
    loading.value = true
    try {
      const items = await api.listAccounts()
      byId.value = new Map(items.map((a) => [a.id, a]))
      error.value = null
      await loadHealth()
    } catch (err) {
      error.value = toAppError(err)
    } finally {
      loading.value = false
    }
  }

  /** Connects an account of any supported platform; rejects with AppError (shown by the form). */
  async function connect(req: ConnectRequest): Promise<Account> {
    try {
      const account = await api.connect(req)
      upsert(account)
      return account
    } catch (err) {
      throw toAppError(err)
    }
  }

  /** Reloads token health; a failure leaves the last known health (it is advisory). */
  async function loadHealth(): Promise<void> {
    try {
      const items = await api.accountHealth()
      health.value = new Map(items.map((h) => [h.accountId, h]))
      healthError.value = null
    } catch (err) {
      // Health is extra information here; the Account health view shows the error.
      healthError.value = toAppError(err)
    } finally {
      healthLoaded.value = true
    }
  }

  /** Gives an account that needs reconnecting a new token; rejects with AppError (shown by the form). */
  async function reconnect(id: number, token: string): Promise<Account> {
    try {
      const account = await api.reconnect({ accountId: id, token })
      upsert(account)
      reconnecting.value = 0
      await loadHealth()
      return account
    } catch (err) {
      throw toAppError(err)
    }
  }

  /** Changes an account's editable settings (Telegram: channel); rejects with AppError. */
  async function updateSettings(id: number, settings: Record<string, string>): Promise<Account> {
    try {
      const account = await api.updateSettings({ accountId: id, settings })
      upsert(account)
      await loadHealth()
      return account
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function disconnect(id: number): Promise<void> {
    try {
      await api.disconnectAccount(id)
    } catch (err) {
      throw toAppError(err)
    }
    const a = byId.value.get(id)
    if (a) upsert({ ...a, status: 'disconnected' })
    await load()
  }

  async function syncNow(id: number): Promise<void> {
    try {
      await api.syncNow(id)
    } catch (err) {
      throw toAppError(err)
    }
  }

  let off: (() => void) | null = null
  function start(): void {
    if (off) return
    off = on('sync:status', (a) => {
      const before = byId.value.get(a.id)?.status
      upsert(a)
      if (before !== a.status) void loadHealth()
    })
  }
  function stop(): void {
    off?.()
    off = null
  }

  return {
    byId,
    list,
    health,
    healthError,
    healthLoaded,
    reconnecting,
    loading,
    error,
    summary,
    upsert,
    load,
    loadHealth,
    connect,
    reconnect,
    updateSettings,
    disconnect,
    syncNow,
    start,
    stop,
  }
})
