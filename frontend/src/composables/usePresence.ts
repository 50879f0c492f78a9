// "Replying now": while the user types, a heartbeat every 10 s tells other members;
// every 10 s we ask who else is replying (the Go side ignores heartbeats older than 30 s).
import { onBeforeUnmount, ref, watch } from 'vue'
import { heartbeat, repliers, stopReplying, type Replier } from '@/api/triage'
import { on } from '@/api/bridge'
import '@/api/teamdb' // declares the team:presence event

export const PRESENCE_INTERVAL_MS = 10_000

export function usePresence(conversationId: () => number | null) {
  const others = ref<Replier[]>([])
  let lastBeat = 0
  let current: number | null = null

  async function poll(): Promise<void> {
    const id = conversationId()
    if (id === null) {
      others.value = []
      return
    }
    try {
      const list = await repliers(id)
      if (id === conversationId()) others.value = list
    } catch {
      others.value = []
    }
  }

  function typing(): void {
    const id = conversationId()
    const now = Date.now()
    if (id === null || now - lastBeat < PRESENCE_INTERVAL_MS) return
    lastBeat = now
    void heartbeat(id).catch(() => {})
  }

  function stop(): void {
    const id = current
    lastBeat = 0
    if (id !== null) void stopReplying(id).catch(() => {})
  }

  watch(
    conversationId,
    (id) => {
      stop()
      current = id
      others.value = []
      void poll()
    },
    { immediate: true },
  )
  const timer = setInterval(() => void poll(), PRESENCE_INTERVAL_MS)
  // In team mode another member's start or stop of replying is announced at once.
  const offPresence = on('team:presence', (p) => {
    if (p?.conversationId === conversationId()) void poll()
  })
  onBeforeUnmount(() => {
    clearInterval(timer)
    offPresence()
    stop()
  })
  return { others, typing, stop }
}
