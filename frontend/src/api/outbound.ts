// Typed wrappers over app.Outbound: files sent with a reply, and approved WhatsApp templates.
import { call } from './bridge'
import type { Message } from './types'

/** One kind of file a conversation's platform takes. */
export interface AttachmentRule {
  kind: string
  mimeTypes: string[]
  extensions: string[]
  maxBytes: number
}

/** What files can be sent in a conversation (`supported` false: none). */
export interface AttachmentRules {
  platform: string
  supported: boolean
  rules: AttachmentRule[]
  maxFiles: number
  blockedExtensions: string[]
}

/** One file to send, its bytes base64-encoded. */
export interface AttachmentUpload {
  name: string
  mimeType: string
  dataBase64: string
}

/** An approved WhatsApp template; `params` is how many {{n}} its body has. */
export interface WhatsAppTemplate {
  name: string
  language: string
  category: string
  body: string
  params: number
}

declare module './bridge' {
  interface Bindings {
    Outbound: {
      AttachmentRules(conversationId: number): Promise<AttachmentRules>
      ReplyWithAttachments(conversationId: number, text: string, files: AttachmentUpload[]): Promise<Message>
      WhatsAppTemplates(conversationId: number): Promise<WhatsAppTemplate[]>
      SendWhatsAppTemplate(conversationId: number, name: string, language: string, params: string[]): Promise<Message>
    }
  }
}

export async function attachmentRules(conversationId: number): Promise<AttachmentRules> {
  const r = await call('Outbound', 'AttachmentRules', conversationId)
  return {
    platform: r?.platform ?? '',
    supported: !!r?.supported,
    rules: (r?.rules ?? []).map((x) => ({ ...x, mimeTypes: x.mimeTypes ?? [], extensions: x.extensions ?? [] })),
    maxFiles: r?.maxFiles ?? 0,
    blockedExtensions: r?.blockedExtensions ?? [],
  }
}

/** Resolves with the stored message in its final state, like reply(). */
export function replyWithAttachments(conversationId: number, text: string, files: AttachmentUpload[]): Promise<Message> {
  return call('Outbound', 'ReplyWithAttachments', conversationId, text, files)
}

export async function whatsAppTemplates(conversationId: number): Promise<WhatsAppTemplate[]> {
  return (await call('Outbound', 'WhatsAppTemplates', conversationId)) ?? []
}

export function sendWhatsAppTemplate(conversationId: number, name: string, language: string, params: string[]): Promise<Message> {
  return call('Outbound', 'SendWhatsAppTemplate', conversationId, name, language, params)
}
