// Platform text is rendered as text: markup in a message never becomes elements.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { i18n } from '@/i18n'
import MessageItem from '@/views/InboxView/components/MessageItem.vue'
import ConversationRow from '@/views/InboxView/components/ConversationRow.vue'
import SearchResults from '@/views/InboxView/components/SearchResults.vue'
import { useInboxStore } from '@/stores/inbox'
import { conv, msg } from './helpers/fixtures'

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>'

describe('hostile platform text', () => {
  it('shows a message text literally, creating no img or script element', () => {
    const w = mount(MessageItem, {
      props: { message: msg(1, 1, { text: HOSTILE, authorName: '<b>Eve</b>', attachments: [{ kind: 'document', name: '<svg onload=alert(3)>', mimeType: 'image/svg+xml', size: 2048 }] }) },
      global: { plugins: [i18n] },
    })
    expect(w.find('[data-testid="message-text"]').text()).toBe(HOSTILE)
    expect(w.find('[data-testid="message-author"]').text()).toBe('<b>Eve</b>')
    expect(w.element.querySelector('img, script, b, svg[onload]')).toBeNull()
    expect(w.find('[data-testid="message-attachment-size"]').text()).toMatch(/^2(\.0)?\s?KB$/)
    expect(w.html()).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;')
  })

  it('shows a conversation title and snippet literally', () => {
    const w = mount(ConversationRow, {
      props: { conversation: conv(1, { title: HOSTILE, snippet: HOSTILE }), selected: false, active: false },
      global: { plugins: [i18n, createPinia()] },
    })
    expect(w.find('[data-testid="conversation-title"]').text()).toBe(HOSTILE)
    expect(w.find('[data-testid="conversation-snippet"]').text()).toBe(HOSTILE)
    expect(w.element.querySelector('img, script')).toBeNull()
  })

  it('shows search fragments as text and marks only the hits', () => {
    const pinia = createPinia()
    const w = mount(SearchResults, { global: { plugins: [i18n, pinia] } })
    const inbox = useInboxStore(pinia)
    inbox.searchQuery = 'x'
    inbox.searchHits = [
      {
        conversationId: 1,
        messageId: 2,
        title: HOSTILE,
        platform: 'telegram',
        sentAt: '',
        fragments: [
          { text: '<img src=x onerror=alert(1)>', hit: false },
          { text: '<script>alert(2)</script>', hit: true },
        ],
      },
    ]
    return w.vm.$nextTick().then(() => {
      const hit = w.find('[data-testid="search-hit-text"]')
      expect(hit.text()).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>')
      expect(hit.findAll('mark').map((m) => m.text())).toEqual(['<script>alert(2)</script>'])
      expect(w.element.querySelector('img, script')).toBeNull()
    })
  })
})

describe('source guard', () => {
  it('has no v-html, innerHTML or insertAdjacentHTML anywhere in src/', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs')
    const { join } = await import('node:path')
    const root = join(__dirname, '../../src')
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name)
        if (statSync(p).isDirectory()) walk(p)
        else if (/\.(vue|ts)$/.test(name) && /v-html\s*=|\.(innerHTML|outerHTML)\b|insertAdjacentHTML\s*\(/.test(readFileSync(p, 'utf8'))) offenders.push(p)
      }
    }
    walk(root)
    expect(offenders).toEqual([])
  })
})
