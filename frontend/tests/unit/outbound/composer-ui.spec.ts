// The composer's attachments panel and the WhatsApp template dialog against stubbed bindings:
// the platform's accepted types are shown, a program and an oversized photo are refused with
// a translated reason, accepted files are listed with their size; the dialog lists approved
// templates, previews the filled body, blocks sending until every value is there, and sends
// through Outbound.SendWhatsAppTemplate.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import type { AttachmentRules, WhatsAppTemplate } from '@/api/outbound'
import ComposerAttachments from '@/views/InboxView/components/ComposerAttachments.vue'
import ComposerTemplateDialog from '@/views/InboxView/components/ComposerTemplateDialog.vue'
import { useInboxStore } from '@/stores/inbox'
import { installWails, uninstallWails } from '../helpers/wails'

const MB = 1024 * 1024
const rules: AttachmentRules = {
  platform: 'whatsapp',
  supported: true,
  maxFiles: 2,
  blockedExtensions: ['.exe'],
  rules: [
    { kind: 'image', mimeTypes: ['image/jpeg', 'image/png'], extensions: ['.jpg', '.png'], maxBytes: 5 * MB },
    { kind: 'document', mimeTypes: ['application/pdf'], extensions: ['.pdf'], maxBytes: 25 * MB },
  ],
}
const templates: WhatsAppTemplate[] = [
  { name: 'order_update', language: 'en_US', category: 'UTILITY', body: 'Hi {{1}}, your order {{2}} is on its way.', params: 2 },
]

function i18n() {
  return createI18n({ legacy: false, locale: 'en', messages: messages as never })
}

function file(name: string, type: string, size: number): File {
  return new File([new Uint8Array(size)], name, { type })
}

let sendTemplate: ReturnType<typeof vi.fn>
beforeEach(() => {
  setActivePinia(createPinia())
  sendTemplate = vi.fn(async (id: number, name: string) => ({
    id: 9, conversationId: id, externalId: 'wamid.1', direction: 'out', authorName: 'me', text: `sent ${name}`, sentAt: '',
    editedAt: '', deleted: false, state: 'sent', error: null, attachments: [], hidden: false, privateReplyTo: 0, privatelyAnswered: false,
  }))
  installWails({
    Outbound: {
      AttachmentRules: vi.fn(async () => rules),
      WhatsAppTemplates: vi.fn(async () => templates),
      SendWhatsAppTemplate: sendTemplate,
    },
    Inbox: { GetConversations: vi.fn(async () => []), ListConversations: vi.fn(async () => ({ items: [], nextCursor: '' })) },
  } as never)
})
afterEach(() => uninstallWails())

describe('ComposerAttachments', () => {
  it('shows what the platform accepts and refuses the rest with a reason', async () => {
    const w = mount(ComposerAttachments, { props: { conversationId: 5, platform: 'whatsapp' }, global: { plugins: [i18n()] } })
    await flushPromises()
    const api = w.vm as unknown as { choose(): void; add(f: File[]): Promise<void>; files: { name: string }[] }
    api.choose()
    await flushPromises()
    const shown = w.find('[data-testid="composer-attach-rules"]').text()
    expect(shown).toContain('WhatsApp accepts:')
    expect(shown).toContain('Photos: .jpg .png, up to 5 MB')
    await api.add([file('setup.exe', 'application/x-msdownload', 10), file('huge.jpg', 'image/jpeg', 6 * MB), file('guide.pdf', 'application/pdf', 2048)])
    await flushPromises()
    const refused = w.find('[data-testid="composer-attach-refused"]').text()
    expect(refused).toContain('setup.exe was not added: programs and scripts are never sent')
    expect(refused).toContain('huge.jpg was not added: it is 6 MB, and WhatsApp accepts at most 5 MB')
    const listed = w.findAll('[data-testid="composer-file"]')
    expect(listed).toHaveLength(1)
    expect(listed[0]!.text()).toContain('guide.pdf')
    expect(listed[0]!.text()).toContain('2 KB')
    expect(w.emitted('change')).toBeTruthy()
  })

  it('says so when the platform takes no files', async () => {
    installWails({ Outbound: { AttachmentRules: vi.fn(async () => ({ ...rules, platform: 'mastodon', supported: false, rules: [] })) } } as never)
    const w = mount(ComposerAttachments, { props: { conversationId: 6, platform: 'mastodon' }, global: { plugins: [i18n()] } })
    await flushPromises()
    ;(w.vm as unknown as { choose(): void }).choose()
    await flushPromises()
    expect(w.find('[data-testid="composer-attach-note"]').text()).toContain('CreatorDesk cannot send files on Mastodon')
  })
})

describe('ComposerTemplateDialog', () => {
  it('previews the filled template and sends it only when complete', async () => {
    const inbox = useInboxStore()
    inbox.selectedId = 7
    const w = mount(ComposerTemplateDialog, {
      props: { show: true, conversationId: 7 },
      global: { plugins: [i18n()], stubs: { teleport: true } },
      attachTo: document.body,
    })
    await flushPromises()
    const body = document.body
    const preview = () => body.querySelector('[data-testid="template-preview"]')?.textContent ?? ''
    const sendBtn = () => body.querySelector<HTMLButtonElement>('[data-testid="template-send"]')!
    expect(preview()).toBe('Hi {{1}}, your order {{2}} is on its way.')
    expect(sendBtn().disabled).toBe(true)
    expect(body.querySelector('[data-testid="template-missing"]')?.textContent).toContain('1, 2')
    const fill = async (n: number, v: string) => {
      const el = body.querySelector<HTMLInputElement>(`[data-testid="template-param-${n}"] input`)!
      el.value = v
      el.dispatchEvent(new Event('input'))
      await flushPromises()
    }
    await fill(1, 'Ana')
    await fill(2, '#1042')
    expect(preview()).toBe('Hi Ana, your order #1042 is on its way.')
    expect(sendBtn().disabled).toBe(false)
    sendBtn().click()
    await flushPromises()
    expect(sendTemplate).toHaveBeenCalledWith(7, 'order_update', 'en_US', ['Ana', '#1042'])
    expect(w.emitted('sent')).toBeTruthy()
    w.unmount()
  })
})
