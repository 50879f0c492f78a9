// Typed wrappers over app.Sla (response-time policies, business hours, away acknowledgement) and
// app.Notifications, and their DTOs. Times are RFC 3339 strings in the calendar's zone ("" = none).
import { call } from './bridge'

/** One opening of a day, "HH:MM" to "HH:MM" ("24:00" allowed as an end). */
export interface SlaShift {
  start: string
  end: string
}

/** A date with other hours: closed all day when `shifts` is empty. */
export interface SlaHoliday {
  date: string
  name: string
  shifts: SlaShift[]
}

/** The business calendar. `week[0]` is Sunday … `week[6]` Saturday. */
export interface SlaCalendar {
  timeZone: string
  week: SlaShift[][]
  holidays: SlaHoliday[]
}

export type SlaKind = '' | 'dm' | 'comment'

/** One response-time target. A preset's name is translated (then `name` is ""). */
export interface SlaPolicy {
  id: number
  name: string
  preset: string
  kind: SlaKind | string
  /** "" any, "high" high intent, or a classifier label. */
  intent: string
  tag: string
  minPriority: number
  targetMinutes: number
  businessHours: boolean
  warnPercent: number
  enabled: boolean
}

export interface SlaSettings {
  calendar: SlaCalendar
  policies: SlaPolicy[]
  zones: string[]
  openNow: boolean
  nextChange: string
}

export interface SlaPreviewRequest {
  kind: string
  intent: string
  tag: string
  priority: number
  /** "YYYY-MM-DDTHH:MM" on the calendar's wall clock. */
  at: string
}

export interface SlaPreview {
  matched: boolean
  policyId: number
  policyName: string
  policyPreset: string
  targetMinutes: number
  businessHours: boolean
  timeZone: string
  at: string
  openAt: boolean
  nextOpen: string
  warnAt: string
  dueAt: string
}

/** The away acknowledgement; `texts[lang]` "" means the default; `{next}` is the next opening. */
export interface SlaAway {
  enabled: boolean
  texts: Record<string, string>
  defaults: Record<string, string>
}

export interface SlaAwayPreview {
  language: string
  text: string
  nextOpen: string
}

export type SlaState = 'none' | 'ok' | 'warning' | 'breached' | 'met'

/** A conversation's timer: what SlaBadge shows. */
export interface SlaStateInfo {
  conversationId: number
  policyId: number
  state: SlaState | string
  dueAt: string
}

export interface NotificationSettings {
  enabled: boolean
  danger: boolean
  highIntent: boolean
  minPriority: number
  dnd: boolean
  dndStart: string
  dndEnd: string
  /** How notifications are shown here: dbus, wails or none. */
  mechanism: string
}

export interface NotificationTest {
  delivered: boolean
  mechanism: string
}

/** Payload of the sla:changed event (forwarded by the session). */
export interface SlaChanged {
  conversationIds: number[]
  warning: number[]
  breached: number[]
}

declare module './bridge' {
  interface Bindings {
    Sla: {
      GetSettings(): Promise<SlaSettings>
      SaveCalendar(cal: SlaCalendar): Promise<SlaCalendar>
      SavePolicies(list: SlaPolicy[]): Promise<SlaPolicy[]>
      Preview(req: SlaPreviewRequest): Promise<SlaPreview>
      GetAway(): Promise<SlaAway>
      SaveAway(away: SlaAway): Promise<SlaAway>
      PreviewAway(lang: string, text: string): Promise<SlaAwayPreview>
      States(ids: number[]): Promise<SlaStateInfo[]>
    }
    Notifications: {
      Get(): Promise<NotificationSettings>
      Save(s: NotificationSettings): Promise<NotificationSettings>
      Test(): Promise<NotificationTest>
    }
  }
}

declare module './types' {
  interface AppEvents {
    'sla:changed': SlaChanged
  }
}

/** Normalizes a calendar so the editor can rely on seven days and arrays everywhere. */
export function normalizeCalendar(c: Partial<SlaCalendar> | null | undefined): SlaCalendar {
  const week: SlaShift[][] = []
  for (let d = 0; d < 7; d++) week.push([...(c?.week?.[d] ?? [])])
  return {
    timeZone: c?.timeZone ?? 'UTC',
    week,
    holidays: (c?.holidays ?? []).map((h) => ({ date: h.date, name: h.name ?? '', shifts: [...(h.shifts ?? [])] })),
  }
}

export async function getSlaSettings(): Promise<SlaSettings> {
  const s = await call('Sla', 'GetSettings')
  return { ...s, calendar: normalizeCalendar(s.calendar), policies: s.policies ?? [], zones: s.zones ?? [] }
}

export async function saveCalendar(cal: SlaCalendar): Promise<SlaCalendar> {
  return normalizeCalendar(await call('Sla', 'SaveCalendar', cal))
}

export async function savePolicies(list: SlaPolicy[]): Promise<SlaPolicy[]> {
  return (await call('Sla', 'SavePolicies', list)) ?? []
}

export function previewDue(req: SlaPreviewRequest): Promise<SlaPreview> {
  return call('Sla', 'Preview', req)
}

export async function getAway(): Promise<SlaAway> {
  const a = await call('Sla', 'GetAway')
  return { enabled: !!a.enabled, texts: a.texts ?? {}, defaults: a.defaults ?? {} }
}

export function saveAway(away: SlaAway): Promise<SlaAway> {
  return call('Sla', 'SaveAway', away)
}

export function previewAway(lang: string, text: string): Promise<SlaAwayPreview> {
  return call('Sla', 'PreviewAway', lang, text)
}

export async function slaStates(ids: number[]): Promise<SlaStateInfo[]> {
  return (await call('Sla', 'States', ids)) ?? []
}

export function getNotificationSettings(): Promise<NotificationSettings> {
  return call('Notifications', 'Get')
}

export function saveNotificationSettings(s: NotificationSettings): Promise<NotificationSettings> {
  return call('Notifications', 'Save', s)
}

export function testNotification(): Promise<NotificationTest> {
  return call('Notifications', 'Test')
}
