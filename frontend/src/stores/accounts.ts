// Accounts store: connected platform accounts, their sync status and the connect flow.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { on, toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/accounts'
import type { Account, ConnectRequest } from '@/api/types'

/** What the small indicator in the navigation shows. */
export type AccountSummary =
  | { kind: 'none'; n: 0 }
  | { kind: 'ok' | 'syncing' | 'attention'; n: number }

export const useAccountsStore = defineStore('accounts', () => {
  const byId = ref(new Map<number, Account>())
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  const list = computed(() => [...byId.value.values()].sort((a, b) => a.id - b.id))

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
    off = on('sync:status', upsert)
  }
  function stop(): void {
    off?.()
    off = null
  }

  return { byId, list, loading, error, summary, upsert, load, connect, disconnect, syncNow, start, stop }
})
