// Typed wrappers over app.Campaigns: creators, campaigns, codes, links, orders and results.
import { call } from './bridge'
import type { AppErrorDTO, Message } from './types'
import type {
  ExperimentInput,
  ExperimentResults,
  ReleaseRequestPreview,
  ReplyExperiment,
  UgcRelease,
  UgcReleaseInput,
} from './campaignsReleases'

export interface CreatorHandle {
  platform: string
  handle: string
}

export interface Creator {
  id: number
  name: string
  email: string
  phone: string
  rateMinor: number
  currency: string
  rateUnit: string
  notes: string
  archived: boolean
  handles: CreatorHandle[]
}

/** Pipeline stages, in order. */
export type CampaignStage = 'brief' | 'content_live' | 'follow_up' | 'results'
export const campaignStages: CampaignStage[] = ['brief', 'content_live', 'follow_up', 'results']

export interface Campaign {
  id: number
  name: string
  slug: string
  brief: string
  startsAt: string
  endsAt: string
  deliverables: string
  budgetMinor: number
  currency: string
  compensation: string
  stage: string
}

/** A creator on a campaign with the agreed fee (the cost side of CPA and ROAS). */
export interface CampaignCreator {
  campaignId: number
  creatorId: number
  feeMinor: number
}

export interface DiscountCode {
  id: number
  code: string
  creatorId: number
  campaignId: number
  source: string
  valueType: string
  value: number
  usageCount: number
  usageSyncedAt: string
}

export interface NewCodeRequest {
  code: string
  creatorId: number
  campaignId: number
  accountId: number
  percent: number
  amountOffMinor: number
  currency: string
}

export interface UtmLink {
  id: number
  creatorId: number
  campaignId: number
  url: string
  utmSource: string
  utmMedium: string
  utmCampaign: string
  utmContent: string
  utmTerm: string
  createdAt: string
}

export interface NewLinkRequest {
  baseUrl: string
  creatorId: number
  campaignId: number
  platform: string
  term: string
}

/** One sentence of "why credited": a key under campaigns.attribution.* and its arguments. */
export interface AttributionPart {
  key: string
  args: Record<string, string>
}

export interface CampaignOrder {
  id: number
  source: string
  externalId: string
  name: string
  totalMinor: number
  currency: string
  discountCodes: string[]
  orderedAt: string
  rule: string
  creatorId: number
  creatorName: string
  conversationId: number
  explanation: AttributionPart[]
  explanationEn: string
}

export interface OrderImportRequest {
  content: string
  format: string
  columns: Record<string, string>
  currency: string
  dateOrder: string
  fileName: string
  skipBad: boolean
}

export interface OrderImportBadRow {
  line: number
  problem: string
  column: string
  value: string
  message: string
}

export interface OrderImportPreview {
  format: string
  delimiter: string
  headers: string[]
  columns: Record<string, string>
  sample: string[][]
  rows: number
  valid: number
  badRows: OrderImportBadRow[]
  dateOrder: string
  dateOrderGuessed: boolean
  /** Why the columns could not be matched (then headers and sample are for the mapping step). */
  mappingProblem: AppErrorDTO | null
}

export interface OrderImportResult {
  read: number
  inserted: number
  alreadyThere: number
  skipped: number
}

export interface CampaignResultRow {
  key: number
  label: string
  currency: string
  orders: number
  revenueMinor: number
  aovMinor: number
  assisted: number
  dmConversations: number
  dmOrders: number
  dmConversion: number
  costMinor: number
  cpaMinor: number
  roas: number
}

export interface OrderCurrencyTotal {
  currency: string
  orders: number
  revenueMinor: number
  credited: number
}

export interface RevenueKpi {
  from: string
  to: string
  byCreator: CampaignResultRow[]
  byCode: CampaignResultRow[]
  totals: OrderCurrencyTotal[]
}

