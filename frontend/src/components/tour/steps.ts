// The guided tour's steps and the card placement (pure, unit-tested). Each step opens the view it
// talks about and points at that view's entry in the navigation; texts are tour.steps.<id>.*.

export interface TourStep {
  id: 'welcome' | 'inbox' | 'templates' | 'calendar' | 'kpis'
  /** The view the step opens. */
  route: string
  /** What the spotlight circles (a CSS selector); none = a centred card. */
  target?: string
}

export const TOUR_STEPS: readonly TourStep[] = [
  { id: 'welcome', route: '/inbox' },
  { id: 'inbox', route: '/inbox', target: '[data-testid="nav-inbox"]' },
  { id: 'templates', route: '/settings?section=templates', target: '[data-testid="nav-settings"]' },
  { id: 'calendar', route: '/calendar', target: '[data-testid="nav-calendar"]' },
  { id: 'kpis', route: '/kpis', target: '[data-testid="nav-kpis"]' },
]

export interface Box {
  left: number
  top: number
  width: number
  height: number
}

/** Space kept between the spotlight, the card and the window's edges. */
const GAP = 16

/**
 * Where the card goes: to the right of the target (the navigation is on the left), vertically
 * centred on it and kept inside the window; below or above it when there is no room on the
 * right; centred in the window without a target.
 */
export function placeCard(target: Box | null, card: { width: number; height: number }, view: { width: number; height: number }): { left: number; top: number } {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)))
  if (!target) {
    return { left: Math.max(GAP, (view.width - card.width) / 2), top: Math.max(GAP, (view.height - card.height) / 2) }
  }
  const right = target.left + target.width + GAP
  if (right + card.width + GAP <= view.width) {
    const top = target.top + target.height / 2 - card.height / 2
    return { left: right, top: clamp(top, GAP, view.height - card.height - GAP) }
  }
  const left = clamp(target.left, GAP, view.width - card.width - GAP)
  const below = target.top + target.height + GAP
  if (below + card.height + GAP <= view.height) return { left, top: below }
  return { left, top: Math.max(GAP, target.top - card.height - GAP) }
}
