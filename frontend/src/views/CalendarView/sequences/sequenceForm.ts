// The sequence editor's logic, kept apart from the component so it is tested on its own:
// drafts with delays in hours or days, reordering, the checks run before saving, the
// cumulative schedule a step list makes, and the translation keys of scheduled-message states.
import type { Sequence, SequenceInput, SequenceStep } from '@/api/calendar'
import { isKnownToken } from '@/components/templates/unfilled'

/** The most steps a sequence has, and the longest delay of one step (60 days), as the backend enforces. */
export const MAX_STEPS = 10
export const MAX_DELAY_HOURS = 24 * 60
export const MAX_NAME = 120
export const MAX_TEXT = 4000

export type DelayUnit = 'hours' | 'days'
export type SequenceKind = 'followup' | 'cart_recovery'
export const KINDS: readonly SequenceKind[] = ['followup', 'cart_recovery']

/** One step being edited. `key` keeps Vue's list stable while steps move. */
export interface StepDraft {
  key: number
  amount: number
  unit: DelayUnit
  text: string
}

export interface SequenceDraft {
  id: number
  name: string
  kind: SequenceKind
  steps: StepDraft[]
}

let nextKey = 1

/** A delay in hours shown the friendliest way: whole days as days, anything else in hours. */
export function splitDelay(hours: number): { amount: number; unit: DelayUnit } {
  if (hours > 0 && hours % 24 === 0) return { amount: hours / 24, unit: 'days' }
  return { amount: hours, unit: 'hours' }
}

/** The delay of a draft step in hours. */
export function delayHours(s: Pick<StepDraft, 'amount' | 'unit'>): number {
  const n = Number.isFinite(s.amount) ? Math.round(s.amount) : 0
  return s.unit === 'days' ? n * 24 : n
}

export function newStep(text = '', hours = 24): StepDraft {
  return { key: nextKey++, text, ...splitDelay(hours) }
}

/** A draft of an existing sequence, or of a new one (one step, a day after enrolment). */
export function toDraft(seq?: Sequence | null): SequenceDraft {
  if (!seq) return { id: 0, name: '', kind: 'followup', steps: [newStep('', 24)] }
  return {
    id: seq.id,
    name: seq.name,
    kind: seq.kind === 'cart_recovery' ? 'cart_recovery' : 'followup',
    steps: seq.steps.map((s: SequenceStep) => newStep(s.text, s.delayHours)),
  }
}

/** What the editor saves. */
export function fromDraft(d: SequenceDraft, cancelQueued = false): SequenceInput {
  return {
    id: d.id,
    name: d.name.trim(),
    kind: d.kind,
    steps: d.steps.map((s) => ({ delayHours: delayHours(s), text: s.text })),
    cancelQueued,
  }
}

/** Moves step `index` one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveStep(steps: StepDraft[], index: number, dir: -1 | 1): StepDraft[] {
  const to = index + dir
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return steps
  const out = [...steps]
  ;[out[index], out[to]] = [out[to]!, out[index]!]
  return out
}

export function removeStep(steps: StepDraft[], index: number): StepDraft[] {
  return steps.filter((_, i) => i !== index)
}

/** Puts `insert` into `text` at [start, end) (the selection), and says where the caret goes. */
export function insertAt(text: string, insert: string, start = text.length, end = start): { text: string; caret: number } {
  const a = Math.max(0, Math.min(start, text.length))
  const b = Math.max(a, Math.min(end, text.length))
  return { text: text.slice(0, a) + insert + text.slice(b), caret: a + insert.length }
}

/** A problem the editor shows before saving; `step` is 0-based, absent for the whole sequence. */
export interface DraftProblem {
  key: string
  step?: number
  args?: Record<string, string | number>
}

/** `{name}` tokens whose name the token language does not know (a typo such as {frist_name}). */
export function unknownTokens(text: string): string[] {
  const out = new Set<string>()
  for (const m of text.matchAll(/\{[ \t]*([a-z0-9_]+)[ \t]*(?:\|[^{}]*)?\}/g)) {
    if (!isKnownToken(m[1]!)) out.add(m[1]!)
  }
  return [...out]
}

