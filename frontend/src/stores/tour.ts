// The guided tour: which step is showing, and whether it was finished or skipped on this
// computer (remembered by the Go side, app.Desktop). It starts by itself the first time the demo
// workspace opens, and again whenever the person asks for it (Settings → About).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { desktopApi } from '@/api/desktop'
import { TOUR_STEPS } from '@/components/tour/steps'

export const useTourStore = defineStore('tour', () => {
  const index = ref(-1)
  /** null until the saved state was read (or could not be: no desktop binding). */
  const done = ref<boolean | null>(null)

  const active = computed(() => index.value >= 0)
  const step = computed(() => (index.value >= 0 ? TOUR_STEPS[index.value] : undefined))
  const isLast = computed(() => index.value === TOUR_STEPS.length - 1)

  async function load(): Promise<void> {
    try {
      done.value = (await desktopApi.get()).tourDone
    } catch {
      done.value = true // no desktop facade (a test page): never push a tour on anyone
    }
  }

  /** Starts the tour when it was never finished or skipped on this computer. */
  async function offer(): Promise<void> {
    if (done.value === null) await load()
    if (done.value === false && !active.value) index.value = 0
  }

  function start(): void {
    index.value = 0
  }

  function next(): void {
    if (isLast.value) void finish()
    else index.value++
  }

  function back(): void {
    if (index.value > 0) index.value--
  }

  /** Ends the tour (finished or skipped) and remembers it. */
  async function finish(): Promise<void> {
    index.value = -1
    done.value = true
    try {
      await desktopApi.setTourDone(true)
    } catch {
      // Not remembered: the tour may be offered again next time, which is harmless.
    }
  }

  return { index, done, active, step, isLast, steps: TOUR_STEPS, load, offer, start, next, back, finish }
})
