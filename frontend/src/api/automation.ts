// Typed wrappers over app.Automation (rules, dry run, kill switch, drafts awaiting approval,
// review queue, classifier quality) and its DTOs. Times are RFC 3339 strings ("" = none).
import { call } from './bridge'
import type { Message } from './types'

/** What must all hold for a rule to act; an empty list matches anything. */
export interface AutomationConditions {
  /** "dm" and/or "comment". */
  kinds: string[]
  platforms: string[]
  accountIds: number[]
  keywords: string[]
  intents: string[]
  sentiments: string[]
  /** Contact attribute = value tests (language, display_name…). */
  contact: Record<string, string>
  /** "" any time, "inside" or "outside" business hours. */
  hours: string
}

export type AutomationActionType =
  | 'tag'
  | 'assign'
  | 'priority'
  | 'reply_template'
  | 'draft'
  | 'hide'
  | 'escalate'
  | 'notify'
  | 'live_question'

/** One thing a rule does; the other fields are the type's parameters. */
export interface AutomationAction {
  type: AutomationActionType | string
  tag: string
  assignee: string
  priority: number
  templateId: number
  note: string
}

/** One rule; position 1 runs first. */
export interface AutomationRule {
  id: number
  name: string
  position: number
  enabled: boolean
  conditions: AutomationConditions
  actions: AutomationAction[]
}

export interface AutomationDryRunHit {
  messageId: number
  conversationId: number
  text: string
  sentAt: string
  intent: string
  sentiment: string
  actions: AutomationAction[]
}

/** What a rule would have done on past messages since `since` (nothing was changed). */
export interface AutomationDryRun {
  since: string
  checked: number
  hits: AutomationDryRunHit[]
}

/** The global kill switch and the caps on automated messages. */
export interface AutomationStatus {
  paused: boolean
  contactHourlyCap: number
  accountDailyCap: number
  loopCap: number
  reviewSharePercent: number
}

/** A reply an automation wrote that waits for a person. */
export interface AutomationDraft {
  id: number
  conversationId: number
  conversationTitle: string
  contactId: number
  contactName: string
  messageId: number
  ruleId: number
  provider: string
  text: string
  intent: string
  /** Sensitive topics: price, refund, legal, personal_data. */
  categories: string[]
  needsApproval: boolean
  status: string
  createdAt: string
}

/** Sampled automated work for a person to mark right or wrong ("" while waiting). */
export interface ReviewItem {
  id: number
  kind: 'reply' | 'moderation' | string
  targetType: string
  targetId: string
  conversationId: number
  ruleId: number
  summary: string
  verdict: '' | 'right' | 'wrong' | string
  reviewer: string
  createdAt: string
  reviewedAt: string
}

export interface IntentQuality {
  intent: string
  precision: number
  recall: number
  support: number
}

/** The classifier in use: held-out figures and the moderation false-positive rate (90 days). */
export interface ClassifierQuality {
  trained: boolean
  examples: number
  heldOut: number
  accuracy: number
  intents: IntentQuality[]
  moderationChecked: number
  falsePositiveRate: number
}

/** The choices the rule editor offers. */
export interface AutomationOptions {
  intents: string[]
  kinds: string[]
  sentiments: string[]
  actions: string[]
}

/** The optional OpenAI-compatible endpoint; the key itself never leaves the keyring. */
export interface AIEndpoint {
  baseUrl: string
  model: string
  hasKey: boolean
}

/** What a person sets for automated messages (labels per channel, notices per language). */
export interface AutomationSettings {
  contactHourlyCap: number
  accountDailyCap: number
  reviewSharePercent: number
  labels: Record<string, string>
  notices: Record<string, string>
  defaultLabels: Record<string, string>
  defaultNotices: Record<string, string>
  channels: string[]
  approvalCategories: string[]
  allCategories: string[]
  ai: AIEndpoint
}

/** A conversation handed over to a person: automation is paused there. */
export interface PausedConversation {
  conversationId: number
  title: string
  platform: string
  pausedAt: string
  actor: string
  reason: string
}