/** Every problem that keeps the draft from being saved (empty when it can be). */
export function draftProblems(d: SequenceDraft): DraftProblem[] {
  const out: DraftProblem[] = []
  const name = d.name.trim()
  if (!name) out.push({ key: 'calendar.sequences.problems.name' })
  else if ([...name].length > MAX_NAME) out.push({ key: 'calendar.sequences.problems.nameLong', args: { max: MAX_NAME } })
  if (d.steps.length === 0) out.push({ key: 'calendar.sequences.problems.noSteps' })
  if (d.steps.length > MAX_STEPS) out.push({ key: 'calendar.sequences.problems.tooManySteps', args: { max: MAX_STEPS } })
  d.steps.forEach((s, i) => {
    const h = delayHours(s)
    if (!s.text.trim()) out.push({ key: 'calendar.sequences.problems.text', step: i })
    else if (s.text.length > MAX_TEXT) out.push({ key: 'calendar.sequences.problems.textLong', step: i, args: { max: MAX_TEXT } })
    if (h < 0 || h > MAX_DELAY_HOURS) out.push({ key: 'calendar.sequences.problems.delay', step: i, args: { days: MAX_DELAY_HOURS / 24 } })
    for (const tok of unknownTokens(s.text)) out.push({ key: 'calendar.sequences.problems.token', step: i, args: { token: tok } })
  })
  return out
}

/** When each step would go out for someone enrolled at `from`: each delay counts from the step before. */
export function schedule(steps: ReadonlyArray<Pick<StepDraft, 'amount' | 'unit'>>, from: Date): Date[] {
  let at = from.getTime()
  return steps.map((s) => {
    at += delayHours(s) * 3600_000
    return new Date(at)
  })
}

/** Total hours from enrolment to the last step. */
export function totalHours(steps: ReadonlyArray<Pick<StepDraft, 'amount' | 'unit'>>): number {
  return steps.reduce((n, s) => n + delayHours(s), 0)
}

/** Scheduled-message states as the UI groups them. */
export type ShownState = 'queued' | 'sent' | 'refused' | 'failed' | 'cancelled'

export function shownState(state: string): ShownState {
  switch (state) {
    case 'pending':
    case 'sending':
      return 'queued'
    case 'sent':
    case 'refused':
    case 'failed':
    case 'cancelled':
      return state
  }
  return 'failed'
}

/** The gate's refusal reasons that have a short sentence of their own in the outbox. */
const GATE_REASONS = new Set(['optedOut', 'noConsent', 'contactCap', 'accountCap', 'loop', 'bot', 'echo', 'paused', 'needsApproval', 'handedOver'])
const OWN_REASONS = new Set(['replied', 'cancelled', 'sequence_edited', 'sequence_archived'])

/**
 * The translation key of why a message was not sent: the outbox's own short sentence for the
 * gate's refusals and the cancellations, else the key the gate gave (another translated error),
 * else '' (a platform's raw text, shown as is).
 */
export function reasonKey(refusal: string): string {
  if (!refusal) return ''
  if (OWN_REASONS.has(refusal)) return `calendar.sequences.reasons.${refusal}`
  const gate = /^errors\.automation\.refused\.(\w+)$/.exec(refusal)
  if (gate && GATE_REASONS.has(gate[1]!)) return `calendar.sequences.reasons.gate.${gate[1]}`
  if (/^errors\.[\w.]+$/.test(refusal)) return refusal
  return ''
}

/** The parts of a consent state the UI reads. */
export interface ConsentLike {
  hasContact: boolean
  publicThread?: boolean
  consented: boolean
  optedOut: boolean
}

/** Why a contact cannot be enrolled, as the key of the same sentence the backend refuses with ('' when they can). */
export function consentReasonKey(c: ConsentLike): string {
  if (!c.hasContact) return 'errors.calendar.enroll.noContact'
  if (c.publicThread) return 'errors.calendar.enroll.notDirect'
  if (c.optedOut) return 'errors.calendar.enroll.optedOut'
  if (!c.consented) return 'errors.calendar.enroll.noConsent'
  return ''
}

/** The short label of a consent state. */
export function consentLabelKey(c: ConsentLike): string {
  if (!c.hasContact) return 'calendar.sequences.consent.noContact'
  if (c.publicThread) return 'calendar.sequences.consent.publicThread'
  if (c.optedOut) return 'calendar.sequences.consent.optedOut'
  if (!c.consented) return 'calendar.sequences.consent.noConsent'
  return 'calendar.sequences.consent.allowed'
}
