// Typed wrappers over app.Calendar (content calendar, publishing, lives, scheduled messages), and its DTOs.
import { call } from './bridge'

/** A calendar item as stored. Times are RFC 3339; `accountId`/`parentId` are 0 when none. */
export interface CalendarItem {
  id: number
  kind: string
  accountId: number
  platform: string
  format: string
  pillar: string
  status: string
  owner: string
  title: string
  caption: string
  notes: string
  start: string
  end: string
  allDay: boolean
  timeZone: string
  rrule: string
  parentId: number
  publishedAt: string
  externalId: string
  lateMinutes: number
  lastError: string
  updatedAt: string
}

/** What the item editor sends. */
export interface CalendarItemInput {
  kind: string
  accountId: number
  platform: string
  format: string
  pillar: string
  status: string
  owner: string
  title: string
  caption: string
  notes: string
  start: string
  end: string
  allDay: boolean
  timeZone: string
  rrule: string
}

/** One occurrence on the calendar, with its publish job when it has one. */
export interface CalendarEvent {
  item: CalendarItem
  occurrenceAt: string
  start: string
  end: string
  seriesId: number
  jobId: number
  jobState: string
  lateMinutes: number
  jobError: string
}

/** A pillar's count in one week against its target. */
export interface CadenceWeek {
  weekStart: string
  pillar: string
  target: number
  count: number
  short: boolean
}

export interface CalendarRange {
  events: CalendarEvent[]
  cadence: CadenceWeek[]
}

/** Reschedules one occurrence. */
export interface MoveRequest {
  id: number
  occurrenceAt: string
  start: string
  end: string
}

export interface CaptionLimit {
  platform: string
  max: number
  /** "graphemes", "utf16" or "chars". */
  unit: string
}

export interface CadenceTarget {
  pillar: string
  perWeek: number
}

export interface CalendarOptions {
  kinds: string[]
  statuses: string[]
  formats: string[]
  captionLimits: CaptionLimit[]
  cadence: CadenceTarget[]
  /** The most scheduled messages (sequence steps, live follow-ups) sent in any hour. */
  pacePerHour: number
}

export interface PublishJob {
  id: number
  occurrenceAt: string
  mode: string
  state: string
  attempts: number
  nextAttempt: string
  externalId: string
  doneAt: string
  lateMinutes: number
  lastError: string
}

export interface LiveSession {
  id: number
  itemId: number
  agenda: string
  cta: string
  keywords: string
  followupText: string
  announceItemId: number
  state: string
  startedAt: string
  endedAt: string
  peakViewers: number
  watchMinutes: number
  orders: number
  salesCents: number
  currency: string
}

export interface LiveInput {
  agenda: string
  cta: string
  keywords: string
  followupText: string
}

export interface LiveQuestion {
  id: number
  conversationId: number
  author: string
  text: string
  orderNumber: string
  agentRequested: boolean
  answered: boolean
  source: string
  createdAt: string
}

/** Similar questions counted together on the live board. */
export interface QuestionGroup {
  key: string
  text: string
  count: number
  agentRequested: boolean
  answered: boolean
  orderNumbers: string[]
  questions: LiveQuestion[]
}

export interface FollowupCounts {
  pending: number
  sent: number
  refused: number
  failed: number
}

export interface LiveBoard {
  live: LiveSession
  item: CalendarItem
  groups: QuestionGroup[]
  followups: FollowupCounts
}

/** An upcoming live, for the inbox's "add to live" menu. */
export interface LiveSummary {
  id: number
  title: string
  start: string
  state: string
}

/** Adds a question to a live: from a DM (conversationId + messageId) or typed (text). */
export interface QuestionRequest {
  liveId: number
  conversationId: number
  messageId: number
  author: string
  text: string
}

export interface LiveFigures {
  peakViewers: number
  watchMinutes: number
  orders: number
  salesCents: number
  currency: string
}

/** One step of a sequence: sent `delayHours` after the enrolment (step 1) or after the step before. */
export interface SequenceStep {
  delayHours: number
  text: string
}

/** How a sequence's scheduled messages went: `enrolled` conversations ever, `active` ones still waiting. */
export interface SequenceStats {
  enrolled: number
  active: number
  queued: number
  sent: number
  refused: number
  failed: number
  cancelled: number
}