declare module './bridge' {
  interface Bindings {
    Automation: {
      Settings(): Promise<AutomationSettings>
      SaveSettings(s: AutomationSettings): Promise<AutomationSettings>
      SetAIKey(key: string): Promise<AIEndpoint>
      TestAIEndpoint(): Promise<AIEndpoint>
      PausedConversations(): Promise<PausedConversation[]>
      ResumeConversation(conversationId: number): Promise<PausedConversation[]>
      Options(): Promise<AutomationOptions>
      Rules(): Promise<AutomationRule[]>
      SaveRule(rule: AutomationRule): Promise<AutomationRule>
      SetRuleEnabled(id: number, enabled: boolean): Promise<AutomationRule>
      DeleteRule(id: number): Promise<void>
      ReorderRules(ids: number[]): Promise<AutomationRule[]>
      DryRun(rule: AutomationRule, days: number): Promise<AutomationDryRun>
      Status(): Promise<AutomationStatus>
      SetPaused(paused: boolean): Promise<AutomationStatus>
      Drafts(): Promise<AutomationDraft[]>
      ApproveDraft(id: number, text: string): Promise<Message>
      RejectDraft(id: number, note: string): Promise<void>
      ReviewQueue(pendingOnly: boolean): Promise<ReviewItem[]>
      MarkReview(id: number, verdict: string): Promise<ReviewItem>
      Quality(): Promise<ClassifierQuality>
      Retrain(): Promise<ClassifierQuality>
    }
  }
}

/** A new, empty rule for the editor. */
export function emptyRule(): AutomationRule {
  return {
    id: 0,
    name: '',
    position: 0,
    enabled: false,
    conditions: { kinds: [], platforms: [], accountIds: [], keywords: [], intents: [], sentiments: [], contact: {}, hours: '' },
    actions: [emptyAction('tag')],
  }
}

/** A new action of a type with empty parameters. */
export function emptyAction(type: AutomationActionType): AutomationAction {
  return { type, tag: '', assignee: '', priority: type === 'priority' ? 2 : 0, templateId: 0, note: '' }
}

export const getOptions = async () => call('Automation', 'Options')
export const listRules = async () => (await call('Automation', 'Rules')) ?? []
export const saveRule = async (r: AutomationRule) => call('Automation', 'SaveRule', r)
export const setRuleEnabled = async (id: number, on: boolean) => call('Automation', 'SetRuleEnabled', id, on)
export const deleteRule = async (id: number) => call('Automation', 'DeleteRule', id)
export const reorderRules = async (ids: number[]) => (await call('Automation', 'ReorderRules', ids)) ?? []
export const dryRun = async (r: AutomationRule, days: number) => call('Automation', 'DryRun', r, days)
export const getStatus = async () => call('Automation', 'Status')
export const setPaused = async (paused: boolean) => call('Automation', 'SetPaused', paused)
export const listDrafts = async () => (await call('Automation', 'Drafts')) ?? []
export const approveDraft = async (id: number, text: string) => call('Automation', 'ApproveDraft', id, text)
export const rejectDraft = async (id: number, note: string) => call('Automation', 'RejectDraft', id, note)
export const reviewQueue = async (pendingOnly: boolean) => (await call('Automation', 'ReviewQueue', pendingOnly)) ?? []
export const markReview = async (id: number, verdict: 'right' | 'wrong') => call('Automation', 'MarkReview', id, verdict)
export const getQuality = async () => call('Automation', 'Quality')
export const retrain = async () => call('Automation', 'Retrain')
export const getSettings = async () => call('Automation', 'Settings')
export const saveSettings = async (s: AutomationSettings) => call('Automation', 'SaveSettings', s)
export const setAIKey = async (key: string) => call('Automation', 'SetAIKey', key)
export const testAIEndpoint = async () => call('Automation', 'TestAIEndpoint')
export const pausedConversations = async () => (await call('Automation', 'PausedConversations')) ?? []
export const resumeConversation = async (id: number) => (await call('Automation', 'ResumeConversation', id)) ?? []

/** The languages a first-message notice is written in, in display order. */
export const NOTICE_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'ro', 'hi'] as const
