// The inbox conversation list: rows show the same labels as a plain t() would (resolved once per
// language by rowLabels.ts), and the memoized row boxes still follow every change that matters
// (selection, the active row, ticks, row updates, language) while paging through the store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { i18n } from '@/i18n'
import type { ConversationPage, ConversationQuery } from '@/api/types'
import { useInboxStore } from '@/stores/inbox'
import ConversationList from '@/views/InboxView/components/ConversationList.vue'
import ConversationRow from '@/views/InboxView/components/ConversationRow.vue'
import { createRowLabels, type RowLabels } from '@/views/InboxView/components/rowLabels'
import { installWails, uninstallWails } from './helpers/wails'
import { conv } from './helpers/fixtures'

const t = i18n.global.t

/** Mounts a component that only builds a set of row labels, and hands them back. */
function labelsProbe(): RowLabels {
  let labels: RowLabels | null = null
  mount(
    defineComponent({
      setup() {
        labels = createRowLabels()
        return () => h('i')
      },
    }),
    { global: { plugins: [i18n] } },
  )
  return labels!
}

beforeEach(() => {
  i18n.global.locale.value = 'en'
})
afterEach(() => {
  i18n.global.locale.value = 'en'
})

describe('row labels', () => {
  it('fills a one-parameter message exactly like t(), whatever the value holds', () => {
    const labels = labelsProbe()
    for (const locale of ['en', 'hi', 'ro', 'zh-Hant'] as const) {
      i18n.global.locale.value = locale
      for (const title of ['Ana', '{title} @:x | y', 'a\u0000b', '<b>Eve</b>', '']) {
        expect(labels.fill('triage.bulk.select', 'title', title)).toBe(t('triage.bulk.select', { title }))
        expect(labels.fill('triage.assign.assignedTo', 'name', title)).toBe(t('triage.assign.assignedTo', { name: title }))
      }
    }
  })

  it('gives each count its plural form in the current language', () => {
    const labels = labelsProbe()
    i18n.global.locale.value = 'ro'
    const forms = [1, 3, 25].map((n) => labels.count('inbox.list.unread', n))
    expect(forms).toEqual([1, 3, 25].map((n) => t('inbox.list.unread', { n }, n)))
    expect(new Set(forms.map((f) => f.replace(/\d+/, '#'))).size).toBe(3)
  })

  it('follows a language switch instead of keeping the first language', () => {
    const labels = labelsProbe()
    expect(labels.text('conversationStatus.pending')).toBe('Pending')
    i18n.global.locale.value = 'ro'
    expect(labels.text('conversationStatus.pending')).toBe('În așteptare')
    expect(labels.platformName('telegram')).toBe(t('platforms.telegram'))
    expect(labels.platformInitial('telegram')).toBe('T')
    expect(labels.platformName('someplace')).toBe('someplace')
    expect(labels.platformInitial('')).toBe('?')
  })
})

describe('conversation row', () => {
  it('shows the platform, time, status, unread count and hidden mark with their labels', () => {
    const c = conv(7, { platform: 'instagram', status: 'pending', unread: 120, hasHidden: true, title: 'Ioana' })
    const w = mount(ConversationRow, {
      props: { conversation: c, selected: true, active: false, checked: true },
      global: { plugins: [i18n, createPinia()] },
    })
    const badge = w.get('[data-testid="platform-badge"]')
    expect(badge.attributes('data-platform')).toBe('instagram')
    expect(badge.attributes('aria-label')).toBe('Instagram')
    expect(badge.text()).toBe('I')
    const time = w.get('time')
    expect(time.attributes('datetime')).toBe(c.lastMessageAt)
    expect(time.text()).not.toBe('')
    expect(time.attributes('title')).not.toBe('')
    expect(w.get('.status').text()).toBe('Pending')
    expect(w.get('[data-testid="conversation-unread"]').text()).toBe('99+')
    expect(w.get('[data-testid="conversation-unread"]').attributes('aria-label')).toBe(t('inbox.list.unread', { n: 120 }, 120))
    expect(w.get('[data-testid="conversation-check"]').attributes('aria-label')).toBe(t('triage.bulk.select', { title: 'Ioana' }))
    expect(w.find('[data-testid="conversation-hidden"]').exists()).toBe(true)
    expect(w.get('[data-testid="conversation-row"]').classes()).toEqual(expect.arrayContaining(['selected', 'checked', 'has-unread']))
  })
})

