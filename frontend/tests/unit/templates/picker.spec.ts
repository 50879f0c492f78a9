// The composer's saved-reply picker: lists what matches the "/" query for the conversation,
// moves with the arrow keys, picks with Enter (rendering for the conversation), closes on Esc.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import type { Template, TemplateListQuery, TemplateRenderRequest } from '@/api/templates'
import TemplatePicker from '@/components/templates/TemplatePicker.vue'
import { installWails, uninstallWails } from '../helpers/wails'

function tpl(id: number, name: string, shortcut: string, usageCount = 0): Template {
  return {
    id, name, shortcut, usageCount, folderId: 0, channel: '', kind: '', starter: false, lastUsedAt: '', createdAt: '', updatedAt: '',
    variants: [{ language: 'en', body: `Body of ${name} for {first_name}` }],
  }
}

const all = [tpl(1, 'Order status', 'order', 3), tpl(2, 'Shipping times', 'shipping'), tpl(3, 'Thanks', 'thanks')]
let list: ReturnType<typeof vi.fn>
let render: ReturnType<typeof vi.fn>

beforeEach(() => {
  list = vi.fn(async (q: TemplateListQuery) => all.filter((t) => t.shortcut.startsWith(q.query)))
  render = vi.fn(async (req: TemplateRenderRequest) => ({
    templateId: req.templateId, text: `Rendered ${req.templateId} for Ana {order_id}`, missing: ['order_id'], language: 'ro',
    languageReason: 'conversation', values: {},
  }))
  installWails({ Templates: { List: list, Render: render } } as never)
})
afterEach(() => uninstallWails())

function mountPicker(query = '') {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: messages as never })
  return mount(TemplatePicker, { props: { query, conversationId: 42, debounce: 0 }, global: { plugins: [i18n] } })
}

function key(name: string, extra: KeyboardEventInit = {}): KeyboardEvent {
  return new KeyboardEvent('keydown', { key: name, cancelable: true, ...extra })
}

type PickerApi = { handleKey(e: KeyboardEvent): boolean }

function activeName(w: ReturnType<typeof mountPicker>): string {
  return w.find('[data-testid="template-option"][aria-selected="true"] .name').text()
}

describe('TemplatePicker', () => {
  it('lists the matches for the query and the conversation', async () => {
    const w = mountPicker('sh')
    await flushPromises()
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ query: 'sh', conversationId: 42, limit: 8 }))
    expect(w.findAll('[data-testid="template-option"]').map((o) => o.find('.name').text())).toEqual(['Shipping times'])
    await w.setProps({ query: 'zzz' })
    await new Promise((r) => setTimeout(r, 5))
    await flushPromises()
    expect(w.find('[data-testid="template-picker-empty"]').text()).toContain('zzz')
  })

  it('moves with the arrows (wrapping), picks with Enter and emits the rendered reply', async () => {
    const w = mountPicker()
    await flushPromises()
    const api = w.vm as unknown as PickerApi
    expect(activeName(w)).toBe('Order status')
    const down = key('ArrowDown')
    expect(api.handleKey(down)).toBe(true)
    expect(down.defaultPrevented).toBe(true)
    await flushPromises()
    expect(activeName(w)).toBe('Shipping times')
    api.handleKey(key('ArrowUp'))
    api.handleKey(key('ArrowUp'))
    await flushPromises()
    expect(activeName(w)).toBe('Thanks')
    expect(api.handleKey(key('Enter'))).toBe(true)
    await flushPromises()
    expect(render).toHaveBeenCalledWith(expect.objectContaining({ templateId: 3, conversationId: 42 }))
    expect(w.emitted('pick')).toEqual([
      [{ templateId: 3, text: 'Rendered 3 for Ana {order_id}', missing: ['order_id'], language: 'ro' }],
    ])
  })

  it('closes on Esc and leaves other keys to the composer', async () => {
    const w = mountPicker()
    await flushPromises()
    const api = w.vm as unknown as PickerApi
    expect(api.handleKey(key('a'))).toBe(false)
    expect(api.handleKey(key('Enter', { ctrlKey: true }))).toBe(false)
    expect(api.handleKey(key('Escape'))).toBe(true)
    expect(w.emitted('close')).toHaveLength(1)
    expect(w.emitted('pick')).toBeUndefined()
  })

  it('picks with a click too', async () => {
    const w = mountPicker()
    await flushPromises()
    await w.findAll('[data-testid="template-option"]')[1]!.trigger('click')
    await flushPromises()
    expect(w.emitted('pick')![0]![0]).toMatchObject({ templateId: 2 })
  })
})
