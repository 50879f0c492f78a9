// DTOs exchanged with the Go side, written by hand from docs/frontend-contract.md.
// Field names are the camelCase JSON the bound methods return. Times are RFC 3339
// strings, "" when unset.

/** The JSON shape of an error as the Go ErrorFormatter sends it. */
export interface AppErrorDTO {
  code: string
  /** i18n key under `errors.*`. */
  key: string
  /** Values for the key's placeholders. */
  args: Record<string, unknown> | null
  /** English fallback text. */
  message: string
}

export type WorkspaceMode = 'empty' | 'ready' | 'demo'

export interface KeyringStatus {
  available: boolean
  error: AppErrorDTO | null
}

export interface WorkspaceStatus {
  mode: WorkspaceMode
  dataDir: string
  version: string
  keyring: KeyringStatus
  accountCount: number
}

/** "" follows the OS / browser languages. */
export type LanguageSetting = '' | 'en' | 'zh-Hans' | 'zh-Hant' | 'ro' | 'hi'
export type ThemeSetting = 'system' | 'light' | 'dark'

export interface Settings {
  language: LanguageSetting
  theme: ThemeSetting
}

export type AccountStatus = 'connected' | 'syncing' | 'error' | 'needs_reconnect' | 'disconnected' | 'imported'

export interface Account {
  id: number
  platform: string
  name: string
  handle: string
  status: AccountStatus
  lastSyncAt: string
  lastError: AppErrorDTO | null
  itemsSynced: number
  createdAt: string
}

export interface ConnectTelegramRequest {
  token: string
  name: string
  /** "" = the real Telegram Bot API. */
  baseUrl: string
}

/** Inbox counters for the navigation and the list header. */
export interface InboxCounts {
  unreadMessages: number
  unreadConversations: number
  /** Open conversations whose customer has waited longer than the response target. */
  waiting: number
}

/** Connects an account of any supported platform with a pasted token. */
export interface ConnectRequest {
  platform: string
  token: string
  name: string
  /** "" = the platform's public API (required for Mastodon: the instance URL). */
  baseUrl: string
  /** Non-secret settings the platform needs (Bluesky: identifier). */
  extra: Record<string, string>
}

export type ConversationKind = 'dm' | 'comment'
export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved'

export interface Conversation {
  id: number
  accountId: number
  platform: string
  kind: ConversationKind
  title: string
  snippet: string
  lastMessageAt: string
  unread: number
  status: ConversationStatus
  /** A member id as text, "" when unassigned. */
  assignee: string
  language: string
  // Triage fields: always sent by the Go side; optional here so row builders in tests
  // written before them still type-check.
  /** 0 when the conversation has no contact. */
  contactId?: number
  tagIds?: number[]
  /** none | ok | warning | breached | met, "" without an SLA timer. */
  slaState?: string
  slaDueAt?: string
  /** When a snoozed conversation comes back ("" when not snoozed). */
  snoozedUntil?: string
  /** The platform's reply length limit here (null: none known). */
  limit?: ReplyLimit | null
  /** When the messaging window closes ("" with none, or when it never opened; see windowApplies). */
  windowClosesAt?: string
  windowApplies?: boolean
  /** A comment of the conversation is hidden on its platform. */
  hasHidden?: boolean
}

/** How long a reply may be, and what is counted (see composables/useReplyLength.ts). */
export interface ReplyLimit {
  max: number
  unit: 'bytes' | 'graphemes' | 'characters' | 'mastodon'
}

/** "" (or 0) in any field means "any". */
export interface ConversationQuery {
  cursor: string
  limit: number
  platform: string
  kind: string
  status: string
  unreadOnly: boolean
  accountId: number
  tagId: number
  /** "" anyone, "none" unassigned, "me" who is working, or a member id. */
  assignee: string
  slaState: string
  language: string
  /** Keeps conversations whose customer's last, unanswered message waited at least this long (0 = any). */
  waitingMinMinutes: number
}

export interface ConversationPage {
  items: Conversation[]
  /** "" on the last page. */
  nextCursor: string
}

export type MessageDirection = 'in' | 'out'
export type MessageState = 'received' | 'queued' | 'sent' | 'failed'

export interface Attachment {
  kind: string
  name: string
  /** Known for files sent from the app and when the platform reports it ("" otherwise). */
  mimeType: string
  /** Bytes; 0 when unknown. */
  size: number
}

export interface Message {
  id: number
  conversationId: number
  externalId: string
  direction: MessageDirection
  authorName: string
  text: string
  sentAt: string
  editedAt: string
  deleted: boolean
  state: MessageState
  error: AppErrorDTO | null
  attachments: Attachment[]
  /** The comment is hidden from public view on its platform. */
  hidden?: boolean
  /** The comment (message id) this message answered privately; 0 for a normal message. */
  privateReplyTo?: number
  /** A comment that already has its one private reply. */
  privatelyAnswered?: boolean
}

export interface Thread {
  conversation: Conversation
  /** Oldest first. */
  messages: Message[]
}

export interface SearchFragment {
  text: string
  hit: boolean
}

export interface SearchHit {
  conversationId: number
  messageId: number
  title: string
  platform: string
  sentAt: string
  fragments: SearchFragment[]
}

/** Payload of the `inbox:changed` event. */
export interface InboxChanged {
  conversationIds: number[]
}

/** Event names and their payloads (window.runtime.EventsOn). */
export interface AppEvents {
  'sync:status': Account
  'inbox:changed': InboxChanged
  'message:state': Message
  'workspace:changed': WorkspaceStatus
}