describe('conversation list', () => {
  let pinia: Pinia
  const pages: Record<string, ConversationPage> = {}

  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
    // jsdom lays nothing out: give the scroller a window's worth of height.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(340)
    const first = Array.from({ length: 50 }, (_, i) => conv(i + 1, { status: i === 2 ? 'pending' : 'open' }))
    pages[''] = { items: first, nextCursor: 'c2' }
    pages['c2'] = { items: [conv(51), conv(52)], nextCursor: '' }
    installWails({
      Inbox: { ListConversations: (async (q: ConversationQuery) => pages[q.cursor] ?? { items: [], nextCursor: '' }) as never },
    })
  })
  afterEach(() => {
    useInboxStore().stop()
    uninstallWails()
  })

  async function mountList(activeId: number | null = null) {
    const inbox = useInboxStore()
    await inbox.loadNextPage()
    const w = mount(ConversationList, { props: { activeId }, global: { plugins: [i18n, pinia] } })
    await flushPromises()
    return { w, inbox }
  }
  const ids = (w: ReturnType<typeof mount>) => w.findAll('[data-testid="conversation-row"]').map((r) => Number(r.attributes('data-conversation-id')))
  const row = (w: ReturnType<typeof mount>, id: number) => w.get(`[data-testid="conversation-row"][data-conversation-id="${id}"]`)

  it('renders the rows on screen in order, not all of them', async () => {
    const { w } = await mountList()
    const shown = ids(w)
    expect(shown.length).toBeGreaterThan(5)
    expect(shown.length).toBeLessThan(50)
    expect(shown).toEqual(shown.map((_, i) => i + 1))
  })

  it('moves the selected, active and ticked marks when the store or the prop changes', async () => {
    const { w, inbox } = await mountList(1)
    expect(row(w, 1).classes()).toContain('active')

    await w.setProps({ activeId: 2 })
    expect(row(w, 1).classes()).not.toContain('active')
    expect(row(w, 2).classes()).toContain('active')

    inbox.selectedId = 3
    await nextTick()
    expect(row(w, 3).classes()).toContain('selected')

    await row(w, 4).get('[data-testid="conversation-check"]').trigger('click')
    expect(inbox.checked.has(4)).toBe(true)
    expect(row(w, 4).attributes('data-checked')).toBe('true')
    await row(w, 6).get('[data-testid="conversation-check"]').trigger('click', { shiftKey: true })
    expect([...inbox.checked].sort()).toEqual([4, 5, 6])
    expect(row(w, 5).attributes('data-checked')).toBe('true')

    inbox.clearChecked()
    await nextTick()
    expect(row(w, 4).attributes('data-checked')).toBe('false')
  })

  it('shows a row the store replaced, and opens a row on click', async () => {
    const { w, inbox } = await mountList()
    inbox.applyRows([conv(2, { title: 'Renamed', unread: 4 })])
    await nextTick()
    expect(row(w, 2).get('[data-testid="conversation-title"]').text()).toBe('Renamed')
    expect(row(w, 2).get('[data-testid="conversation-unread"]').text()).toBe('4')

    await row(w, 2).trigger('click')
    expect(w.emitted('open')).toEqual([[2]])
  })

  it('follows a language switch in the rows it keeps', async () => {
    const { w } = await mountList()
    expect(row(w, 3).get('.status').text()).toBe('Pending')
    i18n.global.locale.value = 'ro'
    await nextTick()
    expect(row(w, 3).get('.status').text()).toBe('În așteptare')
    expect(w.get('[data-testid="conversation-list"]').attributes('aria-label')).toBe(t('inbox.list.label'))
  })
})
