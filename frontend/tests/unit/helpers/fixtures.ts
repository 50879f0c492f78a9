// Small DTO builders for tests.
import type { Conversation, Message } from '@/api/types'

export function conv(id: number, over: Partial<Conversation> = {}): Conversation {
  return {
    id,
    accountId: 1,
    platform: 'telegram',
    kind: 'dm',
    title: `Conversation ${id}`,
    snippet: `snippet ${id}`,
    lastMessageAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 0) - id * 60_000).toISOString(),
    unread: 0,
    status: 'open',
    assignee: '',
    language: '',
    ...over,
  }
}

export function msg(id: number, conversationId: number, over: Partial<Message> = {}): Message {
  return {
    id,
    conversationId,
    externalId: `x${id}`,
    direction: 'in',
    authorName: 'Someone',
    text: `message ${id}`,
    sentAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + id * 1000).toISOString(),
    editedAt: '',
    deleted: false,
    state: 'received',
    error: null,
    attachments: [],
    ...over,
  }
}
