// Typed wrappers over app.Moderation: comment moderation through the platform,
// private replies and the negative-comment action.
import { call } from './bridge'
import type { AppErrorDTO, Message } from './types'

export type ModerationAction = 'hide' | 'unhide' | 'delete' | 'reject' | 'block' | 'mute' | 'report'

export interface ModerateRequest {
  messageId: number
  action: string
  reason: string
}

/** One logged moderation action; origin is human or automation, outcome done or failed. */
export interface ModerationRecord {
  id: number
  messageId: number
  action: string
  actor: string
  origin: string
  reason: string
  outcome: string
  error: AppErrorDTO | null
  createdAt: string
}

export interface ModerationOutcome {
  record: ModerationRecord
  message: Message
}

/** What a platform offers: actions on others' comments and on the account's own. */
export interface ModerationCaps {
  platform: string
  others: string[]
  own: string[]
  privateReply: boolean
  privateReplyPlatforms: string[]
  hidePlatforms: string[]
}

export interface PrivateReplyStatus {
  supported: boolean
  /** RFC 3339, "" when unsupported. */
  closesAt: string
  open: boolean
  sent: boolean
}

export interface NegativeReplyRequest {
  messageId: number
  publicText: string
  publicTemplateId: number
  privateText: string
  privateTemplateId: number
}

/** One of the two sends: message is null when the gate refused it or it was skipped. */
export interface NegativeStep {
  message: Message | null
  error: AppErrorDTO | null
  skipped: boolean
  sent: boolean
}

export interface NegativeReplyResult {
  public: NegativeStep
  private: NegativeStep
  /** One part went out and the other did not. */
  partial: boolean
}

export interface ModerationHistoryRequest {
  /** 0: every account. */
  accountId: number
  /** "": every action. */
  action: string
  /** A page's nextBeforeId to continue with older entries; 0 for the newest. */
  beforeId: number
  limit: number
}

/** One action in the log: who did what to which message, when, why, and whether it worked. */
export interface ModerationEntry {
  id: number
  /** RFC 3339. */
  at: string
  actor: string
  action: string
  /** human or automation. */
  origin: string
  /** The platform refused the action or could not be reached. */
  failed: boolean
  /** The reason given, or for a failure the kind of error. */
  reason: string
  messageId: number
  conversationId: number
  accountId: number
  author: string
  excerpt: string
}

export interface ModerationHistory {
  entries: ModerationEntry[]
  /** 0 when there are no older entries. */
  nextBeforeId: number
}

declare module './bridge' {
  interface Bindings {
    Moderation: {
      Capabilities(platform: string): Promise<ModerationCaps>
      Moderate(req: ModerateRequest): Promise<ModerationOutcome>
      Log(conversationId: number): Promise<ModerationRecord[]>
      PrivateReplyStatus(messageId: number): Promise<PrivateReplyStatus>
      ReplyPrivately(messageId: number, text: string, templateId: number): Promise<Message>
      RespondToNegative(req: NegativeReplyRequest): Promise<NegativeReplyResult>
      History(req: ModerationHistoryRequest): Promise<ModerationHistory | null>
    }
  }
}

const capsCache = new Map<string, Promise<ModerationCaps>>()

/** What a platform offers (cached: it depends only on the platform). */
export function moderationCaps(platform: string): Promise<ModerationCaps> {
  let p = capsCache.get(platform)
  if (!p) {
    p = call('Moderation', 'Capabilities', platform).then((c) => ({
      ...c,
      others: c?.others ?? [],
      own: c?.own ?? [],
      privateReplyPlatforms: c?.privateReplyPlatforms ?? [],
      hidePlatforms: c?.hidePlatforms ?? [],
    }))
    p.catch(() => capsCache.delete(platform))
    capsCache.set(platform, p)
  }
  return p
}

export function moderate(messageId: number, action: ModerationAction, reason = ''): Promise<ModerationOutcome> {
  return call('Moderation', 'Moderate', { messageId, action, reason })
}

export async function moderationLog(conversationId: number): Promise<ModerationRecord[]> {
  return (await call('Moderation', 'Log', conversationId)) ?? []
}

export function privateReplyStatus(messageId: number): Promise<PrivateReplyStatus> {
  return call('Moderation', 'PrivateReplyStatus', messageId)
}

/** Resolves with the stored private reply in its final state ("sent" or "failed"). */
export function replyPrivately(messageId: number, text: string, templateId = 0): Promise<Message> {
  return call('Moderation', 'ReplyPrivately', messageId, text, templateId)
}

export function respondToNegative(req: NegativeReplyRequest): Promise<NegativeReplyResult> {
  return call('Moderation', 'RespondToNegative', req)
}

/** One page of the moderation log, newest first. */
export async function moderationHistory(req: ModerationHistoryRequest): Promise<ModerationHistory> {
  const page = await call('Moderation', 'History', req)
  return { entries: page?.entries ?? [], nextBeforeId: page?.nextBeforeId ?? 0 }
}
