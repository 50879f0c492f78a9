// KPI store: the dashboard of the chosen date range (default: the last 30 days) and the open
// drill-down, loaded through app.Kpis.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/kpis'

/** The drill-down being shown: which figure (and split key) and its rows. */
export interface OpenDrill {
  metric: string
  dimension: string
  key: string
  label: string
  result: api.KpiDrill | null
  loading: boolean
  error: AppError | null
}

export const useKpisStore = defineStore('kpis', () => {
  const data = ref<api.KpiDashboard | null>(null)
  /** [from, to] as YYYY-MM-DD, or null for the default period. */
  const range = ref<[string, string] | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const drill = ref<OpenDrill | null>(null)
  // A newer drill-down wins over an older one still loading.
  let drillGen = 0

  async function load(): Promise<void> {
    loading.value = true
    const [from, to] = range.value ?? ['', '']
    try {
      data.value = await api.dashboard(from, to)
      error.value = null
    } catch (err) {
      error.value = toAppError(err)
    } finally {
      loading.value = false
    }
  }

  async function setRange(r: [string, string] | null): Promise<void> {
    range.value = r
    await load()
  }

  /** Opens the drill-down of a figure (or of one split key) over the dashboard's exact period. */
  async function openDrill(metric: string, label: string, dimension = '', key = ''): Promise<void> {
    if (!data.value) return
    const gen = ++drillGen
    const d: OpenDrill = { metric, dimension, key, label, result: null, loading: true, error: null }
    drill.value = d
    try {
      const result = await api.drill(metric, data.value.from, data.value.to, dimension, key)
      if (gen === drillGen) drill.value = { ...d, result, loading: false }
    } catch (err) {
      if (gen === drillGen) drill.value = { ...d, loading: false, error: toAppError(err) }
    }
  }

  function closeDrill(): void {
    drillGen++
    drill.value = null
  }

  // Goals with their progress, reloaded after each change.
  const goals = ref<api.KpiGoal[]>([])
  const goalsError = ref<AppError | null>(null)
  async function loadGoals(): Promise<void> {
    try {
      goals.value = await api.goals()
      goalsError.value = null
    } catch (err) {
      goalsError.value = toAppError(err)
    }
  }
  async function saveGoal(g: api.KpiGoalInput): Promise<void> {
    await api.saveGoal(g)
    await loadGoals()
  }
  async function deleteGoal(id: number): Promise<void> {
    await api.deleteGoal(id)
    await loadGoals()
  }

  // Settings: rating requests and the minutes-per-reply assumption (the dashboard reloads after a save).
  const settings = ref<api.KpiSettings | null>(null)
  async function loadSettings(): Promise<void> {
    settings.value = await api.settings()
  }
  async function saveSettings(s: api.KpiSettings): Promise<void> {
    settings.value = await api.saveSettings(s)
    await load()
  }

  return {
    data, range, loading, error, drill, load, setRange, openDrill, closeDrill,
    goals, goalsError, loadGoals, saveGoal, deleteGoal, settings, loadSettings, saveSettings,
  }
})
