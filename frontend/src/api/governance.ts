// Typed wrappers over app.Governance (audit trail, opt-outs and consent, retention and legal holds,
// data requests, appeals) and its DTOs. Times are RFC 3339 strings ("" = none).
import { call } from './bridge'
import type { AppErrorDTO } from './types'

/** Audit search; empty fields match everything. `actor` ending in "*" matches as a prefix. */
export interface AuditQuery {
  actor: string
  action: string
  targetType: string
  targetId: string
  text: string
  /** RFC 3339 or YYYY-MM-DD (UTC); `to` is exclusive. */
  from: string
  to: string
  beforeId: number
  limit: number
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  targetType: string
  targetId: string
  reason: string
  before: string
  after: string
}

export interface AuditPage {
  items: AuditEntry[]
  /** 0 on the last page. */
  nextBeforeId: number
}

/** The hash-chain check: ok, or the first bad entry. */
export interface AuditVerify {
  ok: boolean
  checked: number
  brokenId: number
  problem: '' | 'changed' | 'deleted' | 'truncated' | string
  error: AppErrorDTO | null
  checkedAt: string
}

/** A file to offer for download: text, or base64 for binary content. */
export interface DownloadFile {
  filename: string
  mimeType: string
  encoding: 'text' | 'base64' | string
  content: string
  bytes: number
  entries: number
}

export interface GovernanceContact {
  id: number
  name: string
  optedOut: boolean
  onHold: boolean
}

/** One opt-out ledger row: a STOP (optedOut) or START for a scope. */
export interface OptOutEntry {
  id: number
  contactId: number
  contactName: string
  scope: 'automated' | 'marketing' | string
  optedOut: boolean
  at: string
  messageId: number
  channel: string
  keyword: string
  actor: string
}

export interface ConsentEntry {
  id: number
  contactId: number
  contactName: string
  purpose: string
  granted: boolean
  at: string
  channel: string
  evidenceMessageId: number
  note: string
  actor: string
}

export interface ConsentInput {
  contactId: number
  purpose: string
  granted: boolean
  channel: string
  note: string
}

/** Keep conversations matching (all, a kind, a tag) for keepDays after their last message. */
export interface RetentionPolicy {
  id: number
  name: string
  matchType: 'all' | 'kind' | 'tag' | string
  matchValue: string
  keepDays: number
  enabled: boolean
}

export interface PurgeCandidate {
  conversationId: number
  title: string
  kind: string
  lastMessageAt: string
  messageCount: number
  keepDays: number
}

export interface PurgeResult {
  conversations: number
  messages: number
}

export interface LegalHold {
  id: number
  targetType: 'contact' | 'conversation' | string
  targetId: number
  targetName: string
  reason: string
  actor: string
  createdAt: string
  releasedAt: string
}

export interface DataRequest {
  id: number
  contactId: number
  kind: 'export' | 'erase' | string
  actor: string
  detail: string
  at: string
}

export interface EraseResult {
  conversations: number
  messages: number
}

export type AppealStatus = 'open' | 'reviewing' | 'upheld' | 'overturned'

export interface Appeal {
  id: number
  targetType: string
  targetId: string
  contactId: number
  reason: string
  status: AppealStatus | string
  resolution: string
  dueAt: string
  overdue: boolean
  actor: string
  createdAt: string
  resolvedAt: string
}

export interface AppealInput {
  targetType: string
  targetId: string
  contactId: number
  reason: string
  /** "" = a week from now; else YYYY-MM-DD or RFC 3339. */
  dueAt: string
}

