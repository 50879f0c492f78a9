// Typed wrappers over app.Inbox.
import { call } from './bridge'
import type { Conversation, ConversationPage, ConversationQuery, InboxCounts, Message, SearchHit, Thread } from './types'

export async function listConversations(q: ConversationQuery): Promise<ConversationPage> {
  const page = await call('Inbox', 'ListConversations', q)
  return { items: page?.items ?? [], nextCursor: page?.nextCursor ?? '' }
}

/** The listed conversations (unknown ids are left out); refreshes rows an event names. */
export async function getConversations(ids: number[]): Promise<Conversation[]> {
  return (await call('Inbox', 'GetConversations', ids)) ?? []
}

/** The conversation and its messages, oldest first. */
export async function getThread(conversationId: number): Promise<Thread> {
  const thread = await call('Inbox', 'GetThread', conversationId)
  return { conversation: thread.conversation, messages: thread.messages ?? [] }
}

/** Resolves with the stored outgoing message in its final state ("sent" or "failed"). */
export function reply(conversationId: number, text: string): Promise<Message> {
  return call('Inbox', 'Reply', conversationId, text)
}

export function retrySend(messageId: number): Promise<Message> {
  return call('Inbox', 'RetrySend', messageId)
}

export async function markRead(conversationId: number): Promise<void> {
  await call('Inbox', 'MarkRead', conversationId)
}

export function setConversationStatus(conversationId: number, status: string): Promise<Conversation> {
  return call('Inbox', 'SetStatus', conversationId, status)
}

/** Newest first. */
export async function search(query: string, limit: number): Promise<SearchHit[]> {
  return (await call('Inbox', 'Search', query, limit)) ?? []
}

/** Unread and waiting counters for the navigation; a missing or odd field counts as 0. */
export async function getCounts(): Promise<InboxCounts> {
  const c = await call('Inbox', 'Counts')
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0)
  return { unreadMessages: n(c?.unreadMessages), unreadConversations: n(c?.unreadConversations), waiting: n(c?.waiting) }
}
