// Goals, settings and the typed-target conversions of the KPI view.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useKpisStore } from '@/stores/kpis'
import { formatValue, goalTargetFromInput, goalTargetToInput } from '@/views/KpisView/format'
import { installWails, uninstallWails } from '../helpers/wails'

let calls: Record<string, ReturnType<typeof vi.fn>>

beforeEach(() => {
  setActivePinia(createPinia())
  const goals = [{ goal: { id: 1, metric: 'volume', mode: 'change', target: 0.15, span: 'month', note: '' }, progress: 0.5, met: false }]
  calls = {
    Goals: vi.fn(async () => goals),
    SaveGoal: vi.fn(async (g: unknown) => g),
    DeleteGoal: vi.fn(async () => undefined),
    Settings: vi.fn(async () => ({ csatEnabled: false, csatTemplateId: 0, minutesPerReply: 3 })),
    SaveSettings: vi.fn(async (s: { csatEnabled: boolean }) => ({ ...s, csatTemplateId: s.csatEnabled ? 9 : 0 })),
    Dashboard: vi.fn(async () => null),
  }
  installWails({ Kpis: calls } as never)
})
afterEach(uninstallWails)

describe('kpis goals and settings', () => {
  it('reloads the goals after saving and deleting one', async () => {
    const s = useKpisStore()
    await s.loadGoals()
    expect(s.goals).toHaveLength(1)
    await s.saveGoal({ id: 0, metric: 'first-response', mode: 'atMost', target: 60, span: 'week', note: '' })
    expect(calls.SaveGoal).toHaveBeenCalledWith({ id: 0, metric: 'first-response', mode: 'atMost', target: 60, span: 'week', note: '' })
    await s.deleteGoal(1)
    expect(calls.DeleteGoal).toHaveBeenCalledWith(1)
    expect(calls.Goals).toHaveBeenCalledTimes(3)
  })
  it('keeps the saved settings and reloads the dashboard (hours saved depend on them)', async () => {
    const s = useKpisStore()
    await s.loadSettings()
    expect(s.settings?.csatEnabled).toBe(false)
    await s.saveSettings({ csatEnabled: true, csatTemplateId: 0, minutesPerReply: 4 })
    expect(s.settings).toEqual({ csatEnabled: true, csatTemplateId: 9, minutesPerReply: 4 })
    expect(calls.Dashboard).toHaveBeenCalledTimes(1)
  })
  it('turns what a person types into the stored target and back', () => {
    expect(goalTargetFromInput('change', 'count', 15)).toBeCloseTo(0.15)
    expect(goalTargetFromInput('atLeast', 'ratio', 90)).toBeCloseTo(0.9)
    expect(goalTargetFromInput('atMost', 'minutes', 60)).toBe(60)
    expect(goalTargetFromInput('atMost', 'hours', 90)).toBe(1.5)
    expect(goalTargetFromInput('atLeast', 'money', 12.5)).toBe(1250)
    expect(goalTargetFromInput('atLeast', 'score', 4.5)).toBe(4.5)
    for (const [mode, unit, typed] of [['change', 'count', -20], ['atLeast', 'ratio', 87.5], ['atMost', 'hours', 45], ['atLeast', 'money', 19.99]] as const) {
      expect(goalTargetToInput(mode, unit, goalTargetFromInput(mode, unit, typed))).toBeCloseTo(typed)
    }
  })
  it('shows a 1–5 rating with its scale', () => {
    expect(formatValue('score', 4.25, '', 'en')).toBe('4.25 / 5')
    expect(formatValue('score', 4, '', 'ro')).toBe('4,0 / 5')
    expect(formatValue('score', null, '', 'en')).toBe('—')
  })
})