declare module './bridge' {
  interface Bindings {
    Campaigns: {
      ListCreators(): Promise<Creator[]>
      SaveCreator(c: Creator): Promise<Creator>
      ListCampaigns(): Promise<Campaign[]>
      SaveCampaign(c: Campaign): Promise<Campaign>
      MoveCampaign(id: number, stage: string): Promise<Campaign>
      ListCampaignCreators(): Promise<CampaignCreator[]>
      SetCampaignCreator(campaignId: number, creatorId: number, feeMinor: number): Promise<void>
      RemoveCampaignCreator(campaignId: number, creatorId: number): Promise<void>
      ListCodes(): Promise<DiscountCode[]>
      AddCode(req: NewCodeRequest): Promise<DiscountCode>
      ListLinks(): Promise<UtmLink[]>
      BuildLink(req: NewLinkRequest): Promise<UtmLink>
      LinkQR(id: number): Promise<string>
      ListOrders(from: string, to: string, limit: number): Promise<CampaignOrder[]>
      PreviewOrderImport(req: OrderImportRequest): Promise<OrderImportPreview>
      ImportOrders(req: OrderImportRequest): Promise<OrderImportResult>
      Results(dimension: string, from: string, to: string): Promise<CampaignResultRow[]>
      Revenue(from: string, to: string): Promise<RevenueKpi>
      AttributionModel(): Promise<string>
      SetAttributionModel(model: string): Promise<void>
      ListReleases(): Promise<UgcRelease[]>
      SaveRelease(r: UgcReleaseInput): Promise<UgcRelease>
      SetReleaseStatus(id: number, status: string, consentMessageId: number, reason: string): Promise<UgcRelease>
      PreviewReleaseRequest(id: number): Promise<ReleaseRequestPreview>
      RequestRelease(id: number): Promise<Message>
      ExportReleases(format: string): Promise<string>
      ListExperiments(): Promise<ReplyExperiment[]>
      CreateExperiment(e: ExperimentInput): Promise<ReplyExperiment>
      StartExperiment(id: number): Promise<ReplyExperiment>
      SetExperimentStage(id: number, percent: number): Promise<ReplyExperiment>
      StopExperiment(id: number): Promise<ReplyExperiment>
      PromoteVariant(id: number, variantId: number): Promise<ReplyExperiment>
      ExperimentResults(id: number): Promise<ExperimentResults>
    }
  }
}

export async function listCreators(): Promise<Creator[]> {
  return (await call('Campaigns', 'ListCreators')) ?? []
}
export function saveCreator(c: Creator): Promise<Creator> {
  return call('Campaigns', 'SaveCreator', c)
}
export async function listCampaigns(): Promise<Campaign[]> {
  return (await call('Campaigns', 'ListCampaigns')) ?? []
}
export function saveCampaign(c: Campaign): Promise<Campaign> {
  return call('Campaigns', 'SaveCampaign', c)
}
export function moveCampaign(id: number, stage: CampaignStage): Promise<Campaign> {
  return call('Campaigns', 'MoveCampaign', id, stage)
}
export async function listCampaignCreators(): Promise<CampaignCreator[]> {
  return (await call('Campaigns', 'ListCampaignCreators')) ?? []
}
export function setCampaignCreator(campaignId: number, creatorId: number, feeMinor: number): Promise<void> {
  return call('Campaigns', 'SetCampaignCreator', campaignId, creatorId, feeMinor)
}
export function removeCampaignCreator(campaignId: number, creatorId: number): Promise<void> {
  return call('Campaigns', 'RemoveCampaignCreator', campaignId, creatorId)
}
export async function listCodes(): Promise<DiscountCode[]> {
  return (await call('Campaigns', 'ListCodes')) ?? []
}
export function addCode(req: NewCodeRequest): Promise<DiscountCode> {
  return call('Campaigns', 'AddCode', req)
}
export async function listLinks(): Promise<UtmLink[]> {
  return (await call('Campaigns', 'ListLinks')) ?? []
}
export function buildLink(req: NewLinkRequest): Promise<UtmLink> {
  return call('Campaigns', 'BuildLink', req)
}
/** A data:image/png URL of the link's QR code. */
export function linkQR(id: number): Promise<string> {
  return call('Campaigns', 'LinkQR', id)
}
export async function listOrders(from = '', to = '', limit = 200): Promise<CampaignOrder[]> {
  return (await call('Campaigns', 'ListOrders', from, to, limit)) ?? []
}
export function previewOrderImport(req: OrderImportRequest): Promise<OrderImportPreview> {
  return call('Campaigns', 'PreviewOrderImport', req)
}
export function importOrders(req: OrderImportRequest): Promise<OrderImportResult> {
  return call('Campaigns', 'ImportOrders', req)
}
export async function results(dimension: 'creator' | 'code' | 'campaign' | 'template', from = '', to = ''): Promise<CampaignResultRow[]> {
  return (await call('Campaigns', 'Results', dimension, from, to)) ?? []
}
export function revenue(from = '', to = ''): Promise<RevenueKpi> {
  return call('Campaigns', 'Revenue', from, to)
}
export function attributionModel(): Promise<string> {
  return call('Campaigns', 'AttributionModel')
}
export function setAttributionModel(model: string): Promise<void> {
  return call('Campaigns', 'SetAttributionModel', model)
}
