// The guided tour: where its card goes, and the store's offer / next / back / finish rules
// against a fake app.Desktop binding.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { placeCard, TOUR_STEPS } from '@/components/tour/steps'
import { useTourStore } from '@/stores/tour'
import type { DesktopPrefs } from '@/api/desktop'

const prefs: DesktopPrefs = { backgroundSync: false, updateCheck: false, updateFeed: false, tourDone: false, version: 'test' }

const view = { width: 1280, height: 800 }
const card = { width: 360, height: 200 }

describe('placeCard', () => {
  it('centres the card without a target', () => {
    expect(placeCard(null, card, view)).toEqual({ left: 460, top: 300 })
  })

  it('puts the card right of a navigation entry, centred on it', () => {
    const pos = placeCard({ left: 12, top: 100, width: 188, height: 36 }, card, view)
    expect(pos).toEqual({ left: 216, top: 18 })
  })

  it('keeps the card inside the window near the bottom edge', () => {
    const pos = placeCard({ left: 12, top: 760, width: 188, height: 36 }, card, view)
    expect(pos.top + card.height).toBeLessThanOrEqual(view.height - 16)
  })

  it('goes below the target when there is no room on the right', () => {
    const pos = placeCard({ left: 1000, top: 100, width: 260, height: 40 }, card, view)
    expect(pos).toEqual({ left: 904, top: 156 })
  })
})

describe('tour store', () => {
  let setTourDone: ReturnType<typeof vi.fn<(done: boolean) => Promise<DesktopPrefs>>>
  function bind(tourDone: boolean): void {
    setTourDone = vi.fn<(done: boolean) => Promise<DesktopPrefs>>().mockResolvedValue({ ...prefs, tourDone: true })
    window.go = { app: { Desktop: { Get: vi.fn().mockResolvedValue({ ...prefs, tourDone }), SetTourDone: setTourDone } } }
  }
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    delete (window as { go?: unknown }).go
  })

  it('starts by itself only when the tour was never done on this computer', async () => {
    bind(true)
    const seen = useTourStore()
    await seen.offer()
    expect(seen.active).toBe(false)

    setActivePinia(createPinia())
    bind(false)
    const fresh = useTourStore()
    await fresh.offer()
    expect(fresh.active).toBe(true)
    expect(fresh.step?.id).toBe('welcome')
  })

  it('walks forward and back, and finishing remembers it', async () => {
    bind(false)
    const tour = useTourStore()
    await tour.offer()
    tour.back()
    expect(tour.index).toBe(0)
    for (let i = 1; i < TOUR_STEPS.length; i++) tour.next()
    expect(tour.isLast).toBe(true)
    expect(tour.step?.id).toBe('kpis')
    tour.back()
    expect(tour.step?.id).toBe('calendar')
    tour.next()
    tour.next()
    await Promise.resolve()
    expect(tour.active).toBe(false)
    expect(setTourDone).toHaveBeenCalledWith(true)
    await tour.offer()
    expect(tour.active).toBe(false)
  })

  it('never pushes a tour when the desktop binding is missing', async () => {
    const tour = useTourStore()
    await tour.offer()
    expect(tour.active).toBe(false)
  })

  it('points every step with a target at a navigation entry', () => {
    for (const s of TOUR_STEPS.filter((s) => s.target)) expect(s.target).toMatch(/^\[data-testid="nav-/)
  })
})
