// Workspace store: the mode (empty / ready / demo), keyring health and the demo switch.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { on, toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/workspace'
import type { WorkspaceStatus } from '@/api/types'

export const useWorkspaceStore = defineStore('workspace', () => {
  const status = ref<WorkspaceStatus | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const openingDemo = ref(false)
  const demoError = ref<AppError | null>(null)

  const mode = computed(() => status.value?.mode ?? null)
  const isEmpty = computed(() => status.value?.mode === 'empty')
  const isDemo = computed(() => status.value?.mode === 'demo')
  const keyringError = computed<AppError | null>(() => {
    const k = status.value?.keyring
    if (!k || k.available) return null
    return toAppError(k.error ?? { code: 'keyring', key: 'errors.keyring.unavailable', args: {}, message: '' })
  })

  async function load(): Promise<void> {
    loading.value = true
    try {
      status.value = await api.getStatus()
      error.value = null
    } catch (err) {
      error.value = toAppError(err)
    } finally {
      loading.value = false
    }
  }

  /** Switches to the demo workspace; resolves true once it is open. */
  async function openDemo(): Promise<boolean> {
    if (openingDemo.value) return false
    openingDemo.value = true
    demoError.value = null
    try {
      status.value = await api.openDemo()
      return true
    } catch (err) {
      demoError.value = toAppError(err)
      return false
    } finally {
      openingDemo.value = false
    }
  }

  let off: (() => void) | null = null
  function start(): void {
    if (off) return
    off = on('workspace:changed', (s) => {
      status.value = s
    })
  }
  function stop(): void {
    off?.()
    off = null
  }

  return { status, loading, error, openingDemo, demoError, mode, isEmpty, isDemo, keyringError, load, openDemo, start, stop }
})