declare module './bridge' {
  interface Bindings {
    Governance: {
      SearchAudit(q: AuditQuery): Promise<AuditPage>
      VerifyAudit(): Promise<AuditVerify>
      ExportAudit(q: AuditQuery, format: string): Promise<DownloadFile>
      FindContacts(query: string): Promise<GovernanceContact[]>
      OptOuts(contactId: number): Promise<OptOutEntry[]>
      SetOptOut(contactId: number, optedOut: boolean, reason: string): Promise<GovernanceContact>
      Consents(contactId: number): Promise<ConsentEntry[]>
      RecordConsent(input: ConsentInput): Promise<ConsentEntry>
      RetentionPolicies(): Promise<RetentionPolicy[]>
      SaveDownload(file: DownloadFile): Promise<string>
      SaveRetentionPolicy(p: RetentionPolicy): Promise<RetentionPolicy>
      DeleteRetentionPolicy(id: number): Promise<void>
      PurgePreview(): Promise<PurgeCandidate[]>
      RunPurge(): Promise<PurgeResult>
      LegalHolds(activeOnly: boolean): Promise<LegalHold[]>
      AddLegalHold(targetType: string, targetId: number, reason: string): Promise<LegalHold>
      ReleaseLegalHold(id: number): Promise<void>
      ExportContact(contactId: number): Promise<DownloadFile>
      EraseContact(contactId: number, confirmation: string): Promise<EraseResult>
      DataRequests(): Promise<DataRequest[]>
      Appeals(openOnly: boolean): Promise<Appeal[]>
      CreateAppeal(input: AppealInput): Promise<Appeal>
      ResolveAppeal(id: number, status: string, resolution: string): Promise<Appeal>
    }
  }
}

export function emptyAuditQuery(): AuditQuery {
  return { actor: '', action: '', targetType: '', targetId: '', text: '', from: '', to: '', beforeId: 0, limit: 100 }
}

export const searchAudit = async (q: AuditQuery) => {
  const page = await call('Governance', 'SearchAudit', q)
  return { items: page?.items ?? [], nextBeforeId: page?.nextBeforeId ?? 0 }
}
export const verifyAudit = async () => call('Governance', 'VerifyAudit')
export const exportAudit = async (q: AuditQuery, format: 'csv' | 'json') => call('Governance', 'ExportAudit', q, format)
export const findContacts = async (query: string) => (await call('Governance', 'FindContacts', query)) ?? []
export const listOptOuts = async (contactId = 0) => (await call('Governance', 'OptOuts', contactId)) ?? []
export const setOptOut = async (contactId: number, optedOut: boolean, reason: string) =>
  call('Governance', 'SetOptOut', contactId, optedOut, reason)
export const listConsents = async (contactId = 0) => (await call('Governance', 'Consents', contactId)) ?? []
export const recordConsent = async (input: ConsentInput) => call('Governance', 'RecordConsent', input)
export const listPolicies = async () => (await call('Governance', 'RetentionPolicies')) ?? []
export const savePolicy = async (p: RetentionPolicy) => call('Governance', 'SaveRetentionPolicy', p)
export const deletePolicy = async (id: number) => call('Governance', 'DeleteRetentionPolicy', id)
export const purgePreview = async () => (await call('Governance', 'PurgePreview')) ?? []
export const runPurge = async () => call('Governance', 'RunPurge')
export const listHolds = async (activeOnly = true) => (await call('Governance', 'LegalHolds', activeOnly)) ?? []
export const addHold = async (targetType: string, targetId: number, reason: string) =>
  call('Governance', 'AddLegalHold', targetType, targetId, reason)
export const releaseHold = async (id: number) => call('Governance', 'ReleaseLegalHold', id)
export const exportContact = async (contactId: number) => call('Governance', 'ExportContact', contactId)
export const eraseContact = async (contactId: number, confirmation: string) =>
  call('Governance', 'EraseContact', contactId, confirmation)
export const listDataRequests = async () => (await call('Governance', 'DataRequests')) ?? []
export const listAppeals = async (openOnly: boolean) => (await call('Governance', 'Appeals', openOnly)) ?? []
export const createAppeal = async (input: AppealInput) => call('Governance', 'CreateAppeal', input)
export const resolveAppeal = async (id: number, status: string, resolution: string) =>
  call('Governance', 'ResolveAppeal', id, status, resolution)

/** Turns a DownloadFile into an object URL for an <a download> link (the caller revokes it). */
export function fileObjectURL(f: DownloadFile): string {
  let blob: Blob
  if (f.encoding === 'base64') {
    const bin = atob(f.content)
    const bytes = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
    blob = new Blob([bytes], { type: f.mimeType })
  } else {
    blob = new Blob([f.content], { type: f.mimeType })
  }
  return URL.createObjectURL(blob)
}

/** Saves a DownloadFile through a temporary download link (works in the Wails webview and browsers). */
export function saveFile(f: DownloadFile): void {
  const url = fileObjectURL(f)
  const a = document.createElement('a')
  a.href = url
  a.download = f.filename
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Writes a DownloadFile into the user's Downloads folder; returns the path. */
export const saveDownload = async (f: DownloadFile) => call('Governance', 'SaveDownload', f)
