// The browser sign-in's pure helpers: what is sent to OAuth.Start for YouTube and Mastodon, and
// what each state of a flow shows.
import { describe, expect, it } from 'vitest'
import { isFinished, mastodonRequest, stateKey, youtubeRequest } from '@/components/connect/oauth/flow'
import { COMING_SOON, CONNECT_PLATFORMS, checkGoogleClientId, youtube } from '@/components/connect/platforms'

const blank = { clientId: '', clientSecret: '', name: '', baseUrl: '', authUrl: '', tokenUrl: '' }

describe('youtubeRequest', () => {
  it('asks for the client id and secret', () => {
    const { problems } = youtubeRequest(blank, '')
    expect(problems).toEqual({ clientId: 'oauth.youtube.clientIdRequired', clientSecret: 'oauth.youtube.clientSecretRequired' })
  })

  it('lets the secret be empty only for the saved client', () => {
    const values = { ...blank, clientId: ' 12-ab.apps.googleusercontent.com ' }
    expect(youtubeRequest(values, '12-ab.apps.googleusercontent.com').problems).toEqual({})
    expect(youtubeRequest(values, 'another-client').problems.clientSecret).toBe('oauth.youtube.clientSecretRequired')
  })

  it('cleans the values and keeps test addresses on this computer only', () => {
    const { request, problems } = youtubeRequest(
      { clientId: '12-ab', clientSecret: ' GOCSPX-x ', name: ' Studio ', baseUrl: '127.0.0.1:8080/youtube/v3/', authUrl: 'http://127.0.0.1:9000/o/authorize', tokenUrl: '' },
      '',
      7,
    )
    expect(problems).toEqual({})
    expect(request).toEqual({
      platform: 'youtube',
      clientId: '12-ab',
      clientSecret: 'GOCSPX-x',
      name: 'Studio',
      baseUrl: 'https://127.0.0.1:8080/youtube/v3',
      authUrl: 'http://127.0.0.1:9000/o/authorize',
      tokenUrl: '',
      accountId: 7,
    })
    expect(youtubeRequest({ ...blank, clientId: 'a', clientSecret: 's', tokenUrl: 'http://token.example.com/t' }, '').problems).toMatchObject({
      clientId: 'oauth.youtube.clientIdInvalid',
      tokenUrl: 'settings.connect.fieldErrors.https',
    })
  })

  it('checks the client id shape', () => {
    expect(checkGoogleClientId('1234-abc.apps.googleusercontent.com')).toBeNull()
    expect(checkGoogleClientId('has space')).toBe('oauth.youtube.clientIdInvalid')
  })
})

describe('mastodonRequest', () => {
  it('turns a handle into the server and requires one', () => {
    expect(mastodonRequest({ server: '@me@fosstodon.org', name: '' }).request).toMatchObject({ platform: 'mastodon', baseUrl: 'https://fosstodon.org' })
    expect(mastodonRequest({ server: '', name: '' }).problems.server).toBe('settings.connect.mastodon.serverRequired')
  })
})

describe('flow states', () => {
  it('tells running from ended flows and words each state', () => {
    expect(isFinished('waiting')).toBe(false)
    expect(isFinished('connecting')).toBe(false)
    expect(['done', 'failed', 'canceled'].every((s) => isFinished(s as never))).toBe(true)
    expect(stateKey({ state: 'waiting', browserOpened: true })).toBe('oauth.flow.waiting')
    expect(stateKey({ state: 'waiting', browserOpened: false })).toBe('oauth.flow.openYourself')
    expect(stateKey({ state: 'failed', browserOpened: true })).toBe('oauth.flow.failed')
  })
})

describe('the YouTube entry', () => {
  it('is connectable, no longer coming soon, with help on the scope', () => {
    expect(CONNECT_PLATFORMS.map((p) => p.id)).toContain('youtube')
    expect(COMING_SOON as readonly string[]).not.toContain('youtube')
    expect(youtube.help.steps.flatMap((s) => s.code ?? [])).toContain('https://www.googleapis.com/auth/youtube.force-ssl')
  })
})
