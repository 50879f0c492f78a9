// The KPI store loads the dashboard for the chosen range and drills over the dashboard's exact period.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { KpiDashboard } from '@/api/kpis'
import { useKpisStore } from '@/stores/kpis'
import { installWails, uninstallWails } from '../helpers/wails'

const DASH: KpiDashboard = {
  from: '2026-03-02T00:00:00Z',
  to: '2026-03-09T00:00:00Z',
  previousFrom: '2026-02-23T00:00:00Z',
  previousTo: '2026-03-02T00:00:00Z',
  zone: 'UTC',
  businessHours: true,
  minutesPerReply: 3,
  figures: [],
  heatmap: Array.from({ length: 7 }, () => Array(24).fill(0)),
}

let dashboard: ReturnType<typeof vi.fn>
let drill: ReturnType<typeof vi.fn>

beforeEach(() => {
  setActivePinia(createPinia())
  dashboard = vi.fn(async () => DASH)
  drill = vi.fn(async (metric: string) => ({ metric, kind: 'conversation', rows: null }))
  installWails({ Kpis: { Dashboard: dashboard, Drill: drill } } as never)
})
afterEach(uninstallWails)

describe('kpis store', () => {
  it('loads the default period, then the chosen range', async () => {
    const s = useKpisStore()
    await s.load()
    expect(dashboard).toHaveBeenLastCalledWith('', '')
    await s.setRange(['2026-03-02', '2026-03-08'])
    expect(dashboard).toHaveBeenLastCalledWith('2026-03-02', '2026-03-08')
    expect(s.data?.zone).toBe('UTC')
  })
  it('drills over the exact period the dashboard showed, one split key at a time', async () => {
    const s = useKpisStore()
    await s.load()
    await s.openDrill('response-rate', 'telegram', 'platform', 'telegram')
    expect(drill).toHaveBeenCalledWith('response-rate', DASH.from, DASH.to, 'platform', 'telegram')
    expect(s.drill?.result?.rows).toEqual([])
    expect(s.drill?.loading).toBe(false)
    s.closeDrill()
    expect(s.drill).toBeNull()
  })
  it('keeps a translated error when the backend refuses', async () => {
    dashboard.mockRejectedValueOnce({ code: 'invalid_input', key: 'errors.invalidInput', args: {}, message: 'to is before from' })
    const s = useKpisStore()
    await s.load()
    expect(s.error?.key).toBe('errors.invalidInput')
  })
})
