import { describe, expect, it } from 'vitest'
import {
  delayHours,
  draftProblems,
  fromDraft,
  insertAt,
  moveStep,
  newStep,
  reasonKey,
  removeStep,
  schedule,
  shownState,
  splitDelay,
  toDraft,
  totalHours,
  unknownTokens,
  consentLabelKey,
  consentReasonKey,
} from '@/views/CalendarView/sequences/sequenceForm'
import type { Sequence } from '@/api/calendar'

const stats = { enrolled: 0, active: 0, queued: 0, sent: 0, refused: 0, failed: 0, cancelled: 0 }
const cart: Sequence = {
  id: 7,
  name: 'Cart nudge',
  kind: 'cart_recovery',
  archived: false,
  stats,
  updatedAt: '',
  steps: [
    { delayHours: 2, text: 'Hi {first_name}, your cart is waiting.' },
    { delayHours: 48, text: 'Last call: {discount_code}.' },
  ],
}

describe('sequence drafts', () => {
  it('shows whole days as days and keeps other delays in hours', () => {
    expect(splitDelay(48)).toEqual({ amount: 2, unit: 'days' })
    expect(splitDelay(30)).toEqual({ amount: 30, unit: 'hours' })
    expect(splitDelay(0)).toEqual({ amount: 0, unit: 'hours' })
    expect(delayHours({ amount: 3, unit: 'days' })).toBe(72)
    expect(delayHours({ amount: 1.6, unit: 'hours' })).toBe(2)
  })

  it('round-trips a sequence through a draft', () => {
    const d = toDraft(cart)
    expect(d.steps.map((s) => [s.amount, s.unit])).toEqual([
      [2, 'hours'],
      [2, 'days'],
    ])
    d.steps[1]!.amount = 3
    const input = fromDraft({ ...d, name: '  Cart nudge v2 ' }, true)
    expect(input).toEqual({
      id: 7,
      name: 'Cart nudge v2',
      kind: 'cart_recovery',
      cancelQueued: true,
      steps: [
        { delayHours: 2, text: 'Hi {first_name}, your cart is waiting.' },
        { delayHours: 72, text: 'Last call: {discount_code}.' },
      ],
    })
  })

  it('starts a new sequence with one step a day after enrolment', () => {
    const d = toDraft(null)
    expect(d.id).toBe(0)
    expect(d.kind).toBe('followup')
    expect(d.steps).toHaveLength(1)
    expect(delayHours(d.steps[0]!)).toBe(24)
  })

  it('reorders and deletes steps, keeping their keys', () => {
    const steps = [newStep('a'), newStep('b'), newStep('c')]
    const keys = steps.map((s) => s.key)
    const up = moveStep(steps, 2, -1)
    expect(up.map((s) => s.text)).toEqual(['a', 'c', 'b'])
    expect(new Set(up.map((s) => s.key))).toEqual(new Set(keys))
    expect(moveStep(steps, 0, -1)).toBe(steps)
    expect(moveStep(steps, 2, 1)).toBe(steps)
    expect(removeStep(steps, 1).map((s) => s.text)).toEqual(['a', 'c'])
    expect(steps.map((s) => s.text)).toEqual(['a', 'b', 'c'])
  })

  it('inserts a token or a saved reply at the caret, replacing the selection', () => {
    expect(insertAt('Hi !', '{first_name}', 3)).toEqual({ text: 'Hi {first_name}!', caret: 15 })
    expect(insertAt('Hi you!', '{first_name}', 3, 6)).toEqual({ text: 'Hi {first_name}!', caret: 15 })
    expect(insertAt('Hi', ' there', 99)).toEqual({ text: 'Hi there', caret: 8 })
  })
})

describe('draft checks', () => {
  it('accepts a complete draft', () => {
    expect(draftProblems(toDraft(cart))).toEqual([])
  })

  it('names every problem, with the step it belongs to', () => {
    const d = toDraft(cart)
    d.name = '  '
    d.steps[0]!.text = ' '
    d.steps[1]!.text = 'Hi {frist_name}, use {discount_code}'
    d.steps[1]!.amount = 61
    d.steps[1]!.unit = 'days'
    expect(draftProblems(d)).toEqual([
      { key: 'calendar.sequences.problems.name' },
      { key: 'calendar.sequences.problems.text', step: 0 },
      { key: 'calendar.sequences.problems.delay', step: 1, args: { days: 60 } },
      { key: 'calendar.sequences.problems.token', step: 1, args: { token: 'frist_name' } },
    ])
    expect(draftProblems({ ...d, name: 'x', steps: [] })).toEqual([{ key: 'calendar.sequences.problems.noSteps' }])
    const many = { ...toDraft(cart), steps: Array.from({ length: 11 }, () => newStep('hello')) }
    expect(draftProblems(many)).toEqual([{ key: 'calendar.sequences.problems.tooManySteps', args: { max: 10 } }])
  })

  it('finds only unknown tokens, fallbacks included', () => {
    expect(unknownTokens('{first_name|friend} {brand} {colour} {colour|red}')).toEqual(['colour'])
  })
})

describe('schedule and states', () => {
  it('counts each delay from the step before', () => {
    const from = new Date('2026-03-02T09:00:00Z')
    const steps = toDraft(cart).steps
    expect(schedule(steps, from).map((d) => d.toISOString())).toEqual(['2026-03-02T11:00:00.000Z', '2026-03-04T11:00:00.000Z'])
    expect(totalHours(steps)).toBe(50)
  })

  it('groups states and translates reasons', () => {
    expect(['pending', 'sending', 'sent', 'refused', 'failed', 'cancelled', 'odd'].map(shownState)).toEqual([
      'queued',
      'queued',
      'sent',
      'refused',
      'failed',
      'cancelled',
      'failed',
    ])
    expect(reasonKey('errors.automation.refused.noConsent')).toBe('calendar.sequences.reasons.gate.noConsent')
    expect(reasonKey('errors.automation.refused.somethingNew')).toBe('errors.automation.refused.somethingNew')
    expect(reasonKey('errors.platform.windowClosed')).toBe('errors.platform.windowClosed')
    expect(reasonKey('replied')).toBe('calendar.sequences.reasons.replied')
    expect(reasonKey('sequence_edited')).toBe('calendar.sequences.reasons.sequence_edited')
    expect(reasonKey('HTTP 500 from the platform')).toBe('')
    expect(reasonKey('')).toBe('')
  })
})

describe('consent', () => {
  it('gives the reason the backend refuses with, strictest first', () => {
    expect(consentReasonKey({ hasContact: false, consented: false, optedOut: false })).toBe('errors.calendar.enroll.noContact')
    expect(consentReasonKey({ hasContact: true, consented: true, optedOut: true })).toBe('errors.calendar.enroll.optedOut')
    expect(consentReasonKey({ hasContact: true, consented: false, optedOut: false })).toBe('errors.calendar.enroll.noConsent')
    expect(consentReasonKey({ hasContact: true, consented: true, optedOut: false })).toBe('')
    expect(consentReasonKey({ hasContact: true, consented: true, optedOut: false, publicThread: true })).toBe('errors.calendar.enroll.notDirect')
    expect(consentLabelKey({ hasContact: true, consented: true, optedOut: false })).toBe('calendar.sequences.consent.allowed')
    expect(consentLabelKey({ hasContact: true, consented: true, optedOut: true })).toBe('calendar.sequences.consent.optedOut')
  })
})