/** A follow-up or cart-recovery sequence. `kind` is "followup" or "cart_recovery". */
export interface Sequence {
  id: number
  name: string
  kind: string
  steps: SequenceStep[]
  archived: boolean
  stats: SequenceStats
  updatedAt: string
}

/** What the editor saves (id 0 creates). `cancelQueued` cancels the steps already queued from it. */
export interface SequenceInput {
  id: number
  name: string
  kind: string
  steps: SequenceStep[]
  cancelQueued: boolean
}

export interface SequenceSaved {
  sequence: Sequence
  cancelled: number
}

/**
 * One scheduled message. `state`: pending, sending, sent, refused, failed, cancelled. `refusal` is the
 * send gate's reason (an i18n key such as errors.automation.refused.noConsent) or why it was cancelled
 * (replied, cancelled, sequence_edited, sequence_archived). `sequenceId`/`liveId` are 0 when none.
 */
export interface ScheduledMessage {
  id: number
  kind: string
  sequenceId: number
  sequenceName: string
  liveId: number
  conversationId: number
  conversationTitle: string
  step: number
  text: string
  dueAt: string
  state: string
  refusal: string
  doneAt: string
}

/** Filters the outbox; `state` is "" (all), "queued", "sent", "refused", "failed" or "cancelled". */
export interface OutboxQuery {
  sequenceId: number
  conversationId: number
  state: string
  limit: number
}

/** What the send gate will think of a conversation's contact. */
export interface ConsentState {
  hasContact: boolean
  contactId: number
  consented: boolean
  optedOut: boolean
  optedOutAt: string
  channel: string
  /** A public comment thread: sequences are for direct messages only. */
  publicThread: boolean
  allowed: boolean
}

/** Enrols a conversation; `values` fill the tokens typed by hand ({discount_code}...). */
export interface EnrollRequest {
  sequenceId: number
  conversationId: number
  values: Record<string, string>
}

export interface PlannedStep {
  step: number
  dueAt: string
  text: string
  missing: string[]
}

/** A preview of an enrolment: nothing is queued. `queued` steps of it already wait for this conversation. */
export interface EnrollPlan {
  sequence: Sequence
  consent: ConsentState
  steps: PlannedStep[]
  missing: string[]
  queued: number
}

/** Payload of the `calendar:changed` event: the item (and publish job) that changed. */
export interface CalendarChanged {
  ItemID: number
  JobID: number
}

declare module './types' {
  interface AppEvents {
    'calendar:changed': CalendarChanged
  }
}

declare module './bridge' {
  interface Bindings {
    Calendar: {
      Options(): Promise<CalendarOptions>
      Range(from: string, to: string, zone: string): Promise<CalendarRange>
      Get(id: number): Promise<CalendarItem>
      Create(input: CalendarItemInput): Promise<CalendarItem>
      Update(id: number, input: CalendarItemInput): Promise<CalendarItem>
      Move(req: MoveRequest): Promise<CalendarItem>
      Delete(id: number): Promise<void>
      MarkPosted(id: number): Promise<CalendarItem>
      PublishAgain(jobId: number): Promise<void>
      Jobs(itemId: number): Promise<PublishJob[]>
      SetCadence(pillar: string, perWeek: number): Promise<CalendarOptions>
      ExportICS(from: string, to: string): Promise<string>
      UpcomingLives(): Promise<LiveSummary[]>
      PlanLive(itemId: number, input: LiveInput): Promise<LiveBoard>
      LiveBoard(itemId: number): Promise<LiveBoard>
      AddQuestion(req: QuestionRequest): Promise<boolean>
      IntakeKeywords(liveId: number): Promise<number>
      FlagQuestions(liveId: number, ids: number[], flag: string, on: boolean): Promise<void>
      SetLiveState(liveId: number, state: string): Promise<LiveSession>
      RecordFigures(liveId: number, figures: LiveFigures): Promise<LiveSession>
      ScheduleFollowups(liveId: number, text: string): Promise<number>
      Sequences(): Promise<Sequence[]>
      SaveSequence(input: SequenceInput): Promise<SequenceSaved>
      ArchiveSequence(id: number, archived: boolean, cancelQueued: boolean): Promise<number>
      DeleteSequence(id: number): Promise<number>
      SequenceConsent(conversationId: number): Promise<ConsentState>
      PlanEnrollment(req: EnrollRequest): Promise<EnrollPlan>
      Enroll(req: EnrollRequest): Promise<number>
      ScheduledFor(conversationId: number): Promise<ScheduledMessage[]>
      Outbox(q: OutboxQuery): Promise<ScheduledMessage[]>
      CancelScheduledStep(id: number): Promise<void>
      CancelEnrollment(sequenceId: number, conversationId: number): Promise<number>
      CancelScheduled(conversationId: number): Promise<number>
    }
  }
}

