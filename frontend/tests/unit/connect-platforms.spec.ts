// The per-platform connect descriptions: cleaning what people type, the checks, and the request
// each platform sends to Accounts.Connect.
import { describe, expect, it } from 'vitest'
import {
  CONNECT_PLATFORMS,
  bluesky,
  checkAppPassword,
  checkHandle,
  checkServerUrl,
  cleanValues,
  mastodon,
  normalizeAppPassword,
  normalizeHandle,
  normalizeServerUrl,
  telegram,
  validate,
} from '@/components/connect/platforms'
import { messages } from '@/locales'

describe('normalizeServerUrl', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['  https://mastodon.social/  ', 'https://mastodon.social'],
    ['Mastodon.Social', 'https://mastodon.social'],
    ['https://social.example.org/sub/path//', 'https://social.example.org/sub/path'],
    ['http://127.0.0.1:41234', 'http://127.0.0.1:41234'],
    ['@glazeco@fosstodon.org', 'https://fosstodon.org'],
    ['glazeco@fosstodon.org', 'https://fosstodon.org'],
    ['https://mastodon.social/@glazeco', 'https://mastodon.social'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (typed, want) => {
    expect(normalizeServerUrl(typed)).toBe(want)
  })
})

describe('checkServerUrl', () => {
  it('accepts https addresses and plain http only on this computer', () => {
    expect(checkServerUrl('https://mastodon.social')).toBeNull()
    expect(checkServerUrl('http://127.0.0.1:41234')).toBeNull()
    expect(checkServerUrl('http://localhost:3000')).toBeNull()
    expect(checkServerUrl('http://mastodon.social')).toBe('settings.connect.fieldErrors.https')
  })

  it.each(['https://not a host', 'https://mastodon', 'ftp://mastodon.social', 'https://x.org/?a=1', normalizeServerUrl('user:pw@mastodon.social/x')])(
    'rejects %j',
    (url) => {
      expect(checkServerUrl(url)).toBe('settings.connect.fieldErrors.serverUrl')
    },
  )
})

describe('Bluesky handle and app password', () => {
  it('strips a leading @ and reads profile links', () => {
    expect(normalizeHandle(' @name.bsky.social ')).toBe('name.bsky.social')
    expect(normalizeHandle('@@name.bsky.social')).toBe('name.bsky.social')
    expect(normalizeHandle('https://bsky.app/profile/name.bsky.social')).toBe('name.bsky.social')
    expect(normalizeHandle('did:plc:abc123')).toBe('did:plc:abc123')
  })

  it('wants a domain-like handle or a DID', () => {
    expect(checkHandle('name.bsky.social')).toBeNull()
    expect(checkHandle('shop.example.com')).toBeNull()
    expect(checkHandle('did:plc:ewvi7nxzyoun6zhxrhs64oiz')).toBeNull()
    expect(checkHandle('name')).toBe('settings.connect.bluesky.handleInvalid')
    expect(checkHandle('my name.bsky.social')).toBe('settings.connect.bluesky.handleInvalid')
  })

  it('accepts only the app password shape, never something like a main password', () => {
    expect(checkAppPassword(normalizeAppPassword(' abcd-efgh-1234-mnop '))).toBeNull()
    expect(checkAppPassword(normalizeAppPassword('ABCD-EFGH-1234-MNOP'))).toBeNull()
    expect(checkAppPassword('MyMainPassword1')).toBe('settings.connect.bluesky.passwordFormat')
    expect(checkAppPassword('abcd-efgh-1234')).toBe('settings.connect.bluesky.passwordFormat')
  })
})

describe('requests', () => {
  it('Telegram: token, name and the optional Bot API server', () => {
    const v = cleanValues(telegram, { token: ' 123:abc ', name: ' Shop bot ', baseUrl: '' })
    expect(validate(telegram, v)).toEqual({})
    expect(telegram.request(v)).toEqual({ platform: 'telegram', token: '123:abc', name: 'Shop bot', baseUrl: '', extra: {} })
  })

  it('Mastodon: the server becomes a https base URL', () => {
    const v = cleanValues(mastodon, { baseUrl: 'mastodon.social', token: ' tok ', name: '' })
    expect(validate(mastodon, v)).toEqual({})
    expect(mastodon.request(v)).toEqual({ platform: 'mastodon', token: 'tok', name: '', baseUrl: 'https://mastodon.social', extra: {} })
  })

  it('Bluesky: the app password is the token, the handle goes in extra.identifier', () => {
    const v = cleanValues(bluesky, { identifier: '@name.bsky.social', token: 'abcd-efgh-ijkl-mnop', name: 'Shop', baseUrl: '' })
    expect(validate(bluesky, v)).toEqual({})
    expect(bluesky.request(v)).toEqual({
      platform: 'bluesky',
      token: 'abcd-efgh-ijkl-mnop',
      name: 'Shop',
      baseUrl: '',
      extra: { identifier: 'name.bsky.social' },
    })
  })

  it('reports each required field left empty with its own message', () => {
    expect(validate(telegram, cleanValues(telegram, {}))).toEqual({ token: 'settings.connect.telegram.tokenRequired' })
    expect(validate(mastodon, cleanValues(mastodon, {}))).toEqual({
      baseUrl: 'settings.connect.mastodon.serverRequired',
      token: 'settings.connect.mastodon.tokenRequired',
    })
    expect(validate(bluesky, cleanValues(bluesky, { baseUrl: 'http://pds.example.com' }))).toEqual({
      identifier: 'settings.connect.bluesky.handleRequired',
      token: 'settings.connect.bluesky.passwordRequired',
      baseUrl: 'settings.connect.fieldErrors.https',
    })
  })
})

describe('every key a platform names exists in English', () => {
  function has(key: string): boolean {
    let node: unknown = messages.en
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
    return typeof node === 'string'
  }
  it.each(CONNECT_PLATFORMS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
    const keys = [p.tagline, p.help.title, ...(p.help.note ? [p.help.note] : []), ...p.help.steps.map((s) => s.key)]
    for (const f of p.fields) keys.push(...[f.label, f.placeholder, f.help, f.required].filter((k): k is string => !!k))
    for (const k of keys) expect(has(k), k).toBe(true)
  })
})
