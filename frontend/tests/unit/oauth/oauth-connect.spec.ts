// The browser sign-in component, mounted against a fake OAuth binding: it starts the flow with
// the typed client, shows "waiting for your browser" with the link, follows the flow to "done"
// (emitting the account), shows a declined sign-in translated, and cancels on request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { OAuthFlow, OAuthStartRequest } from '@/api/oauth'
import type { Account } from '@/api/types'
import { i18n } from '@/i18n'
import OAuthConnect from '@/components/connect/oauth/OAuthConnect.vue'
import { POLL_MS } from '@/components/connect/oauth/flow'
import { installWails, uninstallWails } from '../helpers/wails'

const account: Account = {
  id: 5,
  platform: 'youtube',
  name: 'Brand Studio',
  handle: '@brandstudio',
  status: 'syncing',
  lastSyncAt: '',
  lastError: null,
  itemsSynced: 0,
  createdAt: '2026-01-01T00:00:00Z',
}

const flow = (over: Partial<OAuthFlow> = {}): OAuthFlow => ({
  id: 'f1',
  platform: 'youtube',
  state: 'waiting',
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=12-ab',
  browserOpened: true,
  startedAt: '2026-01-01T00:00:00Z',
  endedAt: '',
  account: null,
  error: null,
  ...over,
})

let pinia: Pinia
let start: ReturnType<typeof vi.fn>
let status: ReturnType<typeof vi.fn>
let cancel: ReturnType<typeof vi.fn>

beforeEach(() => {
  vi.useFakeTimers()
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'en'
  start = vi.fn(async (_req: OAuthStartRequest) => flow())
  status = vi.fn(async () => flow({ state: 'done', account }))
  cancel = vi.fn(async () => flow({ state: 'canceled', error: { code: 'oauth_canceled', key: 'errors.oauth.canceled', args: {}, message: '' } }))
  installWails({
    OAuth: {
      Start: start as never,
      Status: status as never,
      Cancel: cancel as never,
      SavedClient: (async () => ({ provider: 'google', clientId: '', hasSecret: false })) as never,
    },
  } as never)
})
afterEach(() => {
  vi.useRealTimers()
  uninstallWails()
  document.body.innerHTML = ''
})

function mountIt(): VueWrapper {
  return mount(OAuthConnect, { props: { platform: 'youtube' }, global: { plugins: [pinia, i18n] }, attachTo: document.body })
}

async function fill(w: VueWrapper): Promise<void> {
  await w.get('input[data-testid="oauth-client-id"]').setValue('12-ab.apps.googleusercontent.com')
  await w.get('input[data-testid="oauth-client-secret"]').setValue('GOCSPX-x')
  await w.get('form').trigger('submit')
  await flushPromises()
}

describe('OAuthConnect', () => {
  it('refuses to start without a client', async () => {
    const w = mountIt()
    await flushPromises()
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(start).not.toHaveBeenCalled()
    expect(w.text()).toContain('Enter the client ID of your Google Cloud OAuth client.')
  })

  it('waits for the browser, then emits the connected account', async () => {
    const w = mountIt()
    await flushPromises()
    await fill(w)
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ platform: 'youtube', clientId: '12-ab.apps.googleusercontent.com', clientSecret: 'GOCSPX-x' }))
    expect(w.get('[data-testid="oauth-state"]').text()).toBe('Waiting for your browser… Finish signing in there.')
    expect((w.get('input[data-testid="oauth-auth-link"]').element as HTMLInputElement).value).toContain('accounts.google.com')
    // The secret does not stay in the form once sent.
    expect((w.get('input[data-testid="oauth-client-secret"]').element as HTMLInputElement).value).toBe('')
    await vi.advanceTimersByTimeAsync(POLL_MS + 10)
    await flushPromises()
    expect(status).toHaveBeenCalledWith('f1')
    expect(w.emitted('connected')?.[0]).toEqual([account])
    expect(w.get('[data-testid="oauth-waiting"]').attributes('data-state')).toBe('done')
  })

  it('shows a declined sign-in translated and lets the person start again', async () => {
    status.mockResolvedValue(flow({ state: 'failed', error: { code: 'oauth_denied', key: 'errors.oauth.denied', args: {}, message: 'denied' } }))
    const w = mountIt()
    await flushPromises()
    await fill(w)
    await vi.advanceTimersByTimeAsync(POLL_MS + 10)
    await flushPromises()
    expect(w.get('[data-testid="app-error"]').text()).toContain('Access was not allowed in the browser.')
    expect(w.find('[data-testid="oauth-submit"]').exists()).toBe(true)
    expect(w.emitted('connected')).toBeUndefined()
  })

  it('cancels a waiting sign-in, and when the form goes away', async () => {
    const w = mountIt()
    await flushPromises()
    await fill(w)
    await w.get('[data-testid="oauth-cancel"]').trigger('click')
    await flushPromises()
    expect(cancel).toHaveBeenCalledWith('f1')
    expect(w.get('[data-testid="oauth-state"]').text()).toBe('Sign-in canceled.')

    cancel.mockClear()
    const w2 = mountIt()
    await flushPromises()
    await fill(w2)
    w2.unmount()
    expect(cancel).toHaveBeenCalledWith('f1')
  })
})
