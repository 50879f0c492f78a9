// The generic connect form, mounted: required fields, cleaning (Mastodon's https://, Bluesky's @),
// the request each platform sends to Accounts.Connect, and a rejected connect shown as the
// translated AppError. The platform picker switches forms.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Account, ConnectRequest } from '@/api/types'
import { i18n } from '@/i18n'
import ConnectAccount from '@/components/connect/ConnectAccount.vue'
import ConnectForm from '@/components/connect/ConnectForm.vue'
import { bluesky, COMING_SOON, CONNECT_PLATFORMS, mastodon, telegram, type ConnectPlatform } from '@/components/connect/platforms'
import { installWails, uninstallWails } from './helpers/wails'

const account = (over: Partial<Account> = {}): Account => ({
  id: 42,
  platform: 'mastodon',
  name: 'Glaze & Co.',
  handle: 'glazeco',
  status: 'syncing',
  lastSyncAt: '',
  lastError: null,
  itemsSynced: 0,
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
})

/** How the Wails runtime rejects: new Error(<the Go ErrorFormatter's JSON>). */
const goError = (key: string, args: Record<string, string> = {}) =>
  new Error(JSON.stringify({ code: key.split('.').pop(), key, args, message: key }))

let connect: ReturnType<typeof vi.fn>
let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'en'
  connect = vi.fn(async (req: ConnectRequest) => account({ platform: req.platform }))
  installWails({ Accounts: { Connect: connect as never } })
})
afterEach(() => {
  uninstallWails()
  document.body.innerHTML = ''
})

function mountForm(platform: ConnectPlatform): VueWrapper {
  return mount(ConnectForm, { props: { platform }, global: { plugins: [pinia, i18n] }, attachTo: document.body })
}

async function type(w: VueWrapper, testid: string, value: string): Promise<void> {
  await w.get(`input[data-testid="${testid}"]`).setValue(value)
}

async function submit(w: VueWrapper): Promise<void> {
  await w.get('form').trigger('submit')
  await flushPromises()
}

const inputValue = (w: VueWrapper, testid: string) => (w.get(`input[data-testid="${testid}"]`).element as HTMLInputElement).value
const feedback = (w: VueWrapper, field: string) => w.get(`[data-field="${field}"]`).text()

describe('required fields', () => {
  it('Mastodon: asks for the server and the token, and sends nothing', async () => {
    const w = mountForm(mastodon)
    await submit(w)
    expect(connect).not.toHaveBeenCalled()
    expect(feedback(w, 'baseUrl')).toContain('Enter the address of your Mastodon server.')
    expect(feedback(w, 'token')).toContain('Paste the access token first.')
    // Typing into a field clears its message.
    await type(w, 'connect-token', 'x')
    expect(feedback(w, 'token')).not.toContain('Paste the access token first.')
  })

  it('Bluesky: asks for the handle and the app password', async () => {
    const w = mountForm(bluesky)
    await submit(w)
    expect(connect).not.toHaveBeenCalled()
    expect(feedback(w, 'identifier')).toContain('Enter your Bluesky handle.')
    expect(feedback(w, 'token')).toContain('Paste the app password first.')
  })

  it('Telegram: asks for the token; the name stays optional', async () => {
    const w = mountForm(telegram)
    await type(w, 'connect-name', 'Shop bot')
    await submit(w)
    expect(connect).not.toHaveBeenCalled()
    expect(feedback(w, 'token')).toContain('Paste the bot token first.')
  })
})