export const calendarApi = {
  options: () => call('Calendar', 'Options'),
  range: (from: string, to: string, zone: string) => call('Calendar', 'Range', from, to, zone),
  get: (id: number) => call('Calendar', 'Get', id),
  create: (input: CalendarItemInput) => call('Calendar', 'Create', input),
  update: (id: number, input: CalendarItemInput) => call('Calendar', 'Update', id, input),
  move: (req: MoveRequest) => call('Calendar', 'Move', req),
  remove: (id: number) => call('Calendar', 'Delete', id),
  markPosted: (id: number) => call('Calendar', 'MarkPosted', id),
  publishAgain: (jobId: number) => call('Calendar', 'PublishAgain', jobId),
  jobs: (itemId: number) => call('Calendar', 'Jobs', itemId),
  setCadence: (pillar: string, perWeek: number) => call('Calendar', 'SetCadence', pillar, perWeek),
  exportIcs: (from: string, to: string) => call('Calendar', 'ExportICS', from, to),
  upcomingLives: () => call('Calendar', 'UpcomingLives'),
  planLive: (itemId: number, input: LiveInput) => call('Calendar', 'PlanLive', itemId, input),
  liveBoard: (itemId: number) => call('Calendar', 'LiveBoard', itemId),
  addQuestion: (req: QuestionRequest) => call('Calendar', 'AddQuestion', req),
  intakeKeywords: (liveId: number) => call('Calendar', 'IntakeKeywords', liveId),
  flagQuestions: (liveId: number, ids: number[], flag: 'agent' | 'answered', on: boolean) =>
    call('Calendar', 'FlagQuestions', liveId, ids, flag, on),
  setLiveState: (liveId: number, state: string) => call('Calendar', 'SetLiveState', liveId, state),
  recordFigures: (liveId: number, f: LiveFigures) => call('Calendar', 'RecordFigures', liveId, f),
  scheduleFollowups: (liveId: number, text: string) => call('Calendar', 'ScheduleFollowups', liveId, text),
  sequences: async () => ((await call('Calendar', 'Sequences')) ?? []).map(normalizeSequence),
  saveSequence: async (input: SequenceInput) => {
    const r = await call('Calendar', 'SaveSequence', input)
    return { ...r, sequence: normalizeSequence(r.sequence) }
  },
  archiveSequence: (id: number, archived: boolean, cancelQueued: boolean) => call('Calendar', 'ArchiveSequence', id, archived, cancelQueued),
  deleteSequence: (id: number) => call('Calendar', 'DeleteSequence', id),
  sequenceConsent: (conversationId: number) => call('Calendar', 'SequenceConsent', conversationId),
  planEnrollment: async (req: EnrollRequest): Promise<EnrollPlan> => {
    const p = await call('Calendar', 'PlanEnrollment', req)
    return { ...p, sequence: normalizeSequence(p.sequence), steps: (p.steps ?? []).map((s) => ({ ...s, missing: s.missing ?? [] })), missing: p.missing ?? [] }
  },
  enroll: (req: EnrollRequest) => call('Calendar', 'Enroll', req),
  scheduledFor: async (conversationId: number) => (await call('Calendar', 'ScheduledFor', conversationId)) ?? [],
  outbox: async (q: Partial<OutboxQuery> = {}) =>
    (await call('Calendar', 'Outbox', { sequenceId: 0, conversationId: 0, state: '', limit: 0, ...q })) ?? [],
  cancelScheduledStep: (id: number) => call('Calendar', 'CancelScheduledStep', id),
  cancelEnrollment: (sequenceId: number, conversationId: number) => call('Calendar', 'CancelEnrollment', sequenceId, conversationId),
  cancelScheduled: (conversationId: number) => call('Calendar', 'CancelScheduled', conversationId),
}

/** Go sends a nil slice as null: a sequence always has a steps list. */
function normalizeSequence(s: Sequence): Sequence {
  return { ...s, steps: s.steps ?? [] }
}
