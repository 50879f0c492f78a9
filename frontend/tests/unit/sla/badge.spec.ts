// SlaBadge: time left / overdue with the right tone and an accessible label, ticking each minute.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import SlaBadge from '@/components/sla/SlaBadge.vue'
import { badgeView, durationParts } from '@/components/sla/badge'

const NOW = Date.parse('2026-03-02T10:00:00Z')
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString()

afterEach(() => {
  vi.useRealTimers()
  i18n.global.locale.value = 'en'
})

describe('badgeView', () => {
  it('hides timers that are not running', () => {
    expect(badgeView('none', at(30), NOW).visible).toBe(false)
    expect(badgeView('met', at(30), NOW).visible).toBe(false)
    expect(badgeView('ok', '', NOW).visible).toBe(false)
    expect(badgeView('ok', 'garbage', NOW).visible).toBe(false)
  })
  it('counts minutes left, rounding up', () => {
    expect(badgeView('ok', at(44.2), NOW)).toEqual({ visible: true, tone: 'ok', minutes: 45, overdue: false })
    expect(badgeView('warning', at(10), NOW)).toEqual({ visible: true, tone: 'warning', minutes: 10, overdue: false })
  })
  it('shows a passed due time as overdue even before the backend ticks', () => {
    expect(badgeView('ok', at(-5), NOW)).toEqual({ visible: true, tone: 'breached', minutes: 5, overdue: true })
    expect(badgeView('breached', at(-90.5), NOW)).toEqual({ visible: true, tone: 'breached', minutes: 90, overdue: true })
    expect(badgeView('warning', at(0), NOW).overdue).toBe(true)
  })
  it('splits durations into the two largest units', () => {
    expect(durationParts(45)).toMatchObject({ key: 'minutes', m: 45 })
    expect(durationParts(120)).toMatchObject({ key: 'hours', h: 2 })
    expect(durationParts(125)).toMatchObject({ key: 'hoursMinutes', h: 2, m: 5 })
    expect(durationParts(1440 * 3)).toMatchObject({ key: 'days', d: 3 })
    expect(durationParts(1440 * 3 + 250)).toMatchObject({ key: 'daysHours', d: 3, h: 4 })
    expect(durationParts(-3)).toMatchObject({ key: 'minutes', m: 0 })
  })
})

describe('SlaBadge', () => {
  const mountBadge = (props: { state: string; dueAt: string; now?: number }) =>
    mount(SlaBadge, { props, global: { plugins: [i18n] } })

  it('renders time left with a green tone and a spoken label', () => {
    const w = mountBadge({ state: 'ok', dueAt: at(125), now: NOW })
    const badge = w.get('[data-testid="sla-badge"]')
    expect(badge.text()).toBe('2 h 5 min left')
    expect(badge.attributes('data-tone')).toBe('ok')
    expect(badge.attributes('role')).toBe('status')
    expect(badge.attributes('aria-label')).toBe('Reply due in 2 h 5 min')
  })
  it('renders amber while warning and red when overdue', () => {
    expect(mountBadge({ state: 'warning', dueAt: at(12), now: NOW }).get('[data-testid="sla-badge"]').attributes('data-tone')).toBe('warning')
    const late = mountBadge({ state: 'breached', dueAt: at(-1440 - 60), now: NOW }).get('[data-testid="sla-badge"]')
    expect(late.text()).toBe('1 d 1 h overdue')
    expect(late.attributes('aria-label')).toBe('Reply overdue by 1 d 1 h')
    expect(late.classes()).toContain('breached')
  })
  it('renders nothing for an answered conversation', () => {
    expect(mountBadge({ state: 'met', dueAt: at(10), now: NOW }).find('[data-testid="sla-badge"]').exists()).toBe(false)
  })
  it('speaks the user language', () => {
    i18n.global.locale.value = 'ro'
    const w = mountBadge({ state: 'breached', dueAt: at(-30), now: NOW })
    expect(w.get('[data-testid="sla-badge"]').text()).toBe('întârziere 30 min')
  })
  it('ticks every minute on its own clock', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
    const w = mountBadge({ state: 'ok', dueAt: at(2) })
    expect(w.text()).toBe('2 min left')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(w.text()).toBe('1 min left')
    await vi.advanceTimersByTimeAsync(2 * 60_000)
    expect(w.text()).toBe('1 min overdue')
    expect(w.get('[data-testid="sla-badge"]').attributes('data-tone')).toBe('breached')
    w.unmount()
  })
})