describe('requests sent to Accounts.Connect', () => {
  it('Mastodon: "mastodon.social" becomes https://mastodon.social', async () => {
    const w = mountForm(mastodon)
    await type(w, 'connect-base-url', 'mastodon.social/')
    await type(w, 'connect-token', '  secret-token  ')
    await submit(w)
    expect(connect).toHaveBeenCalledTimes(1)
    expect(connect.mock.calls[0]![0]).toEqual({ platform: 'mastodon', token: 'secret-token', name: '', baseUrl: 'https://mastodon.social', extra: {} })
    expect(w.emitted('connected')?.[0]?.[0]).toMatchObject({ id: 42, platform: 'mastodon' })
    // Cleared after connecting: nothing secret stays in the form.
    expect(inputValue(w, 'connect-token')).toBe('')
    expect(inputValue(w, 'connect-base-url')).toBe('')
  })

  it('Mastodon: a plain-http server elsewhere is refused before any call', async () => {
    const w = mountForm(mastodon)
    await type(w, 'connect-base-url', 'http://mastodon.social')
    await type(w, 'connect-token', 'tok')
    await submit(w)
    expect(connect).not.toHaveBeenCalled()
    expect(feedback(w, 'baseUrl')).toContain('starts with https://')
  })

  it('Bluesky: strips the @ and sends the handle as extra.identifier', async () => {
    const w = mountForm(bluesky)
    await type(w, 'connect-identifier', '@name.bsky.social')
    await type(w, 'connect-token', 'abcd-efgh-ijkl-mnop')
    await type(w, 'connect-name', ' Shop ')
    await submit(w)
    expect(connect.mock.calls[0]![0]).toEqual({
      platform: 'bluesky',
      token: 'abcd-efgh-ijkl-mnop',
      name: 'Shop',
      baseUrl: '',
      extra: { identifier: 'name.bsky.social' },
    })
  })

  it('Bluesky: shows the cleaned handle, and refuses what looks like a main password', async () => {
    const w = mountForm(bluesky)
    await type(w, 'connect-identifier', '@name.bsky.social')
    await type(w, 'connect-token', 'MyMainPassword1')
    await submit(w)
    expect(connect).not.toHaveBeenCalled()
    expect(inputValue(w, 'connect-identifier')).toBe('name.bsky.social')
    expect(feedback(w, 'token')).toContain('An app password looks like xxxx-xxxx-xxxx-xxxx')
    expect(w.get('input[data-testid="connect-token"]').attributes('type')).toBe('password')
  })

  it('Bluesky: an advanced server address is cleaned too', async () => {
    const w = mountForm(bluesky)
    await type(w, 'connect-identifier', 'name.example.com')
    await type(w, 'connect-token', 'abcd-efgh-ijkl-mnop')
    await w.get('[data-testid="connect-advanced"] .n-collapse-item__header-main').trigger('click')
    await type(w, 'connect-base-url', 'pds.example.com/')
    await submit(w)
    expect(connect.mock.calls[0]![0]).toMatchObject({ baseUrl: 'https://pds.example.com', extra: { identifier: 'name.example.com' } })
  })

  it('Telegram: sends the token through the generic Connect', async () => {
    const w = mountForm(telegram)
    await type(w, 'connect-token', '123456:ABCDEFGHIJK')
    await submit(w)
    expect(connect.mock.calls[0]![0]).toEqual({ platform: 'telegram', token: '123456:ABCDEFGHIJK', name: '', baseUrl: '', extra: {} })
  })
})

describe('errors from the Go side', () => {
  it('shows the translated AppError and keeps what was typed', async () => {
    connect.mockRejectedValueOnce(goError('errors.platform.auth'))
    const w = mountForm(mastodon)
    await type(w, 'connect-base-url', 'https://mastodon.social')
    await type(w, 'connect-token', 'wrong')
    await submit(w)
    const alert = w.get('[data-testid="connect-mastodon"] [data-testid="app-error"]')
    expect(alert.text()).toContain('The platform rejected the login.')
    expect(w.emitted('connected')).toBeUndefined()
    expect(inputValue(w, 'connect-token')).toBe('wrong')
  })

  it('shows errors.bluesky.noDMAccess in the current language', async () => {
    i18n.global.locale.value = 'ro'
    connect.mockRejectedValueOnce(goError('errors.bluesky.noDMAccess'))
    const w = mountForm(bluesky)
    await type(w, 'connect-identifier', 'name.bsky.social')
    await type(w, 'connect-token', 'abcd-efgh-ijkl-mnop')
    await submit(w)
    expect(w.get('[data-testid="app-error"]').text()).toContain('Permite accesul la mesajele directe')
  })

  it('shows errors.invalidInput with its detail', async () => {
    connect.mockRejectedValueOnce(goError('errors.invalidInput', { detail: 'platform' }))
    const w = mountForm(telegram)
    await type(w, 'connect-token', '123456:ABCDEFGHIJK')
    await submit(w)
    expect(w.get('[data-testid="app-error"]').text()).toBe('That input is not valid: platform')
  })
})

describe('the platform picker', () => {
  it('starts with Telegram and switches to another platform’s form, arrow keys included', async () => {
    const w = mount(ConnectAccount, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
    expect(w.find('[data-testid="connect-telegram"]').exists()).toBe(true)
    expect(w.get('[data-testid="connect-platform-telegram"]').attributes('aria-checked')).toBe('true')

    await w.get('[data-testid="connect-platform-mastodon"]').trigger('click')
    expect(w.find('[data-testid="connect-telegram"]').exists()).toBe(false)
    expect(w.find('[data-testid="connect-mastodon"]').exists()).toBe(true)
    expect(w.get('[data-testid="connect-platform-mastodon"]').attributes('aria-checked')).toBe('true')

    await w.get('[data-testid="connect-platform-mastodon"]').trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(w.find('[data-testid="connect-bluesky"]').exists()).toBe(true)
    expect(document.activeElement?.getAttribute('data-testid')).toBe('connect-platform-bluesky')
  })

  it('shows no "not available yet" section once every platform can be connected', () => {
    const w = mount(ConnectAccount, { global: { plugins: [pinia, i18n] } })
    expect(COMING_SOON).toEqual([])
    expect(w.find('[data-testid="connect-coming-soon"]').exists()).toBe(false)
    for (const id of ['whatsapp', 'youtube', 'tiktok']) expect(CONNECT_PLATFORMS.some((p) => p.id === id)).toBe(true)
  })
})
