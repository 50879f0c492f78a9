// Typed wrappers over app.Campaigns' UGC releases and reply experiments.
import { call } from './bridge'
import type { Message } from './types'

/** How close a release is to its end (see ReleaseDTO.Expiry). */
export type ReleaseExpiry = 'none' | 'ok' | 'soon' | 'urgent' | 'ended'
export const releaseStatuses = ['requested', 'granted', 'declined', 'expired', 'revoked'] as const
export type ReleaseStatus = (typeof releaseStatuses)[number]
export const releaseChannels = ['instagram', 'tiktok', 'facebook', 'youtube', 'website', 'email', 'ads', 'print', 'in_store'] as const

export interface UgcRelease {
  id: number
  creatorId: number
  creatorName: string
  author: string
  title: string
  contentUrl: string
  conversationId: number
  conversationTitle: string
  messageId: number
  channels: string[]
  paidUse: boolean
  startsAt: string
  expiresAt: string
  territories: string[]
  compensation: string
  editsAllowed: boolean
  status: string
  notes: string
  requestedAt: string
  requestMessageId: number
  daysLeft: number
  expiry: string
}

export interface UgcReleaseInput {
  id: number
  creatorId: number
  author: string
  title: string
  contentUrl: string
  conversationId: number
  messageId: number
  channels: string[]
  paidUse: boolean
  startsAt: string
  expiresAt: string
  territories: string[]
  compensation: string
  editsAllowed: boolean
  notes: string
}

export interface ReleaseRequestPreview {
  text: string
  templateId: number
}

export interface ExperimentVariant {
  id: number
  templateId: number
  templateName: string
  label: string
  weight: number
}

export interface ReplyExperiment {
  id: number
  name: string
  status: string
  templateId: number
  templateName: string
  stagePercent: number
  maxOptOutRate: number
  maxNegativeRate: number
  minConversionRate: number
  minSample: number
  winnerTemplateId: number
  stopReason: string
  startedAt: string
  endedAt: string
  variants: ExperimentVariant[]
}

export interface ExperimentVariantInput {
  templateId: number
  weight: number
}

export interface ExperimentInput {
  name: string
  templateId: number
  variants: ExperimentVariantInput[]
  maxOptOutRate: number
  maxNegativeRate: number
  minConversionRate: number
  minSample: number
}

export interface RateInterval {
  rate: number
  low: number
  high: number
}

export interface VariantRevenue {
  currency: string
  orders: number
  revenueMinor: number
}

export interface VariantResult {
  variantId: number
  label: string
  templateId: number
  templateName: string
  isControl: boolean
  sends: number
  replies: number
  optOuts: number
  negatives: number
  conversions: number
  replyRate: RateInterval
  optOutRate: RateInterval
  negativeRate: RateInterval
  conversionRate: RateInterval
  revenue: VariantRevenue[]
  breached: string
}

export interface GuardrailBreach {
  variantId: number
  label: string
  guardrail: string
  rate: number
  limit: number
}

export interface ExperimentResults {
  experiment: ReplyExperiment
  variants: VariantResult[]
  breach: GuardrailBreach | null
}

/** The rollout stages, in order. */
export const experimentStages = [5, 25, 100] as const

export async function listReleases(): Promise<UgcRelease[]> {
  return (await call('Campaigns', 'ListReleases')) ?? []
}
export function saveRelease(r: UgcReleaseInput): Promise<UgcRelease> {
  return call('Campaigns', 'SaveRelease', r)
}
export function setReleaseStatus(id: number, status: string, consentMessageId = 0, reason = ''): Promise<UgcRelease> {
  return call('Campaigns', 'SetReleaseStatus', id, status, consentMessageId, reason)
}
export function previewReleaseRequest(id: number): Promise<ReleaseRequestPreview> {
  return call('Campaigns', 'PreviewReleaseRequest', id)
}
export function requestRelease(id: number): Promise<Message> {
  return call('Campaigns', 'RequestRelease', id)
}
export function exportReleases(format: 'csv' | 'json'): Promise<string> {
  return call('Campaigns', 'ExportReleases', format)
}
export async function listExperiments(): Promise<ReplyExperiment[]> {
  return (await call('Campaigns', 'ListExperiments')) ?? []
}
export function createExperiment(e: ExperimentInput): Promise<ReplyExperiment> {
  return call('Campaigns', 'CreateExperiment', e)
}
export function startExperiment(id: number): Promise<ReplyExperiment> {
  return call('Campaigns', 'StartExperiment', id)
}
export function setExperimentStage(id: number, percent: number): Promise<ReplyExperiment> {
  return call('Campaigns', 'SetExperimentStage', id, percent)
}
export function stopExperiment(id: number): Promise<ReplyExperiment> {
  return call('Campaigns', 'StopExperiment', id)
}
export function promoteVariant(id: number, variantId: number): Promise<ReplyExperiment> {
  return call('Campaigns', 'PromoteVariant', id, variantId)
}
export function experimentResults(id: number): Promise<ExperimentResults> {
  return call('Campaigns', 'ExperimentResults', id)
}
