// What an SLA badge shows for a timer at a given moment: pure, so it is unit-tested without a DOM.

export type BadgeTone = 'ok' | 'warning' | 'breached'

export interface BadgeView {
  /** False for no timer (none), an answered one (met), or a timer without a due time. */
  visible: boolean
  tone: BadgeTone
  /** Whole minutes left (rounded up) or overdue (rounded down), never negative. */
  minutes: number
  overdue: boolean
}

const HIDDEN: BadgeView = { visible: false, tone: 'ok', minutes: 0, overdue: false }

/**
 * The badge for `{state, dueAt}` at `nowMs`. A running timer whose due time passed between two
 * backend ticks already shows as overdue; a warning keeps its amber tone until then.
 */
export function badgeView(state: string, dueAt: string, nowMs: number): BadgeView {
  if (state !== 'ok' && state !== 'warning' && state !== 'breached') return HIDDEN
  const due = Date.parse(dueAt)
  if (!dueAt || Number.isNaN(due)) return HIDDEN
  const diff = due - nowMs
  if (diff <= 0 || state === 'breached') {
    return { visible: true, tone: 'breached', minutes: Math.max(0, Math.floor(-diff / 60_000)), overdue: true }
  }
  return { visible: true, tone: state === 'warning' ? 'warning' : 'ok', minutes: Math.ceil(diff / 60_000), overdue: false }
}

export interface DurationParts {
  key: 'minutes' | 'hours' | 'hoursMinutes' | 'days' | 'daysHours'
  d: number
  h: number
  m: number
}

/** Splits minutes into the largest two units worth showing: 45 min, 2 h 5 min, 3 d 4 h. */
export function durationParts(totalMinutes: number): DurationParts {
  const total = Math.max(0, Math.round(totalMinutes))
  const d = Math.floor(total / 1440)
  const h = Math.floor((total % 1440) / 60)
  const m = total % 60
  if (d > 0) return { key: h > 0 ? 'daysHours' : 'days', d, h, m }
  if (h > 0) return { key: m > 0 ? 'hoursMinutes' : 'hours', d, h, m }
  return { key: 'minutes', d, h, m }
}
